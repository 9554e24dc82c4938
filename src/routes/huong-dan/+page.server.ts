import type { PageServerLoad } from './$types';
import { listGuides } from '$lib/server/guides/store';

/** The training library's list (public: guides hold no personal data). */
export const load: PageServerLoad = async ({ locals, setHeaders }) => {
	setHeaders({ 'cache-control': 'public, max-age=60' });
	return { library: await listGuides(locals.db) };
};
