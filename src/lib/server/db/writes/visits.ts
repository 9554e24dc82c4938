/**
 * Writes visits and their per-service counts: device sync, CSV import and demo seed alike.
 * Visits are immutable events with device-made ids, so a write is idempotent: a known id with
 * the same payload hash is a no-op; a known id with another payload is a conflict (API: 409).
 * Visits, households and routes are in the province's shard; members and communes in the global
 * D1 (docs/sharding.md). A write's statements are prepared on the shard.
 */
import type { Db } from '../client.ts';
import { requireShard, type ShardDb } from '../shards.ts';
import { visits, visitServices } from '../schema/index.ts';
import type { VisitInput, VisitRow } from '../schema/visits.input.ts';
import { bulkInsert, jsonChunks, rowsWritten, runBatch } from '../bulk.ts';
import { VisitBatchError, type WriteIssue } from './errors.ts';
import { communeIssues, idsOf, lookupAll, parentIssues } from './validate.ts';
import { routeStatusStatements } from './route-status.ts';
import { parseVisits, sentId } from './visits-parse.ts';
import { visitedStatements } from '../../help-requests/statements.ts';

export { parseDeviceVisits, parseVisits } from './visits-parse.ts';

export interface VisitWriteResult {
	inserted: number;
	/** Ids already stored with the same payload: nothing written. */
	duplicates: string[];
	/** Ids already stored with a different payload: nothing written. */
	conflicts: string[];
}

/** The fields a device sends, in a fixed order, services sorted: same visit → same text. */
function canonicalPayload(v: VisitRow): string {
	const services = [...v.services]
		.sort((a, b) => (a.serviceCode < b.serviceCode ? -1 : 1))
		.map((s) => [s.serviceCode, s.adultsUsing, s.helped]);
	return JSON.stringify([
		v.id,
		v.provinceCode,
		v.communeCode,
		v.householdId,
		v.routeId,
		v.memberId,
		v.visitedAt,
		v.outcome,
		v.adults,
		v.peopleHelped,
		v.note,
		v.revisitOn,
		services
	]);
}

