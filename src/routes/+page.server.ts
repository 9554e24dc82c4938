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
	const [provinceRows, payload, geo, commune] = await Promise.all([
		listProvinces(db),
		storedMetricPayload(platform?.env.DB ?? db, db, url.origin, metricDefinition(state.metric)!),
		readGeoAssets(platform?.env.ASSETS, url.origin),
		state.commune ? getCommune(db, state.commune) : Promise.resolve(undefined)
	]);
	if (commune) state.province = commune.provinceCode;
	else state.commune = null;
	if (state.province && !provinceRows.some((p) => p.code === state.province)) state.province = null;
	const communes = state.province
		? (await listCommunesOfProvince(db, state.province)).map(slimCommune)
		: [];
	let communeDetail = null;
	if (commune) {
		const [group, teams] = await Promise.all([
			metricsOfProvinceGroup(db, commune.provinceCode),
			listPublicTeams(db, commune.provinceCode, commune.code)
		]);
		const area = group.find((a) => a.code === commune.code && a.level === 'commune');
		communeDetail = area ? { area, teams } : null;
	}
	return {
		state,
		payload,
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
