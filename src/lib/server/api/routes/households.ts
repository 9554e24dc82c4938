import { Hono } from 'hono';
import type { Context } from 'hono';
import { eq } from 'drizzle-orm';
import { ApiError } from '../errors.ts';
import { validate } from '../validation.ts';
import { ensure, noStore, requireActor, type AuthEnv } from '../middleware/env.ts';
import { audit, auditNow, communeOr404, writeAudit } from '../middleware/scope.ts';
import { ensureInHamlet, leaderHamlet, vnToday } from '../middleware/household-scope.ts';
import {
	canEditHouseholds,
	canSeeHouseholds,
	canSeePersonal,
	type Actor
} from '../../../domain/scope.ts';
import {
	householdStatus,
	revisitSuggestion,
	type HouseholdStatus,
	type RevisitSuggestion
} from '../../../domain/routing/status.ts';
import { duplicateKey } from '../../../domain/household-keys.ts';
import { pointOf } from '../../../domain/point.ts';
import {
	communeAddresses,
	getHousehold,
	countPlanningHouseholds,
	listPlanningHouseholds,
	type PlanningHousehold
} from '../../db/queries/households.ts';
import { getHamlet } from '../../db/queries/team-admin.ts';
import { prepareHouseholds, withAddressKeys } from '../../db/writes/households.ts';
import { runBatch, statementOf } from '../../db/bulk.ts';
import { households } from '../../db/schema/index.ts';
import {
	householdCreate,
	householdListQuery,
	householdPatch,
	idParam
} from './households-input.ts';
import { ensureWholePoint } from './point-input.ts';
import { recordShard, shardOf } from '../middleware/shard.ts';
import type { ShardDb } from '../../db/shards.ts';
import { householdsOps as doc } from '../openapi/operations/records.ts';

type Area = { provinceCode: string; communeCode: string };

/** 409 `duplicate_household` when the commune already has this household (same address key). */
async function checkNotDuplicate(
	shard: ShardDb,
	area: Area,
	address: string,
	headName: string | null,
	self?: string
) {
	const key = duplicateKey(address, headName);
	if (!key) return;
	const rows = await communeAddresses(shard, area.provinceCode, area.communeCode);
	const clash = rows.find((r) => r.id !== self && duplicateKey(r.address, r.headName) === key);
	if (clash)
		throw new ApiError(
			'duplicate_household',
			409,
			`address: "${clash.address}" is already a household of this commune`,
			{
				field: 'address',
				householdId: clash.id
			}
		);
}

/** The hamlet (in the commune) a household goes to, with its point; 422 if foreign. */
async function hamletIn(c: Context<AuthEnv>, area: Area, hamletId: string | null | undefined) {
	if (!hamletId) return null;
	const h = await getHamlet(c.get('db'), hamletId);
	if (!h || h.communeCode !== area.communeCode)
		throw new ApiError('hamlet_not_in_commune', 422, 'hamletId: no such hamlet in this commune', {
			field: 'hamletId'
		});
	return h;
}

/** A household the caller may edit (404 / 403 otherwise), with the shard that holds it. */
async function editable(c: Context<AuthEnv>, actor: Actor, id: string) {
	const shard = recordShard(c, actor);
	const h = await getHousehold(shard, id);
	if (!h) throw new ApiError('household_not_found', 404, 'No such household');
	ensure(canEditHouseholds(actor, h), 'changing this household');
	ensureInHamlet(await leaderHamlet(c, actor), h.hamletId, "households outside your team's hamlet");
	return { h, shard };
}

/**
 * Households of a commune, scoped: GET / (planning list: no names or phones; the read of
 * locations is audited), GET /:id (with personal fields, audited), POST / (add), PATCH /:id
 * (edit, move on the map).
 */
/** A household as GET /api/households lists it: the planning row with its status and revisit. */
export interface PlanHouseholdItem extends PlanningHousehold {
	status: HouseholdStatus;
	revisit: RevisitSuggestion | null;
}

/** Households a commune-wide planning list may hold before it must come a hamlet at a time. */
export const PLAN_LIST_MAX_DEFAULT = 5000;

/**
 * A commune too large to list whole (over PLAN_LIST_MAX_HOUSEHOLDS): its count and the limit,
 * or null when the list fits.
 */
export async function overListLimit(c: Context<AuthEnv>, shard: ShardDb, area: Area) {
	const max = Number(c.env.PLAN_LIST_MAX_HOUSEHOLDS ?? PLAN_LIST_MAX_DEFAULT);
	const total = await countPlanningHouseholds(shard, area);
	return total > max ? { total, max } : null;
}

