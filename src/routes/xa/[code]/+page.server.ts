import type { PageServerLoad } from './$types';
import { error } from '@sveltejs/kit';
import { getCommune } from '$lib/server/db/queries/admin-units';

export const load: PageServerLoad = async ({ locals, params }) => {
	if (!/^\d{5}$/.test(params.code)) error(404, 'Not found');
	const commune = await getCommune(locals.db, params.code);
	if (!commune) error(404, 'Not found');
	return { commune };
};
