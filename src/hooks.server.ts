import type { Handle } from '@sveltejs/kit';
import { getDb } from '$lib/server/db/client';
import { ShardRouter } from '$lib/server/db/shards';
import { registerLocale, resolveLocale } from '$lib/i18n';
import { en } from '$lib/i18n/en';
import { SESSION_COOKIE } from '$lib/server/auth/cookie';
import { readSession } from '$lib/server/auth/session';
import { toActor, userView } from '$lib/server/auth/users';
import { applySecurityHeaders, extendCsp, originsOf } from '$lib/server/auth/headers';
import { markCompressed } from '$lib/server/compression';
import { allowTurnstile, turnstileSiteKey } from '$lib/server/help-requests/turnstile';
import { version } from '$app/environment';
import { APP_VERSION_HEADER, LANG_HEADER, SIGNED_IN_HEADER } from '$lib/offline/sw/policy';

const ONE_YEAR_S = 60 * 60 * 24 * 365;

// Pages render in either language on the server (browsers load English only when asked).
registerLocale('en', en);

/**
 * Per request: a database client for this request's D1 binding, and the UI language
 * (`?lang=` switches it and is remembered in a cookie; Vietnamese by default).
 */
export const handle: Handle = async ({ event, resolve }) => {
	const d1 = event.platform?.env.DB;
	if (d1) {
		event.locals.db = getDb(d1);
		event.locals.shards = new ShardRouter(event.platform!.env, event.locals.db);
	}
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
	await resolveUser(event);
	const response = await resolve(event, {
		transformPageChunk: ({ html }) => html.replace('%lang%', event.locals.locale)
	});
	const env = event.platform?.env;
	const out = secured(response, [env?.BASEMAP_STYLE_URL, env?.BASEMAP_SATELLITE_URL]);
	// The help-request form shows Cloudflare Turnstile when it is configured (issue 17 §1).
	const csp = out.headers.get('Content-Security-Policy');
	if (csp && event.url.pathname === '/ho-tro' && turnstileSiteKey(env))
		out.headers.set('Content-Security-Policy', allowTurnstile(csp));
	if (out.headers.get('content-type')?.startsWith('text/html')) {
		// For the service worker: which app version rendered this page, for whom, in what language.
		out.headers.set(APP_VERSION_HEADER, version);
		out.headers.set(SIGNED_IN_HEADER, event.locals.user ? '1' : '0');
		out.headers.set(LANG_HEADER, event.locals.locale);
	}
	markCompressed(event.request, out);
	return out;
};

/**
 * The logged-in user for page loads (the API resolves its own, from the same cookie).
 * A revoked, expired or disabled session resolves to nobody at once.
 */
async function resolveUser(event: Parameters<Handle>[0]['event']): Promise<void> {
	event.locals.user = null;
	event.locals.actor = null;
	const token = event.cookies.get(SESSION_COOKIE);
	if (!token || !event.locals.db || event.url.pathname.startsWith('/api/')) return;
	const found = await readSession(event.locals.db, token);
	if (found) {
		event.locals.user = userView(found.user);
		event.locals.actor = toActor(found.user);
	}
}

/**
 * Security headers on every response; the page CSP (from kit.csp) admits the hosts of an
 * outside base map style and of the satellite imagery.
 */
function secured(response: Response, basemapUrls: (string | undefined)[]): Response {
	let r = response;
	try {
		applySecurityHeaders(r.headers);
	} catch {
		// Headers of a passed-through fetch response are immutable: copy it.
		r = new Response(r.body, r);
		applySecurityHeaders(r.headers);
	}
	const csp = r.headers.get('Content-Security-Policy');
	const origins = [...new Set(basemapUrls.flatMap((u) => originsOf(u)))];
	if (csp) r.headers.set('Content-Security-Policy', extendCsp(csp, origins));
	return r;
}
