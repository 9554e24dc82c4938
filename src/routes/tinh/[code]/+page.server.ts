import type { PageServerLoad } from './$types';
import { error } from '@sveltejs/kit';
import { isProvinceCode } from '$lib/domain/codes';
import { metricDefinition } from '$lib/domain/metric-definitions';
import { getProvince, listCommunesOfProvince } from '$lib/server/db/queries/admin-units';
import { areaTime } from '$lib/server/public-read/area-time';
import { parseMapUrl } from '$lib/map/url-state';

/**
 * A province's public page: its totals and every commune's figure for one metric (?metric=),
 * over the last 12 months or one month (?month=), and the metric's trend month by month.
 */
export const load: PageServerLoad = async ({ locals, params, url }) => {
	if (!isProvinceCode(params.code)) error(404, 'Not found');
	const province = await getProvince(locals.db, params.code);
	if (!province) error(404, 'Not found');
	const state = parseMapUrl(url.searchParams);
	const metric = state.metric;
	const area0 = { code: province.code, level: 'province' as const, provinceCode: province.code };
	const [communes, time] = await Promise.all([
		listCommunesOfProvince(locals.db, params.code),
		areaTime(locals.db, area0, metricDefinition(metric)!, state.month ?? null)
	]);
	const { group } = time;
	const area = group.find((a) => a.level === 'province' && a.code === province.code) ?? null;
	const byCommune = new Map(group.filter((a) => a.level === 'commune').map((a) => [a.code, a]));
	const rows = communes.map((c) => {
		const metrics = byCommune.get(c.code)?.metrics ?? [];
		return {
			code: c.code,
			fullName: c.fullName,
			fullNameEn: c.fullNameEn,
			teams: metrics.find((m) => m.key === 'teams')?.value ?? null,
			figure: metrics.find((m) => m.key === metric) ?? null
		};
	});
	const { months, month, trend, flow } = time;
	return { province, area, rows, metric, months, month, trend, flow };
};
