import type { PageServerLoad } from './$types';
import { error } from '@sveltejs/kit';
import { isCommuneCode } from '$lib/domain/codes';
import { apiGet } from '$lib/server/auth/page-api';
import type { CommuneArea } from '$lib/server/db/queries/team-admin';
import type { LeaderHelpRequest } from '$lib/server/help-requests/read';

/**
 * A commune's help requests from the public (issue 17 §1) for its leaders: the open ones and
 * those of the last 30 days, with phones (the API checks the scope and audits the read).
 */
export const load: PageServerLoad = async ({ params, fetch, url }) => {
	if (!isCommuneCode(params.code)) error(404, 'Not found');
	const list = await apiGet<{
		commune: CommuneArea;
		hamletId: string | null;
		requests: LeaderHelpRequest[];
		unplanned: number;
	}>(fetch, `/api/help-requests?commune=${params.code}`, url);
	const hamlets = await apiGet<{ hamlets: { id: string; name: string }[] }>(
		fetch,
		`/api/hamlets?commune=${params.code}`,
		url
	);
	const services = await apiGet<{ service_code: string; service_name: string }[]>(
		fetch,
		'/api/open311/v2/services.json',
		url
	);
	return {
		...list,
		hamletNames: Object.fromEntries(hamlets.hamlets.map((h) => [h.id, h.name])),
		serviceNames: Object.fromEntries(services.map((s) => [s.service_code, s.service_name]))
	};
};