export const householdsApi = new Hono<AuthEnv>()
	.use(noStore)
	.get('/', doc.get, validate('query', householdListQuery), async (c) => {
		const actor = requireActor(c);
		const q = c.req.valid('query');
		const area = await communeOr404(c, q.commune);
		ensure(canSeeHouseholds(actor, area), "this commune's households");
		const limit = await leaderHamlet(c, actor);
		ensureInHamlet(limit, q.hamlet ?? limit, "households outside your team's hamlet");
		const hamletId = q.hamlet ?? limit;
		const shard = shardOf(c, area.provinceCode);
		const tooMany = hamletId === null ? await overListLimit(c, shard, area) : null;
		if (tooMany) {
			return c.json(
				{
					commune: area,
					hamletId,
					today: vnToday(),
					households: [] as PlanHouseholdItem[],
					summary: { total: tooMany.total, onRoute: 0, doNotContact: 0, gaps: 0 },
					tooMany
				},
				200
			);
		}
		const rows = await listPlanningHouseholds(shard, area, hamletId);
		const today = vnToday();
		const list: PlanHouseholdItem[] = rows.map((h) => ({
			...h,
			status: householdStatus(h, h.visits, today),
			revisit: revisitSuggestion(h.visits)
		}));
		const planned = list.filter((h) => h.routeId !== null).length;
		const dnc = list.filter((h) => h.routeId === null && h.status === 'do_not_contact').length;
		await auditNow(c, {
			kind: 'read',
			action: 'households.read',
			entity: 'household',
			provinceCode: area.provinceCode,
			communeCode: area.communeCode,
			detail: { rows: list.length, hamletId }
		});
		return c.json(
			{
				commune: area,
				hamletId,
				today,
				households: list,
				// Gaps: households to visit that no route holds (do-not-contact ones are not gaps).
				summary: {
					total: list.length,
					onRoute: planned,
					doNotContact: dnc,
					gaps: list.length - planned - dnc
				},
				tooMany: null
			},
			200
		);
	})
	.get('/:id', doc.getById, validate('param', idParam), async (c) => {
		const actor = requireActor(c);
		const h = await getHousehold(recordShard(c, actor), c.req.valid('param').id);
		if (!h) throw new ApiError('household_not_found', 404, 'No such household');
		ensure(canSeeHouseholds(actor, h), 'this household');
		ensureInHamlet(
			await leaderHamlet(c, actor),
			h.hamletId,
			"households outside your team's hamlet"
		);
		const personal = canSeePersonal(actor, { ...h, teamId: actor.teamId });
		await auditNow(c, {
			kind: 'read',
			action: 'household.read',
			entity: 'household',
			entityId: h.id,
			provinceCode: h.provinceCode,
			communeCode: h.communeCode,
			detail: { personal }
		});
		return c.json({ household: personal ? h : withoutPersonal(h) }, 200);
	})
	.post('/', doc.post, validate('json', householdCreate), async (c) => {
		const actor = requireActor(c);
		const body = c.req.valid('json');
		const area = await communeOr404(c, body.communeCode);
		ensure(canEditHouseholds(actor, area), 'adding households here');
		const limit = await leaderHamlet(c, actor);
		const hamletId = body.hamletId ?? limit;
		ensureInHamlet(limit, hamletId, "households outside your team's hamlet");
		const hamlet = await hamletIn(c, area, hamletId);
		const shard = shardOf(c, area.provinceCode);
		await checkNotDuplicate(shard, area, body.address, body.headName ?? null);
		const exact = pointOf(body);
		// No point of its own: the hamlet's, when the hamlet has a whole one.
		const at = exact ?? (hamlet ? pointOf(hamlet) : null);
		const row = {
			id: crypto.randomUUID(),
			provinceCode: area.provinceCode,
			communeCode: area.communeCode,
			hamletId: hamlet?.id ?? null,
			address: body.address,
			lon: at?.lon ?? null,
			lat: at?.lat ?? null,
			locationStatus: exact ? ('exact' as const) : ('needs_check' as const),
			adults: body.adults,
			headName: body.headName ?? null,
			headPhone: body.headPhone ?? null,
			consent: body.consent,
			doNotContact: body.doNotContact,
			priority: body.priority,
			createdAt: Date.now()
		};
		const write = await prepareHouseholds(c.get('db'), shard, [row]);
		// The audit entry is in the write's batch, so on the shard (its outbox, docs/sharding.md).
		await runBatch(shard, [
			...write.statements,
			statementOf(shard, writeAudit(c, 'household.create', row.id, area))
		]);
		return c.json({ household: row }, 201);
	})
	.patch(
		'/:id',
		doc.patchById,
		validate('param', idParam),
		validate('json', householdPatch),
		async (c) => {
			const actor = requireActor(c);
			const { h, shard } = await editable(c, actor, c.req.valid('param').id);
			const patch = c.req.valid('json');
			if (patch.hamletId !== undefined) {
				ensureInHamlet(
					await leaderHamlet(c, actor),
					patch.hamletId,
					"households outside your team's hamlet"
				);
				await hamletIn(c, h, patch.hamletId);
			}
			const next = { ...h, ...patch };
			ensureWholePoint(next);
			if (patch.address !== undefined || patch.headName !== undefined)
				await checkNotDuplicate(shard, h, next.address, next.headName, h.id);
			const keys = withAddressKeys({ ...next, isDemo: h.isDemo });
			const set = {
				...patch,
				addressKey: keys.addressKey,
				alleyKey: keys.alleyKey,
				...(patch.lon !== undefined ? { locationStatus: 'exact' as const } : {}),
				updatedAt: Date.now()
			};
			await runBatch(shard, [
				statementOf(shard, shard.update(households).set(set).where(eq(households.id, h.id))),
				statementOf(
					shard,
					audit(c, {
						kind: 'write',
						action: patch.lon !== undefined ? 'household.move' : 'household.update',
						entity: 'household',
						entityId: h.id,
						provinceCode: h.provinceCode,
						communeCode: h.communeCode,
						detail: { fields: Object.keys(patch) }
					})
				)
			]);
			return c.json({ household: withoutPersonal({ ...h, ...set }) }, 200);
		}
	);

/** A household without its personal fields (head-of-household name and phone). */
function withoutPersonal<T extends { headName: string | null; headPhone: string | null }>(h: T) {
	const rest: Partial<T> = { ...h };
	delete rest.headName;
	delete rest.headPhone;
	return rest as Omit<T, 'headName' | 'headPhone'>;
}
