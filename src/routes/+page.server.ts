import type { PageServerLoad } from './$types';
import { listProvinces } from '$lib/server/db/queries/admin-units';

export const load: PageServerLoad = async ({ locals }) => {
	const provinces = await listProvinces(locals.db);
	return { provinces };
};
