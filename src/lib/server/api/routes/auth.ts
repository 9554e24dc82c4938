import { Hono } from 'hono';
import { z } from 'zod';
import { eq } from 'drizzle-orm';
import { ApiError } from '../errors.ts';
import { validate } from '../validation.ts';
import { noStore, requireActor, type AuthEnv } from '../middleware/env.ts';
import { attemptLogin } from '../../auth/login.ts';
import { deviceCookie, readDeviceCookie } from '../../auth/devices.ts';
import { clearedSessionCookie, sessionCookie } from '../../auth/cookie.ts';
import { deleteSession, revokeUserSessions } from '../../auth/session.ts';
import {
	PASSWORD_MAX,
	passwordProblem,
	hashPassword,
	verifyPassword
} from '../../auth/password.ts';
import { lockedUntil, recordFailure, throttleKeys } from '../../auth/throttle.ts';
import { toActor, userView } from '../../auth/users.ts';
import { auditInsert } from '../../auth/audit.ts';
import { users } from '../../db/schema/index.ts';
import { authOps as doc } from '../openapi/operations/public.ts';

/** A new password (accepting an invite, changing one): the rule of password.ts. */
export const passwordField = z.string().superRefine((p, ctx) => {
	const problem = passwordProblem(p);
	if (problem) ctx.addIssue({ code: 'custom', message: problem });
});

const loginBody = z.object({
	login: z.string().trim().min(1, 'Enter a phone number or e-mail').max(254),
	password: z.string().min(1, 'Enter the password').max(PASSWORD_MAX)
});

const passwordBody = z.object({
	currentPassword: z.string().max(PASSWORD_MAX),
	newPassword: passwordField
});

/** Login, logout, the current user, and password change. */
export const authApi = new Hono<AuthEnv>()
	.use(noStore)
	.post('/login', doc.postLogin, validate('json', loginBody), async (c) => {
		const { login, password } = c.req.valid('json');
		const db = c.get('db');
		const r = await attemptLogin(db, login, password, {
			ip: c.get('clientIp'),
			device: readDeviceCookie(c.req.header('cookie'))
		});
		if (!r.ok && r.reason === 'malformed')
			throw new ApiError('invalid_json', 400, `login: ${r.message}`, { field: 'login' });
		if (!r.ok && r.reason === 'locked') {
			const retry = Math.ceil((r.until - Date.now()) / 1000);
			c.header('Retry-After', String(retry));
			throw new ApiError(
				'too_many_attempts',
				429,
				`Too many failed logins; try again in ${Math.ceil(retry / 60)} min`
			);
		}
		if (!r.ok) throw new ApiError('invalid_credentials', 401, 'Wrong login or password');
		const actor = toActor(r.user);
		await auditInsert(
			db,
			actor,
			{
				kind: 'auth',
				action: 'session.login',
				entity: 'user',
				entityId: r.user.id,
				provinceCode: r.user.scopeProvinceCode,
				communeCode: r.user.scopeCommuneCode
			},
			c.get('requestId')
		);
		c.header('Set-Cookie', sessionCookie(r.token, r.expiresAt));
		if (r.device) c.header('Set-Cookie', deviceCookie(r.device), { append: true });
		return c.json({ user: userView(r.user) }, 200);
	})
	.post('/logout', doc.postLogout, async (c) => {
		const sessionId = c.get('sessionId');
		if (sessionId) await deleteSession(c.get('db'), sessionId);
		c.header('Set-Cookie', clearedSessionCookie());
		return c.json({ ok: true }, 200);
	})
	.get('/me', doc.getMe, (c) => {
		const user = c.get('user');
		return c.json({ user: user ? userView(user) : null }, 200);
	})
	.post('/password', doc.postPassword, validate('json', passwordBody), async (c) => {
		const actor = requireActor(c);
		const user = c.get('user')!;
		const db = c.get('db');
		const { currentPassword, newPassword } = c.req.valid('json');
		// Guessing the current password through this form is throttled like logging in.
		const keys = await throttleKeys(`user:${user.id}`, c.get('clientIp'));
		if (await lockedUntil(db, keys)) {
			throw new ApiError('too_many_attempts', 429, 'Too many wrong passwords; try again later');
		}
		if (!(await verifyPassword(currentPassword, user.passwordHash))) {
			await recordFailure(db, keys);
			throw new ApiError('wrong_password', 400, 'currentPassword: the current password is wrong', {
				field: 'currentPassword'
			});
		}
		const hash = await hashPassword(newPassword);
		await db.batch([
			db.update(users).set({ passwordHash: hash }).where(eq(users.id, user.id)),
			revokeUserSessions(db, user.id, c.get('sessionId') ?? undefined),
			auditInsert(
				db,
				actor,
				{
					kind: 'auth',
					action: 'user.password_change',
					entity: 'user',
					entityId: user.id,
					provinceCode: user.scopeProvinceCode,
					communeCode: user.scopeCommuneCode,
					detail: { otherSessionsRevoked: true }
				},
				c.get('requestId')
			)
		]);
		return c.json({ ok: true }, 200);
	});
