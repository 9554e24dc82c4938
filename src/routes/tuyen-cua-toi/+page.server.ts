import type { PageServerLoad } from './$types';
import { redirect } from '@sveltejs/kit';
import { apiGet } from '$lib/server/auth/page-api';
import type { RouteListItem } from '$lib/server/db/queries/routes';

/** "My routes": the routes assigned to the member the login is linked to. */
export const load: PageServerLoad = async ({ fetch, url, locals, setHeaders }) => {
	if (!locals.user) redirect(303, `/dang-nhap?next=${encodeURIComponent(url.pathname)}`);
	setHeaders({ 'cache-control': 'private, no-store' });
	return await apiGet<{ memberId: string | null; routes: RouteListItem[] }>(
		fetch,
		'/api/routes/mine',
		url
	);
};
