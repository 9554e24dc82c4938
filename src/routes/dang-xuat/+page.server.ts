import type { Actions, PageServerLoad } from './$types';
import { redirect } from '@sveltejs/kit';
import { SESSION_COOKIE } from '$lib/server/auth/cookie';
import { deleteSession } from '$lib/server/auth/session';
import { sha256Hex } from '$lib/server/auth/crypto';

/** Logging out is a POST (a link could be triggered by any page); GET just goes home. */
export const load: PageServerLoad = () => redirect(303, '/');

export const actions: Actions = {
	default: async ({ cookies, locals }) => {
		const token = cookies.get(SESSION_COOKIE);
		if (token) await deleteSession(locals.db, await sha256Hex(token));
		cookies.delete(SESSION_COOKIE, { path: '/', secure: true, httpOnly: true, sameSite: 'lax' });
		redirect(303, '/');
	}
};
