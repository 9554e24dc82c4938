import { Hono } from 'hono';
import type { Context } from 'hono';
import { z } from 'zod';
import { eq } from 'drizzle-orm';
import { ApiError } from '../errors.ts';
import { validate } from '../validation.ts';
import { ensure, noStore, requireActor, type AuthEnv } from '../middleware/env.ts';
import { audit, auditNow } from '../middleware/scope.ts';
import { adminArea, areaQuery } from '../middleware/area-query.ts';
import { canManageUser } from '../../../domain/scope.ts';
import { listUsers } from '../../db/queries/accounts.ts';
import { getUser, type UserRow } from '../../auth/users.ts';
import { revokeUserSessions } from '../../auth/session.ts';
import { runBatch } from '../../db/writes/team-admin.ts';
import { users } from '../../db/schema/index.ts';
import { id } from './teams-input.ts';
import { usersOps as doc } from '../openapi/operations/teams.ts';

/** The target account, checked manageable by the caller (else 404 / 403). */
async function manageable(c: Context<AuthEnv>, userId: string): Promise<UserRow> {
	const actor = requireActor(c);
	const target = await getUser(c.get('db'), userId);
	if (!target) throw new ApiError('user_not_found', 404, 'No such user');
	const grant = {
		userId: target.id,
		role: target.role,
		provinceCode: target.scopeProvinceCode,
		communeCode: target.scopeCommuneCode,
		teamId: target.scopeTeamId
	};
	ensure(canManageUser(actor, grant), 'managing this account');
	// An erased account (issue 13) has no login, name or sessions left: nothing to manage.
	if (target.erasedAt !== null)
		throw new ApiError('already_erased', 410, "This account's personal data was erased");
	return target;
}

function userAudit(action: string, u: UserRow, detail?: Record<string, unknown>) {
	return {
		kind: 'write' as const,
		action,
		entity: 'user',
		entityId: u.id,
		provinceCode: u.scopeProvinceCode,
		communeCode: u.scopeCommuneCode,
		detail
	};
}

/**
 * Accounts of a scope for its admins: list (personal data, audited), revoke all sessions
 * (effective on the user's next request) and disable / enable.
 */
export const usersApi = new Hono<AuthEnv>()
	.use(noStore)
	.get('/', doc.get, validate('query', areaQuery), async (c) => {
		const { area } = await adminArea(c, c.req.valid('query'), "this area's accounts");
		const rows = await listUsers(c.get('db'), area);
		await auditNow(c, {
			kind: 'read',
			action: 'users.read',
			entity: 'user',
			provinceCode: area.provinceCode,
			communeCode: area.communeCode,
			detail: { rows: rows.length }
		});
		return c.json({ users: rows }, 200);
	})
	.post('/:id/revoke-sessions', doc.postByIdRevokeSessions, validate('param', id), async (c) => {
		const target = await manageable(c, c.req.valid('param').id);
		const db = c.get('db');
		await runBatch(db, [
			revokeUserSessions(db, target.id),
			audit(c, userAudit('user.revoke_sessions', target))
		]);
		return c.json({ ok: true }, 200);
	})
	.post(
		'/:id/disable',
		doc.postByIdDisable,
		validate('param', id),
		validate('json', z.object({ disabled: z.boolean() })),
		async (c) => {
			const target = await manageable(c, c.req.valid('param').id);
			const { disabled } = c.req.valid('json');
			const db = c.get('db');
			await runBatch(db, [
				db.update(users).set({ disabled }).where(eq(users.id, target.id)),
				// Disabling ends the sessions too, so it takes effect at once.
				...(disabled ? [revokeUserSessions(db, target.id)] : []),
				audit(c, userAudit(disabled ? 'user.disable' : 'user.enable', target))
			]);
			return c.json({ ok: true, disabled }, 200);
		}
	);