/** SHA-256 (hex) of the visit's canonical payload. */
export async function visitPayloadHash(v: VisitRow): Promise<string> {
	const digest = await crypto.subtle.digest(
		'SHA-256',
		new TextEncoder().encode(canonicalPayload(v))
	);
	return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/** Same id twice in one input: fine when identical, an issue when not. */
function duplicateIssues(rows: readonly VisitRow[], hashes: readonly string[]): WriteIssue[] {
	const first = new Map<string, number>();
	const issues: WriteIssue[] = [];
	rows.forEach((r, index) => {
		const j = first.get(r.id);
		if (j === undefined) first.set(r.id, index);
		else if (hashes[j] !== hashes[index])
			issues.push({ index, path: 'id', message: `same id as row ${j} with another payload` });
	});
	return issues;
}

/**
 * Every reference of the rows exists in the row's own commune (member, commune, household,
 * route), read together with the visits already stored under the rows' ids: one batch on the
 * global D1 and one on the shard, sent together (two round trips that overlap).
 */
async function checkScope(
	db: Db,
	shard: ShardDb,
	rows: readonly VisitRow[]
): Promise<{ issues: WriteIssue[]; stored: Map<string, string> }> {
	const [[known, provinceOf], [householdOf, routeOf, stored]] = await Promise.all([
		lookupAll(db, [
			{ table: 'members', keyCol: 'id', valueCol: 'id', keys: idsOf(rows, 'memberId') },
			{
				table: 'communes',
				keyCol: 'code',
				valueCol: 'province_code',
				keys: rows.map((r) => r.communeCode)
			}
		]),
		lookupAll(shard, [
			{
				table: 'households',
				keyCol: 'id',
				valueCol: 'commune_code',
				keys: idsOf(rows, 'householdId')
			},
			{ table: 'routes', keyCol: 'id', valueCol: 'commune_code', keys: idsOf(rows, 'routeId') },
			{ table: 'visits', keyCol: 'id', valueCol: 'payload_hash', keys: rows.map((r) => r.id) }
		])
	]);
	const memberIssues = rows.flatMap((r, index) =>
		r.memberId && !known!.has(r.memberId)
			? [{ index, path: 'memberId', message: 'unknown member' }]
			: []
	);
	return {
		issues: [
			...communeIssues(rows, provinceOf!),
			...parentIssues(rows, 'householdId', householdOf!),
			...parentIssues(rows, 'routeId', routeOf!),
			...memberIssues
		],
		stored: stored!
	};
}

interface Plan {
	result: VisitWriteResult;
	visitRows: (typeof visits.$inferInsert)[];
	serviceRows: (typeof visitServices.$inferInsert)[];
}

/** Splits validated rows into new ones (to insert) and stored ones (duplicates, conflicts). */
function plan(rows: VisitRow[], hashes: string[], stored: Map<string, string>): Plan {
	const out: Plan = {
		result: { inserted: 0, duplicates: [], conflicts: [] },
		visitRows: [],
		serviceRows: []
	};
	const taken = new Set<string>();
	rows.forEach((r, i) => {
		const hash = stored.get(r.id);
		if (hash !== undefined)
			(hash === hashes[i] ? out.result.duplicates : out.result.conflicts).push(r.id);
		if (hash !== undefined || taken.has(r.id)) return;
		taken.add(r.id);
		const { services, ...visit } = r;
		out.visitRows.push({ ...visit, payloadHash: hashes[i]! });
		for (const s of services) out.serviceRows.push({ visitId: r.id, ...s });
	});
	return out;
}

/** A visit write ready to run: its statements can share a batch (conflicts, watermarks). */
export interface PreparedVisits {
	result: VisitWriteResult;
	statements: D1PreparedStatement[];
	/** How many leading statements insert visits (their changes count as inserted). */
	visitStatements: number;
	/** Rows stored under the same id with another payload: what was sent, with both hashes. */
	conflictRows: { row: VisitRow; hash: string; storedHash: string }[];
}

/**
 * A household's services state (households.services_state): per service, the latest visit that
 * met someone and asked about it (visit time, then id) — [visited_at, adults_using, adults].
 */
const SERVICES_STATE = `SELECT json_group_object(service_code, json_array(visited_at, adults_using,
		adults))
	FROM (SELECT vs.service_code, v.visited_at, vs.adults_using, v.adults, row_number() OVER (
			PARTITION BY vs.service_code ORDER BY v.visited_at DESC, v.id DESC) AS rn
		FROM visits AS v JOIN visit_services AS vs ON vs.visit_id = v.id
		WHERE v.household_id = households.id AND v.outcome = 'met')
	WHERE rn = 1`;

/**
 * Recomputes the status of these households from their latest visit (visit time, then id), so
 * syncs arriving out of order end in the same state: the latest outcome, time and revisit date,
 * the not-home streak (not-home visits since the latest visit with another outcome, as
 * domain/routing/visit-summary.ts counts it), and the services state the adoption figures
 * read. The status is a search of `visits (household_id, visited_at)` from the newest visit
 * down; the services state reads the household's met visits (a few a year, within retention).
 * A do-not-contact outcome among the written visits, even one synced late, also sets the
 * household's do-not-contact flag (only an admin clears it).
 * @param written the visits this write stores (household and outcome).
 */
export function householdStatusStatements(
	shard: ShardDb,
	written: readonly { householdId: string; outcome: string }[]
) {
	const text = `UPDATE households SET
			(last_visit_id, last_visit_at, last_outcome, revisit_on) = (SELECT id, visited_at, outcome,
				revisit_on FROM visits WHERE household_id = households.id
				ORDER BY visited_at DESC, id DESC LIMIT 1),
			do_not_contact = max(do_not_contact, id IN (SELECT value FROM json_each(?2))),
			not_home_streak = (SELECT count(*) FROM visits AS v WHERE v.household_id = households.id
				AND v.outcome = 'not_home' AND v.visited_at > coalesce((SELECT w.visited_at FROM visits AS w
					WHERE w.household_id = households.id AND w.outcome <> 'not_home'
					ORDER BY w.visited_at DESC LIMIT 1), -1)),
			services_state = (${SERVICES_STATE})
		WHERE id IN (SELECT value FROM json_each(?1))`;
	const dnc = JSON.stringify([
		...new Set(written.filter((v) => v.outcome === 'do_not_contact').map((v) => v.householdId))
	]);
	return jsonChunks([...new Set(written.map((v) => v.householdId))]).map((json) =>
		shard.$client.prepare(text).bind(json, dnc)
	);
}

/**
 * Checks parsed visits against the database and prepares the insert of the new ones, their
 * service counts, their households' status and their routes' status (in progress, done), as
 * statements for one atomic batch on the shard.
 * @param db the global D1 (members, communes).
 * @param shard the visits' province shard (households, routes, stored visits).
 * @throws VisitBatchError for references outside the row's scope, or an id sent twice with
 *   different payloads.
 */
export async function prepareVisits(
	db: Db,
	shard: ShardDb,
	rows: VisitRow[],
	opts: { now?: number; deviceId?: string | null } = {}
): Promise<PreparedVisits> {
	const hashes = await Promise.all(rows.map(visitPayloadHash));
	// The stored visits are read with the scope checks (only used once those pass).
	const { issues: scope, stored } = await checkScope(db, shard, rows);
	const issues = [...duplicateIssues(rows, hashes), ...scope];
	if (issues.length > 0) throw new VisitBatchError(issues, rows.map(sentId));
	requireShard(shard, new Set(rows.map((r) => r.provinceCode)));
	const now = opts.now ?? Date.now();
	const p = plan(rows, hashes, stored);
	const deviceId = opts.deviceId ?? null;
	// OR IGNORE: a concurrent sync of the same visit between lookup and insert stays a no-op.
	const visitStmts = bulkInsert(
		shard,
		visits,
		p.visitRows.map((v) => ({ ...v, deviceId })),
		{ orIgnore: true, count: true }
	);
	const conflictIds = new Set(p.result.conflicts);
	return {
		result: p.result,
		statements: [
			...visitStmts,
			...bulkInsert(shard, visitServices, p.serviceRows, { orIgnore: true }),
			...householdStatusStatements(shard, p.visitRows),
			...visitedStatements(shard, p.visitRows, now),
			...routeStatusStatements(
				shard,
				p.visitRows.map((v) => v.routeId ?? null),
				now
			)
		],
		visitStatements: visitStmts.length,
		conflictRows: rows.flatMap((row, i) =>
			conflictIds.has(row.id) && stored.get(row.id) !== hashes[i]
				? [{ row, hash: hashes[i]!, storedHash: stored.get(row.id)! }]
				: []
		)
	};
}

/** Inserted visit count from the batch results of a prepared write. */
export function countInserted(p: PreparedVisits, results: D1Result[]): number {
	return results.slice(0, p.visitStatements).reduce((n, x) => n + rowsWritten(x), 0);
}

type InsertOptions = { now?: number };

/**
 * Validates visits and inserts the new ones with their service counts in one atomic batch,
 * updating their households' and routes' status.
 * A visit's household (and route) must be in its commune; counts must fit its adults.
 * @param db the global D1 (members, communes); shard: the visits' province shard.
 * @param opts.now receipt time for rows without `receivedAt` (default: now); visit times are
 *   bounded by their receipt time (domain/visit-time.ts).
 * @returns inserted count, and ids skipped as duplicates or conflicts.
 * @throws WriteValidationError for invalid rows or references outside the row's scope.
 */
export async function insertVisits(
	db: Db,
	shard: ShardDb,
	input: readonly VisitInput[],
	opts: InsertOptions = {}
): Promise<VisitWriteResult> {
	const p = await prepareVisits(db, shard, parseVisits(input, opts.now), opts);
	const res = await runBatch(shard, p.statements);
	p.result.inserted = countInserted(p, res);
	return p.result;
}
