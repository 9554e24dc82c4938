import { Hono } from 'hono';
import { ApiError } from '../errors.ts';
import { validate } from '../validation.ts';
import { ensure, noStore, requireActor, type AuthEnv } from '../middleware/env.ts';
import { audit, auditNow } from '../middleware/scope.ts';
import { adminArea, areaQuery } from '../middleware/area-query.ts';
import { canInvite, grantShapeError } from '../../../domain/scope.ts';
import { getInvite, listInvites } from '../../db/queries/accounts.ts';
import { runBatch } from '../../db/writes/team-admin.ts';
import { invites } from '../../db/schema/index.ts';
import { newInvite, resolveGrant } from '../../auth/invites.ts';
import { eq } from 'drizzle-orm';
import { id } from './teams-input.ts';
import { inviteCreate } from './invites-input.ts';
import { inviteTokenApi } from './invites-token.ts';
import { invitesOps as doc } from '../openapi/operations/teams.ts';

function inviteAudit(
	action: string,
	row: {
		id: string;
		role: string;
		scopeProvinceCode: string | null;
		scopeCommuneCode: string | null;
		scopeTeamId: string | null;
	}
) {
	return {
		kind: 'write' as const,
		action,
		entity: 'invite',
		entityId: row.id,
		provinceCode: row.scopeProvinceCode,
		communeCode: row.scopeCommuneCode,
		detail: { role: row.role, teamId: row.scopeTeamId }
	};
}

/**
 * Invitations: create (for a role and scope the caller may grant; the token comes back once,
 * for the link and QR code), list for admins of the area, revoke; and, public, open and
 * accept a link (invites-token.ts).
 */
export const invitesApi = new Hono<AuthEnv>()
	.use(noStore)
	.route('/token', inviteTokenApi)
	.post('/', doc.post, validate('json', inviteCreate), async (c) => {
		const actor = requireActor(c);
		const body = c.req.valid('json');
		const db = c.get('db');
		const resolved = await resolveGrant(db, body);
		if ('error' in resolved)
			throw new ApiError('invalid_json', 400, `${resolved.field}: ${resolved.error}`, {
				field: resolved.field
			});
		const shape = grantShapeError(resolved.grant);
		if (shape) throw new ApiError('invalid_json', 400, `role: ${shape}`, { field: 'role' });
		ensure(canInvite(actor, resolved.grant), `inviting a ${body.role} there`);
		const { token, row } = await newInvite(
			resolved.grant,
			resolved.memberId,
			body.note ?? null,
			actor.userId
		);
		await runBatch(db, [
			db.insert(invites).values(row),
			audit(c, inviteAudit('invite.create', row))
		]);
		const { tokenHash: _hash, ...view } = row;
		return c.json({ invite: view, token, path: `/tham-gia/${token}` }, 201);
	})
	.get('/', doc.get, validate('query', areaQuery), async (c) => {
		const { area } = await adminArea(c, c.req.valid('query'), "this area's invites");
		const rows = await listInvites(c.get('db'), area);
		// Who was invited, by whom, with notes that often name the person: audited.
		await auditNow(c, {
			kind: 'read',
			action: 'invites.read',
			entity: 'invite',
			provinceCode: area.provinceCode,
			communeCode: area.communeCode,
			detail: { rows: rows.length }
		});
		return c.json({ invites: rows }, 200);
	})
	.delete('/:id', doc.deleteById, validate('param', id), async (c) => {
		const actor = requireActor(c);
		const db = c.get('db');
		const row = await getInvite(db, c.req.valid('param').id);
		if (!row) throw new ApiError('invite_not_found', 404, 'No such invite');
		const grant = {
			role: row.role,
			provinceCode: row.scopeProvinceCode,
			communeCode: row.scopeCommuneCode,
			teamId: row.scopeTeamId
		};
		ensure(canInvite(actor, grant), 'revoking this invite');
		await runBatch(db, [
			db.update(invites).set({ revokedAt: Date.now() }).where(eq(invites.id, row.id)),
			audit(c, inviteAudit('invite.revoke', row))
		]);
		return c.json({ ok: true }, 200);
	});
