/**
 * Visits recorded in the field and synced from the device outbox (issue 6).
 *
 * POST /api/visits — a batch from one device. Idempotent per visit id: a stored id with the
 * same payload is a no-op (200); a stored id with another payload is kept for review in
 * visit_conflicts and answered 409 (the other visits of the batch are stored). Malformed, or
 * dated beyond the bounds of domain/visit-time.ts (10 min ahead of the server, a year behind)
 * → 400 `invalid_visit` naming the first visit and field, with every refused visit and its
 * reasons in `details.rejected`; the device flags the named visit for review and sends the
 * others again. A household outside the caller's routes → 403 naming the visits. Nothing is
 * written on 400/403. Every request updates the device's sync watermark. The server stamps
 * each visit's `receivedAt`; one sent by the device is ignored.
 * GET /api/visits/mine?since= — the visits the server holds from the caller (ids, outcome, times).
 * GET /api/visits/devices — the caller's devices and their watermarks.
 * Visits, devices and conflicts are in the province's shard (docs/sharding.md): the caller's
 * province, or for a national admin the one province of the visits sent (or their page names).
 */
import { Hono, type Context } from 'hono';
import { and, asc, desc, eq, gte } from 'drizzle-orm';
import { z } from 'zod';
import { ApiError } from '../errors.ts';
import { validate } from '../validation.ts';
import { noStore, requireActor, type AuthEnv } from '../middleware/env.ts';
import { auditNow } from '../middleware/scope.ts';
import { recordShard, shardOf } from '../middleware/shard.ts';
import { syncBody, type SyncBody, type SyncStatus } from './visits-input.ts';
import { runBatch } from '../../db/bulk.ts';
import type { ShardDb } from '../../db/shards.ts';
import { syncDevices, visits } from '../../db/schema/index.ts';
import type { VisitRow } from '../../db/schema/visits.input.ts';
import { countInserted, parseDeviceVisits, prepareVisits } from '../../db/writes/visits.ts';
import {
	conflictStatements,
	detectLoss,
	loadDevices,
	watermarkStatements
} from '../../db/writes/visit-sync.ts';
import { visitsOutOfScope } from '../../db/queries/visit-scope.ts';
import type { Actor } from '../../../domain/scope.ts';
import { DEVICE_COOKIE, deviceCookie, readCookie } from './visits-cookie.ts';
import { VISIT_CLOCK_SKEW_MS } from '../../../domain/visit-time.ts';
import { visitsOps as doc } from '../openapi/operations/records.ts';

/** Most visits listed by GET /mine. */
const MINE_LIMIT = 5000;
const mineQuery = z.object({ since: z.coerce.number().int().min(0).default(0) });

/** The member recording is the caller: a visit naming someone else is refused. */
function ownVisits(actor: Actor, rows: VisitRow[]): VisitRow[] {
	const foreign = rows.filter((r) => r.memberId !== null && r.memberId !== actor.memberId);
	if (foreign.length > 0) {
		throw new ApiError('forbidden', 403, 'Visits may only be recorded as yourself', {
			ids: foreign.map((r) => r.id)
		});
	}
	return rows.map((r) => ({ ...r, memberId: actor.memberId, isDemo: false }));
}

/**
 * The visits' times on the server's clock. A phone whose clock is off by more than the allowed
 * skew (visit-time.ts) says so itself: `sentAt` is its clock at sending, so the error is
 * `now − sentAt`, and its visits are moved by that much (assumed the same when they were
 * recorded). This never lets a visit pass that an honest clock would not: after the move the
 * usual bounds apply. A phone within the allowance is left as it is.
 */
function onServerClock(body: SyncBody, now: number): unknown[] {
	const skew = now - body.sentAt;
	if (Math.abs(skew) <= VISIT_CLOCK_SKEW_MS) return body.visits;
	return body.visits.map((v) => {
		const at = (v as { visitedAt?: unknown } | null)?.visitedAt;
		return typeof at === 'number' ? { ...(v as object), visitedAt: at + skew } : v;
	});
}

/**
 * The shard a sync writes to: the caller's province. A national admin has none: their visits'
 * own province, which must be one shard's (one request opens one shard; with one database any
 * mix is fine, as before the split).
 * @throws ApiError 400 `province_required` for a national admin's visits of two shards.
 */
