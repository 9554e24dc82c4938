import type { Handle } from '@sveltejs/kit';
import { getDb } from '$lib/server/db/client';
import { resolveLocale } from '$lib/i18n';

const ONE_YEAR_S = 60 * 60 * 24 * 365;

/**
 * Per request: a database client for this request's D1 binding, and the UI language
 * (`?lang=` switches it and is remembered in a cookie; Vietnamese by default).
 */
export const handle: Handle = async ({ event, resolve }) => {
	const d1 = event.platform?.env.DB;
	if (d1) event.locals.db = getDb(d1);
	const asked = event.url.searchParams.get('lang');
	if (asked) {
		event.cookies.set('lang', resolveLocale(asked), {
			path: '/',
			maxAge: ONE_YEAR_S,
			httpOnly: false,
			sameSite: 'lax'
		});
	}
	event.locals.locale = resolveLocale(asked ?? event.cookies.get('lang') ?? null);
	return resolve(event, {
		transformPageChunk: ({ html }) => html.replace('%lang%', event.locals.locale)
	});
};
