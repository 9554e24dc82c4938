import type { Handle } from '@sveltejs/kit';
import { getDb } from '$lib/server/db/client';
import { resolveLocale } from '$lib/i18n';

/** Per request: a database client for this request's D1 binding, and the UI language. */
export const handle: Handle = async ({ event, resolve }) => {
	const d1 = event.platform?.env.DB;
	if (d1) event.locals.db = getDb(d1);
	event.locals.locale = resolveLocale(
		event.url.searchParams.get('lang') ?? event.cookies.get('lang') ?? null
	);
	return resolve(event, {
		transformPageChunk: ({ html }) => html.replace('%lang%', event.locals.locale)
	});
};
