import type { Actions, PageServerLoad } from './$types';
import { fail, redirect } from '@sveltejs/kit';
import { attemptLogin, clientIp } from '$lib/server/auth/login';
import { DEVICE_COOKIE, DEVICE_MAX_AGE_S } from '$lib/server/auth/devices';
import { SESSION_COOKIE } from '$lib/server/auth/cookie';
import { auditInsert } from '$lib/server/auth/audit';
import { toActor } from '$lib/server/auth/users';
import type { Role } from '$lib/domain/roles';
import { sameSitePath } from '$lib/domain/safe-path';

/**
 * Each role's home: a member goes out to the field (`/thuc-dia`), everyone else to their day
 * or dashboard (`/quan-ly`).
 */
function homeOf(role: Role): string {
	return role === 'member' ? '/thuc-dia' : '/quan-ly';
}

/** Only same-site paths (see safe-path.ts). */
function safeNext(raw: string | null, role: Role): string {
	return sameSitePath(raw) ?? homeOf(role);
}

export const load: PageServerLoad = ({ locals, url }) => {
	if (locals.user) redirect(303, safeNext(url.searchParams.get('next'), locals.user.role));
	return {};
};

export const actions: Actions = {
	/** A plain form post (works without JavaScript); SvelteKit checks its origin. */
	default: async ({ request, locals, cookies, url }) => {
		// Anything but a form (text/plain, JSON, a broken multipart body) is a bad request.
		const form = await request.formData().catch(() => null);
		if (!form) return fail(400, { login: '', reason: 'malformed' as const, minutes: 0 });
		const login = String(form.get('login') ?? '').trim();
		const password = String(form.get('password') ?? '');
		const r = await attemptLogin(locals.db, login, password, {
			ip: clientIp(request),
			device: cookies.get(DEVICE_COOKIE) ?? null
		});
		if (!r.ok) {
			const minutes = r.reason === 'locked' ? Math.ceil((r.until - Date.now()) / 60_000) : 0;
			return fail(r.reason === 'locked' ? 429 : 400, { login, reason: r.reason, minutes });
		}
		await auditInsert(
			locals.db,
			toActor(r.user),
			{
				kind: 'auth',
				action: 'session.login',
				entity: 'user',
				entityId: r.user.id,
				provinceCode: r.user.scopeProvinceCode,
				communeCode: r.user.scopeCommuneCode
			},
			null
		);
		cookies.set(SESSION_COOKIE, r.token, {
			path: '/',
			httpOnly: true,
			secure: true,
			sameSite: 'lax',
			expires: new Date(r.expiresAt)
		});
		if (r.device) {
			cookies.set(DEVICE_COOKIE, r.device, {
				path: '/',
				httpOnly: true,
				secure: true,
				sameSite: 'lax',
				maxAge: DEVICE_MAX_AGE_S
			});
		}
		redirect(303, safeNext(url.searchParams.get('next'), r.user.role));
	}
};
