import { Hono } from 'hono';
import { eq } from 'drizzle-orm';
import type { Context } from 'hono';
import { ApiError } from '../errors.ts';
import { validate } from '../validation.ts';
import { ensure, noStore, requireActor, type AuthEnv } from '../middleware/env.ts';
import { audit, auditNow, communeOr404, patchAudits, teamOr404 } from '../middleware/scope.ts';
import {
	canChangeScope,
	canCreateTeam,
	canManageTeam,
	canSeeCommune,
	canSeePersonal
} from '../../../domain/scope.ts';
import { getHamlet, listMembers, listTeams } from '../../db/queries/team-admin.ts';
import { runBatch, teamInserts } from '../../db/writes/team-admin.ts';
import { teams, users } from '../../db/schema/index.ts';
import { communeQuery, id, memberCreate, teamCreate, teamPatch } from './teams-input.ts';
import { insertMember } from './members.ts';
import { teamsOps as doc } from '../openapi/operations/teams.ts';

/** A hamlet id must name a hamlet of the same commune. */
async function checkHamlet(
	c: Context<AuthEnv>,
	hamletId: string | null | undefined,
	communeCode: string
) {
	if (!hamletId) return;
	const h = await getHamlet(c.get('db'), hamletId);
	if (!h || h.communeCode !== communeCode) {
		throw new ApiError('invalid_json', 400, 'hamletId: not a hamlet of this commune', {
			field: 'hamletId'
		});
	}
}

/**
 * Teams of a commune: list (anyone scoped to the commune), create (commune admin, or a leader
 * without a team — who then leads it), edit and deactivate (commune admin, the team's leader),
 * and the team's members (personal data: admins of the scope and the team's leader).
 */
export const teamsApi = new Hono<AuthEnv>()
	.use(noStore)
	.get('/', doc.get, validate('query', communeQuery), async (c) => {
		const actor = requireActor(c);
		const area = await communeOr404(c, c.req.valid('query').commune);
		ensure(canSeeCommune(actor, area), "this commune's teams");
		const rows = await listTeams(c.get('db'), area.provinceCode, area.communeCode);
		return c.json({ commune: area, teams: rows }, 200);
	})
	.post('/', doc.post, validate('json', teamCreate), async (c) => {
		const actor = requireActor(c);
		const body = c.req.valid('json');
		const area = await communeOr404(c, body.communeCode);
		ensure(canCreateTeam(actor, area), 'creating a team here');
		await checkHamlet(c, body.hamletId, area.communeCode);
		const db = c.get('db');
		const row = {
			id: crypto.randomUUID(),
			provinceCode: area.provinceCode,
			communeCode: area.communeCode,
			hamletId: body.hamletId ?? null,
			name: body.name,
			foundedOn: body.foundedOn ?? null,
			active: true,
			isDemo: false,
			createdAt: Date.now()
		};
		// A leader who creates a team becomes its leader: their scope narrows to it.
		const leads = actor.role === 'team_leader';
		await runBatch(db, [
			...teamInserts(db, [row]),
			...(leads
				? [db.update(users).set({ scopeTeamId: row.id }).where(eq(users.id, actor.userId))]
				: []),
			audit(c, {
				kind: 'write',
				action: 'team.create',
				entity: 'team',
				entityId: row.id,
				provinceCode: area.provinceCode,
				communeCode: area.communeCode,
				detail: { leaderScoped: leads }
			})
		]);
		return c.json({ team: row }, 201);
	})
	.get('/:id', doc.getById, validate('param', id), async (c) => {
		const actor = requireActor(c);
		const team = await teamOr404(c, c.req.valid('param').id);
		ensure(canSeeCommune(actor, team), 'this team');
		return c.json({ team }, 200);
	})
	.patch('/:id', doc.patchById, validate('param', id), validate('json', teamPatch), async (c) => {
		const actor = requireActor(c);
		const team = await teamOr404(c, c.req.valid('param').id);
		ensure(canManageTeam(actor, { ...team, teamId: team.id }), 'changing this team');
		const patch = c.req.valid('json');
		// The hamlet is the team's reach (its leader's and members' households): a scope change.
		const moves = patch.hamletId !== undefined && patch.hamletId !== team.hamletId;
		ensure(!moves || canChangeScope(actor, team), 'changing the hamlet this team works in');
		await checkHamlet(c, patch.hamletId, team.communeCode);
		const db = c.get('db');
		const scopeDetail = moves ? { hamletFrom: team.hamletId, hamletTo: patch.hamletId } : null;
		await db.batch([
			db.update(teams).set(patch).where(eq(teams.id, team.id)),
			...patchAudits(c, ['team', team.id], team, patch, scopeDetail)
		]);
		return c.json({ team: { ...team, ...patch } }, 200);
	})
	.get('/:id/members', doc.getByIdMembers, validate('param', id), async (c) => {
		const actor = requireActor(c);
		const team = await teamOr404(c, c.req.valid('param').id);
		ensure(canSeePersonal(actor, { ...team, teamId: team.id }), "this team's members");
		const rows = await listMembers(c.get('db'), team.id);
		await auditNow(c, {
			kind: 'read',
			action: 'members.read',
			entity: 'team',
			entityId: team.id,
			provinceCode: team.provinceCode,
			communeCode: team.communeCode,
			detail: { rows: rows.length }
		});
		return c.json({ team, members: rows }, 200);
	})
	.post(
		'/:id/members',
		doc.postByIdMembers,
		validate('param', id),
		validate('json', memberCreate),
		async (c) => {
			const actor = requireActor(c);
			const team = await teamOr404(c, c.req.valid('param').id);
			ensure(canManageTeam(actor, { ...team, teamId: team.id }), "changing this team's members");
			const member = await insertMember(c, team, c.req.valid('json'));
			return c.json({ member }, 201);
		}
	);
