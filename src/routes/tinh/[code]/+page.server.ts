import type { PageServerLoad } from './$types';
import { error } from '@sveltejs/kit';
import { isProvinceCode } from '$lib/domain/codes';
import { getProvince, listCommunesOfProvince } from '$lib/server/db/queries/admin-units';
import { metricsOfProvinceGroup } from '$lib/server/db/queries/public-metrics';
import { parseMapUrl } from '$lib/map/url-state';

/** A province's public page: its totals and every commune's figure for one metric (?metric=). */
export const load: PageServerLoad = async ({ locals, params, url }) => {
	if (!isProvinceCode(params.code)) error(404, 'Not found');
	const province = await getProvince(locals.db, params.code);
	if (!province) error(404, 'Not found');
	const [communes, group] = await Promise.all([
		listCommunesOfProvince(locals.db, params.code),
		metricsOfProvinceGroup(locals.db, params.code)
	]);
	const area = group.find((a) => a.level === 'province' && a.code === province.code) ?? null;
	const byCommune = new Map(group.filter((a) => a.level === 'commune').map((a) => [a.code, a]));
	const metric = parseMapUrl(url.searchParams).metric;
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
	return { province, area, rows, metric };
};
