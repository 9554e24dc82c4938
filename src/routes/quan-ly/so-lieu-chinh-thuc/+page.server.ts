import type { PageServerLoad } from './$types';
import { apiGet } from '$lib/server/auth/page-api';

/** A figure as GET /api/official-stats lists it. */
export interface OfficialRow {
	communeCode: string;
	communeName: string;
	provinceCode: string;
	month: string;
	serviceCode: string;
	value: number;
	estimate: boolean;
	source: string;
	note: string | null;
	oldCodes: string[];
	importedAt: number;
}

/** The import page of official statistics: what has been imported in the caller's scope. */
export const load: PageServerLoad = async ({ fetch, url, parent }) => {
	const { user } = await parent();
	const { rows } = await apiGet<{ rows: OfficialRow[] }>(fetch, '/api/official-stats', url);
	return { rows, scopeProvince: user.role === 'admin' ? null : user.provinceCode };
};
