import type { PageServerLoad } from './$types';
import { error } from '@sveltejs/kit';
import { isCommuneCode } from '$lib/domain/codes';
import { getCommune } from '$lib/server/db/queries/admin-units';
import { listPublicTeams, metricsOfProvinceGroup } from '$lib/server/db/queries/public-metrics';
import { parseMapUrl } from '$lib/map/url-state';

/** A commune's public page: server-rendered, works without JavaScript, shareable. */
export const load: PageServerLoad = async ({ locals, params, url }) => {
	if (!isCommuneCode(params.code)) error(404, 'Not found');
	const commune = await getCommune(locals.db, params.code);
	if (!commune) error(404, 'Not found');
	const [group, teams] = await Promise.all([
		metricsOfProvinceGroup(locals.db, commune.provinceCode),
		listPublicTeams(locals.db, commune.provinceCode, commune.code)
	]);
	const area = group.find((a) => a.level === 'commune' && a.code === commune.code) ?? null;
	return { commune, area, teams, metric: parseMapUrl(url.searchParams).metric };
};
