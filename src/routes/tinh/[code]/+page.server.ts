import type { PageServerLoad } from './$types';
import { error } from '@sveltejs/kit';
import { getProvince, listCommunesOfProvince } from '$lib/server/db/queries/admin-units';

export const load: PageServerLoad = async ({ locals, params }) => {
	if (!/^\d{2}$/.test(params.code)) error(404, 'Not found');
	const province = await getProvince(locals.db, params.code);
	if (!province) error(404, 'Not found');
	const communes = await listCommunesOfProvince(locals.db, params.code);
	return { province, communes };
};