function syncShard(c: Context<AuthEnv>, actor: Actor, rows: readonly VisitRow[]): ShardDb {
	if (actor.provinceCode) return shardOf(c, actor.provinceCode);
	const provinces = [...new Set(rows.map((r) => r.provinceCode))];
	if (provinces.length === 0) return recordShard(c, actor);
	const shards = c.get('shards');
	if (shards.sharded && new Set(provinces.map((p) => shards.bindingOf(p))).size > 1)
		throw new ApiError(
			'province_required',
			400,
			'visits: send the visits of each province in a request of its own',
			{ field: 'visits' }
		);
	return shardOf(c, provinces[0]!);
}

async function parseAndScope(c: Context<AuthEnv>, actor: Actor, body: SyncBody, now: number) {
	const rows = ownVisits(actor, parseDeviceVisits(onServerClock(body, now), now));
	const shard = syncShard(c, actor, rows);
	const outside = await visitsOutOfScope(c.get('db'), shard, actor, rows);
	if (outside.length > 0) {
		throw new ApiError(
			'visit_out_of_scope',
			403,
			`${outside.length} visit(s) are for households outside your routes`,
			{ ids: outside }
		);
	}
	return { rows, shard };
}

export const visitsApi = new Hono<AuthEnv>()
	.use(noStore)
	.post('/', doc.post, validate('json', syncBody), async (c) => {
		const actor = requireActor(c);
		const body = c.req.valid('json');
		const db = c.get('db');
		const now = Date.now();
		const { rows, shard } = await parseAndScope(c, actor, body, now);
		const previousId = readCookie(c.req.header('cookie'), DEVICE_COOKIE);
		// Independent reads, sent together (each is a round trip to D1).
		const [prepared, devices] = await Promise.all([
			prepareVisits(db, shard, rows, { now, deviceId: body.deviceId }),
			loadDevices(shard, [body.deviceId, previousId])
		]);
		const lost = detectLoss(
			body,
			actor.userId,
			devices.get(body.deviceId),
			previousId ? devices.get(previousId) : undefined
		);
		const ctx = { userId: actor.userId, deviceId: body.deviceId, now };
		const results = await runBatch(shard, [
			...prepared.statements,
			...conflictStatements(shard, prepared.conflictRows, ctx),
			...watermarkStatements(shard, {
				report: body,
				userId: actor.userId,
				memberId: actor.memberId,
				accepted: rows.length - prepared.result.conflicts.length,
				now,
				lost
			})
		]);
		const r = prepared.result;
		r.inserted = countInserted(prepared, results);
		const conflicts = new Set(r.conflicts);
		const duplicates = new Set(r.duplicates);
		const status = (id: string): SyncStatus =>
			conflicts.has(id) ? 'conflict' : duplicates.has(id) ? 'duplicate' : 'inserted';
		c.header('Set-Cookie', deviceCookie(body.deviceId));
		return c.json(
			{
				results: rows.map((v) => ({ id: v.id, status: status(v.id) })),
				inserted: r.inserted,
				duplicates: r.duplicates.length,
				conflicts: r.conflicts.length,
				serverTime: now,
				lostData: lost
			},
			conflicts.size > 0 ? 409 : 200
		);
	})
	.get('/mine', doc.getMine, validate('query', mineQuery), async (c) => {
		const actor = requireActor(c);
		if (!actor.memberId) return c.json({ visits: [] });
		const rows = await recordShard(c, actor)
			.select({
				id: visits.id,
				householdId: visits.householdId,
				outcome: visits.outcome,
				visitedAt: visits.visitedAt,
				receivedAt: visits.receivedAt
			})
			.from(visits)
			// Scoped to the member's commune (visits_household_idx prefix), then the member.
			.where(
				and(
					eq(visits.provinceCode, actor.provinceCode ?? ''),
					eq(visits.communeCode, actor.communeCode ?? ''),
					eq(visits.memberId, actor.memberId),
					gte(visits.receivedAt, c.req.valid('query').since)
				)
			)
			.orderBy(asc(visits.receivedAt))
			.limit(MINE_LIMIT);
		// Which households were met, when, and how: personal data even for its own recorder.
		await auditNow(c, {
			kind: 'read',
			action: 'visits.mine.read',
			entity: 'visit',
			provinceCode: actor.provinceCode,
			communeCode: actor.communeCode,
			detail: { rows: rows.length }
		});
		return c.json({ visits: rows });
	})
	.get('/devices', doc.getDevices, async (c) => {
		const actor = requireActor(c);
		// A login's devices are in its province's shard (a national admin's: the one named).
		const rows = await recordShard(c, actor)
			.select()
			.from(syncDevices)
			.where(eq(syncDevices.userId, actor.userId))
			.orderBy(desc(syncDevices.lastSeenAt))
			.limit(50);
		return c.json({ devices: rows });
	});
