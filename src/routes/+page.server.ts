import type { PageServerLoad } from './$types';
import {
	getCommune,
	listCommunesOfProvince,
	listProvinces
} from '$lib/server/db/queries/admin-units';
import { listPublicTeams, metricsOfProvinceGroup } from '$lib/server/db/queries/public-metrics';
import { storedMetricPayload } from '$lib/server/public-read/metric-payload';
import { metricDefinition } from '$lib/domain/metric-definitions';
import { parseMapUrl } from '$lib/map/url-state';
import { boundsOf } from '$lib/map/view';
import { readGeoAssets } from '$lib/server/geo-assets';
import { basemapStyleUrl } from '$lib/server/basemap/config';
import {
	changeForMonths,
	listMonths,
	metricForMonth,
	monthOfProvinceGroup
} from '$lib/server/db/queries/public-months';
import { changeAsPayload } from '$lib/map/period';
import type { Db } from '$lib/server/db/client';
import type { MetricDefinition } from '$lib/domain/metric-definitions';
import type { MetricPayload } from '$lib/domain/metric-payload';
import type { MapUrlState } from '$lib/map/url-state';

/**
 * The public map. Everything the first view needs comes with the HTML: the URL state, the
 * geometry URLs, the current metric for all communes (the same compact payload as
 * /api/metrics/communes), and for a province or commune in the URL its list and panel, so the
 * ranking and panel render server-side too. The metric payload comes from the API's
 * version-keyed store (built from D1 once per version, not per page view).
 */
export const load: PageServerLoad = async ({ locals, url, platform }) => {
	const state = parseMapUrl(url.searchParams);
	const db = locals.db;
	const def = metricDefinition(state.metric)!;
	const [provinceRows, periodPayload, months, geo, commune] = await Promise.all([
		listProvinces(db),
		monthFigures(db, def, state),
		listMonths(db),
		readGeoAssets(platform?.env.ASSETS, url.origin),
		state.commune ? getCommune(db, state.commune) : Promise.resolve(undefined)
	]);
	// A month without figures: the last 12 months, as the link would otherwise show nothing.
	if (!periodPayload) [state.month, state.since] = [null, null];
	const payload =
		periodPayload ?? (await storedMetricPayload(platform?.env.DB ?? db, db, url.origin, def));
	if (commune) state.province = commune.provinceCode;
	else state.commune = null;
	if (state.province && !provinceRows.some((p) => p.code === state.province)) state.province = null;
	const communes = state.province
		? (await listCommunesOfProvince(db, state.province)).map(slimCommune)
		: [];
	let communeDetail = null;
	if (commune) {
		const [group, teams] = await Promise.all([
			state.month
				? monthOfProvinceGroup(db, commune.provinceCode, state.month)
				: metricsOfProvinceGroup(db, commune.provinceCode),
			listPublicTeams(db, commune.provinceCode, commune.code)
		]);
		const area = group.find((a) => a.code === commune.code && a.level === 'commune');
		communeDetail = area ? { area, teams } : null;
	}
	return {
		state,
		payload,
		months,
		geo,
		basemapStyleUrl: basemapStyleUrl(platform?.env),
		provinces: provinceRows.map((p) => ({
			code: p.code,
			name: p.name,
			fullName: p.fullName,
			fullNameEn: p.fullNameEn,
			communeCount: p.communeCount,
			bbox: boundsOf(p)
		})),
		communes,
		communeDetail
	};
};

function slimCommune(c: Awaited<ReturnType<typeof listCommunesOfProvince>>[number]) {
	return {
		code: c.code,
		name: c.name,
		fullName: c.fullName,
		fullNameEn: c.fullNameEn,
		bbox: boundsOf(c)
	};
}

/** The figures of the URL's month, or the change since an earlier one; null for none. */
async function monthFigures(
	db: Db,
	def: MetricDefinition,
	state: MapUrlState
): Promise<MetricPayload | null> {
	if (!state.month) return null;
	if (!state.since) return metricForMonth(db, def, state.month);
	const change = await changeForMonths(db, def, state.month, state.since);
	return change && changeAsPayload(change, def.estimate);
}
