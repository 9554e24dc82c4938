import type { PageServerLoad } from './$types';
import { error } from '@sveltejs/kit';
import { isRecordId } from '$lib/domain/codes';
import { apiGet } from '$lib/server/auth/page-api';
import { basemapStyleUrl } from '$lib/server/basemap/config';
import type { RouteDetail } from '$lib/plan/route-types';

/**
 * The route view: GET /api/routes/:id (route, ordered stops with their households' visit
 * fields). The field app reuses the same API response to save the route for offline use.
 */
export const load: PageServerLoad = async ({ params, fetch, url, setHeaders, platform }) => {
	if (!isRecordId(params.id)) error(404, 'Not found');
	setHeaders({ 'cache-control': 'private, no-store' });
	return {
		detail: await apiGet<RouteDetail>(fetch, `/api/routes/${params.id}`, url),
		basemapStyleUrl: basemapStyleUrl(platform?.env)
	};
};
