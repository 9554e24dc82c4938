/**
 * Factories for the leader's-day and route-cancel tests: routes with a day, session and status,
 * visits recorded on them, and device sync watermarks — written straight to the real local D1.
 */
import { sql } from 'drizzle-orm';
import type { AnyDb } from '../../../src/lib/server/db/client.ts';
import type { ShardDb } from '../../../src/lib/server/db/shards.ts';
import {
	routes,
	routeStops,
	syncDevices,
	visits
} from '../../../src/lib/server/db/schema/index.ts';
import type { Session } from '../../../src/lib/domain/routing/outing-kinds.ts';
import type { VisitOutcome } from '../../../src/lib/domain/choices.ts';
import { runBatch } from '../../../src/lib/server/db/bulk.ts';
import { householdStatusStatements } from '../../../src/lib/server/db/writes/visits.ts';
import { AREAS } from './accounts-factory.ts';

export const DAY_MS = 86_400_000;

type RouteStatus = 'draft' | 'assigned' | 'in_progress' | 'done' | 'cancelled';

/** A route of the own commune with its stops in the given order. */
export async function insertRoute(
	db: ShardDb,
	r: {
		teamId: string;
		assigneeMemberId?: string | null;
		plannedOn?: string | null;
		session?: Session | null;
		status?: RouteStatus;
		name?: string;
		householdIds?: string[];
		estimatedMinutes?: number | null;
	}
): Promise<string> {
	const id = crypto.randomUUID();
	const assignee = r.assigneeMemberId ?? null;
	await db.insert(routes).values({
		id,
		...AREAS.own,
		teamId: r.teamId,
		assigneeMemberId: assignee,
		name: r.name ?? `Chuyến ${id.slice(0, 4)}`,
		plannedOn: r.plannedOn ?? null,
		session: r.session ?? null,
		status: r.status ?? (assignee ? 'assigned' : 'draft'),
		estimatedMinutes: r.estimatedMinutes ?? null,
		createdAt: Date.now()
	});
	const hh = r.householdIds ?? [];
	if (hh.length)
		await db
			.insert(routeStops)
			.values(hh.map((householdId, i) => ({ routeId: id, seq: i + 1, householdId, ...AREAS.own })));
	return id;
}

/** A visit recorded `ago` ms before now (on a route, or on none). */
export async function insertVisit(
	db: ShardDb,
	v: {
		householdId: string;
		routeId?: string | null;
		memberId?: string | null;
		ago: number;
		outcome?: VisitOutcome;
	}
): Promise<string> {
	const id = crypto.randomUUID();
	const at = Date.now() - v.ago;
	await db.insert(visits).values({
		id,
		...AREAS.own,
		householdId: v.householdId,
		routeId: v.routeId ?? null,
		memberId: v.memberId ?? null,
		visitedAt: at,
		outcome: v.outcome ?? 'met',
		adults: 2,
		payloadHash: `hash-${id}`,
		receivedAt: at
	});
	// The household's status columns, as every visit write keeps them.
	await runBatch(
		db,
		householdStatusStatements(db, [{ householdId: v.householdId, outcome: v.outcome ?? 'met' }])
	);
	return id;
}

/** A device's watermark as it reported at its last contact. */
export async function insertDevice(
	db: ShardDb,
	d: {
		userId: string;
		memberId: string;
		lastSeenAgo: number;
		pending?: number;
		oldestPendingAgo?: number | null;
		replacedBy?: string | null;
	}
): Promise<void> {
	const now = Date.now();
	await db.insert(syncDevices).values({
		id: crypto.randomUUID(),
		userId: d.userId,
		memberId: d.memberId,
		firstSeenAt: now - 30 * DAY_MS,
		lastSeenAt: now - d.lastSeenAgo,
		pending: d.pending ?? 0,
		oldestPendingAt: d.oldestPendingAgo == null ? null : now - d.oldestPendingAgo,
		replacedBy: d.replacedBy ?? null
	});
}

/** Rows of a table (routes, route_stops, visits, audit_log) — for "nothing written" checks. */
export async function countRows(db: AnyDb, table: string, where = '1 = 1'): Promise<number> {
	const rows = await db.all<{ n: number }>(
		sql.raw(`SELECT count(*) AS n FROM ${table} WHERE ${where}`)
	);
	return rows[0]!.n;
}
