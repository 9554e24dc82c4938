import type { PageServerLoad } from './$types';
import { error } from '@sveltejs/kit';
import { isCommuneCode } from '$lib/domain/codes';
import { metricDefinition } from '$lib/domain/metric-definitions';
import { getCommune } from '$lib/server/db/queries/admin-units';
import { listPublicTeams } from '$lib/server/db/queries/public-metrics';
import { areaTime } from '$lib/server/public-read/area-time';
import { parseMapUrl } from '$lib/map/url-state';
import { publicForecast } from '$lib/server/public-read/forecast';
import { publicRequestCount } from '$lib/server/help-requests/read';

/**
 * A commune's public page: server-rendered, works without JavaScript, shareable. Its figures
 * over the last 12 months or one month (?month=), and the current metric's trend by month; when
 * will every household have been visited (a burn-up from counts, small ones hidden).
 */
export const load: PageServerLoad = async ({ locals, params, url, platform }) => {
	if (!isCommuneCode(params.code)) error(404, 'Not found');
	const commune = await getCommune(locals.db, params.code);
	if (!commune) error(404, 'Not found');
	const state = parseMapUrl(url.searchParams);
	const metric = state.metric;
	const ref = { code: commune.code, level: 'commune' as const, provinceCode: commune.provinceCode };
	const [time, teams, forecast, helpRequests] = await Promise.all([
		areaTime(locals.db, ref, metricDefinition(metric)!, state.month ?? null),
		listPublicTeams(locals.db, commune.provinceCode, commune.code),
		publicForecast({ shards: locals.shards, db: locals.db, binding: platform!.env.DB }, commune),
		publicRequestCount(locals.shards, commune)
	]);
	const { group } = time;
	const area = group.find((a) => a.level === 'commune' && a.code === commune.code) ?? null;
	const { months, month, trend, flow } = time;
	return { commune, area, teams, metric, months, month, trend, flow, forecast, helpRequests };
};
