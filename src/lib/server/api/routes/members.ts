import { Hono } from 'hono';
import type { Context } from 'hono';
import type { z } from 'zod';
import { eq } from 'drizzle-orm';
import { ApiError } from '../errors.ts';
import { validate } from '../validation.ts';
import { ensure, noStore, requireActor, type AuthEnv } from '../middleware/env.ts';
import { audit, patchAudits, teamOr404 } from '../middleware/scope.ts';
import { canChangeScope, canManageTeam } from '../../../domain/scope.ts';
import { getMember, membersWithPhones, type TeamRow } from '../../db/queries/team-admin.ts';
import { memberInserts, runBatch } from '../../db/writes/team-admin.ts';
import { members, users } from '../../db/schema/index.ts';
import { id, memberCreate, memberPatch } from './teams-input.ts';
import { membersOps as doc } from '../openapi/operations/teams.ts';

/** 409 `duplicate_phone` when another member of the commune already has this phone. */
async function checkPhoneFree(
	c: Context<AuthEnv>,
	team: TeamRow,
	phone: string | null | undefined,
	self?: string
) {
	if (!phone) return;
	const taken = await membersWithPhones(c.get('db'), team.provinceCode, team.communeCode, [phone]);
	if (taken.some((m) => m.id !== self)) {
		throw new ApiError(
			'duplicate_phone',
			409,
			`phone: ${phone} already belongs to a member of this commune`,
			{ field: 'phone' }
		);
	}
}

/** Adds a member to a team (scope already checked), with its audit entry, atomically. */
export async function insertMember(
	c: Context<AuthEnv>,
	team: TeamRow,
	body: z.output<typeof memberCreate>
) {
	await checkPhoneFree(c, team, body.phone);
	const db = c.get('db');
	const row = {
		id: crypto.randomUUID(),
		teamId: team.id,
		provinceCode: team.provinceCode,
		communeCode: team.communeCode,
		fullName: body.fullName,
		phone: body.phone ?? null,
		unionAffiliation: body.unionAffiliation,
		onetouchStatus: body.onetouchStatus,
		onetouchDate: body.onetouchDate ?? null,
		teamRole: body.teamRole,
		active: true,
		isDemo: false,
		createdAt: Date.now()
	};
	await runBatch(db, [
		...memberInserts(db, [row]),
		audit(c, {
			kind: 'write',
			action: 'member.create',
			entity: 'member',
			entityId: row.id,
			provinceCode: team.provinceCode,
			communeCode: team.communeCode,
			detail: { teamId: team.id }
		})
	]);
	return row;
}

/**
 * Editing a member (fields, deactivation, moving to another team of the commune): commune
 * admins, or the leader of the member's team (who may not move them to another team).
 */
export const membersApi = new Hono<AuthEnv>()
	.use(noStore)
	.patch('/:id', doc.patchById, validate('param', id), validate('json', memberPatch), async (c) => {
		const actor = requireActor(c);
		const member = await getMember(c.get('db'), c.req.valid('param').id);
		if (!member) throw new ApiError('member_not_found', 404, 'No such member');
		const team = await teamOr404(c, member.teamId);
		ensure(canManageTeam(actor, { ...team, teamId: team.id }), 'changing this member');
		const patch = c.req.valid('json');
		// A member's team is their account's reach: moving them is a scope change.
		const moves = patch.teamId !== undefined && patch.teamId !== team.id;
		if (moves) {
			const target = await teamOr404(c, patch.teamId!);
			ensure(
				canChangeScope(actor, team) &&
					target.provinceCode === team.provinceCode &&
					target.communeCode === team.communeCode,
				'moving this member to another team'
			);
		}
		await checkPhoneFree(c, team, patch.phone, member.id);
		const db = c.get('db');
		await runBatch(db, [
			db.update(members).set(patch).where(eq(members.id, member.id)),
			// The member's account (if any) follows them to the new team.
			...(moves
				? [
						db
							.update(users)
							.set({ scopeTeamId: patch.teamId! })
							.where(eq(users.memberId, member.id))
					]
				: []),
			...patchAudits(
				c,
				['member', member.id],
				team,
				patch,
				moves ? { teamFrom: team.id, teamTo: patch.teamId } : null
			)
		]);
		return c.json({ member: { ...member, ...patch } }, 200);
	});
