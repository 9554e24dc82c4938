import type { PageServerLoad } from './$types';
import { error } from '@sveltejs/kit';
import { isCommuneCode } from '$lib/domain/codes';
import { apiGet } from '$lib/server/auth/page-api';
import type { CommuneArea } from '$lib/server/db/queries/team-admin';
import type { ReviewRow } from '$lib/server/privacy/retention';

/** Personal data of a commune (issue 13): households due for retention review, and the rules. */
export const load: PageServerLoad = async ({ params, fetch, url }) => {
	if (!isCommuneCode(params.code)) error(404, 'Not found');
	const review = await apiGet<{
		commune: CommuneArea;
		months: number;
		auditYears: number;
		total: number;
		households: ReviewRow[];
	}>(fetch, `/api/personal-data/review?commune=${params.code}`, url);
	return review;
};
