import type { LayoutServerLoad } from './$types';
import { redirect } from '@sveltejs/kit';

/** Every management page needs a login, and none may be cached anywhere. */
export const load: LayoutServerLoad = ({ locals, url, setHeaders }) => {
	setHeaders({ 'cache-control': 'private, no-store' });
	if (!locals.user)
		redirect(303, `/dang-nhap?next=${encodeURIComponent(url.pathname + url.search)}`);
	return { user: locals.user };
};
