/**
 * Retention of visits (issue 15): visits older than the months their shard keeps (retention.ts:
 * VISIT_RETENTION_MONTHS, default 24, fewer when the shard has no room; never under 13, the
 * public figures use the last 12) leave D1, one commune's month at a time, into a gzip'd NDJSON
 * file in R2; their monthly totals stay in `visit_months`. Nothing is lost: the file is written
 * (merged with what an earlier, interrupted run wrote) before the visits are deleted, and
 * `restoreMonth` puts them back through the same write code as any import.
 */
import { sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import type { ShardDb } from '../db/shards.ts';
import { jsonChunks, runBatch, statement } from '../db/bulk.ts';
import { insertVisits } from '../db/writes/visits.ts';
import {
	archiveKey,
	decodeArchive,
	encodeArchive,
	monthTotals,
	type ArchivedVisit
} from './file.ts';

const VN_OFFSET_MS = 7 * 3_600_000;

/** The Vietnam calendar month (YYYY-MM) of an instant. */
export const vnMonth = (ms: number) => new Date(ms + VN_OFFSET_MS).toISOString().slice(0, 7);

/** The first instant of a Vietnam month, `plus` months later. */
function monthStart(month: string, plus = 0): number {
	const [y, m] = month.split('-').map(Number) as [number, number];
	return Date.UTC(y, m - 1 + plus, 1) - VN_OFFSET_MS;
}

/** Visits before this instant are archived: the start of the month `months` before this one. */
export const archiveCutoff = (now: number, months: number) => monthStart(vnMonth(now), -months);

export interface ArchiveReport {
	months: { provinceCode: string; communeCode: string; month: string; visits: number }[];
	visits: number;
}

interface VisitRecord {
	id: string;
	province_code: string;
	commune_code: string;
	household_id: string;
	visited_at: number;
	received_at: number;
	outcome: ArchivedVisit['outcome'];
	adults: number;
	people_helped: number;
	is_demo: number;
}

/** The visits of one commune's month from D1, with their service rows. */
async function monthVisits(
	db: ShardDb,
	p: string,
	c: string,
	month: string
): Promise<ArchivedVisit[]> {
	const where = `province_code = ?1 AND commune_code = ?2 AND visited_at >= ?3 AND visited_at < ?4`;
	const bind = [p, c, monthStart(month), monthStart(month, 1)];
	const d1 = db.$client;
	const [visits, services] = await runBatch(db, [
		d1.prepare(`SELECT * FROM visits WHERE ${where}`).bind(...bind),
		d1
			.prepare(
				`SELECT visit_id, service_code, adults_using, helped FROM visit_services
				WHERE visit_id IN (SELECT id FROM visits WHERE ${where})`
			)
			.bind(...bind)
	]);
	const byVisit = new Map<string, ArchivedVisit['services']>();
	for (const s of services!.results as {
		visit_id: string;
		service_code: string;
		adults_using: number;
		helped: number;
	}[]) {
		const list = byVisit.get(s.visit_id) ?? [];
		list.push({ serviceCode: s.service_code, adultsUsing: s.adults_using, helped: s.helped });
		byVisit.set(s.visit_id, list);
	}
	return (visits!.results as unknown as VisitRecord[]).map((v) => ({
		id: v.id,
		provinceCode: v.province_code,
		communeCode: v.commune_code,
		householdId: v.household_id,
		visitedAt: v.visited_at,
		receivedAt: v.received_at,
		outcome: v.outcome,
		adults: v.adults,
		peopleHelped: v.people_helped,
		isDemo: v.is_demo === 1,
		services: byVisit.get(v.id) ?? []
	}));
}

/** Archives one commune's month: file first (merged with an earlier one), then D1 in one batch. */
async function archiveMonth(
	db: ShardDb,
	bucket: R2Bucket,
	at: { provinceCode: string; communeCode: string; month: string },
	now: number
): Promise<number> {
	const { provinceCode: p, communeCode: c, month } = at;
	const key = archiveKey(p, c, month);
	const live = await monthVisits(db, p, c, month);
	const earlier = await bucket.get(key);
	const merged = new Map<string, ArchivedVisit>();
	if (earlier) for (const v of await decodeArchive(key, earlier.body)) merged.set(v.id, v);
	for (const v of live) merged.set(v.id, v);
	const all = [...merged.values()];
	await bucket.put(key, await encodeArchive(all), {
		httpMetadata: { contentType: 'application/x-ndjson', contentEncoding: 'gzip' },
		customMetadata: { visits: String(all.length) }
	});
	const t = monthTotals(all);
	const services = [...t.services].map(([code, s]) => [code, s.asked, s.adultsUsing, s.helped]);
	const ids = jsonChunks(live.map((v) => v.id));
	await runBatch(db, [
		statement(
			db,
			sql`INSERT OR REPLACE INTO visit_months (province_code, commune_code, month, visits, met,
				households, people_helped, demo_visits, object_key, archived_at)
				VALUES (${p}, ${c}, ${month}, ${t.visits}, ${t.met}, ${t.households}, ${t.peopleHelped},
					${t.demoVisits}, ${key}, ${now})`
		),
		statement(
			db,
			sql`DELETE FROM visit_month_services WHERE province_code = ${p} AND commune_code = ${c}
				AND month = ${month}`
		),
		statement(
			db,
			sql`INSERT INTO visit_month_services (province_code, commune_code, month, service_code,
					asked, adults_using, helped)
				SELECT ${p}, ${c}, ${month}, json_extract(value, '$[0]'), json_extract(value, '$[1]'),
					json_extract(value, '$[2]'), json_extract(value, '$[3]')
				FROM json_each(${JSON.stringify(services)})`
		),
		...ids.flatMap((list) => [
			statement(
				db,
				sql`DELETE FROM visit_services WHERE visit_id IN (SELECT value FROM json_each(${list}))`
			),
			statement(db, sql`DELETE FROM visits WHERE id IN (SELECT value FROM json_each(${list}))`)
		])
	]);
	return live.length;
}

/**
 * Moves the oldest months past the retention period to R2, at most `maxMonths` commune-months
 * a run (the nightly Cron run), oldest first.
 * @throws the R2 or D1 error of a failed step; what was done before stays consistent (a file
 * written but its visits not yet deleted is merged again by the next run).
 */
export async function archiveVisits(
	db: ShardDb,
	bucket: R2Bucket,
	opts: { now: number; months: number; maxMonths?: number }
): Promise<ArchiveReport> {
	const cutoff = archiveCutoff(opts.now, opts.months);
	const report: ArchiveReport = { months: [], visits: 0 };
	for (let i = 0; i < (opts.maxMonths ?? 20); i++) {
		const oldest = await db.$client
			.prepare(
				`SELECT province_code AS p, commune_code AS c, visited_at AS t FROM visits
				WHERE visited_at < ?1 ORDER BY visited_at LIMIT 1`
			)
			.bind(cutoff)
			.first<{ p: string; c: string; t: number }>();
		if (!oldest) break;
		const at = { provinceCode: oldest.p, communeCode: oldest.c, month: vnMonth(oldest.t) };
		const visits = await archiveMonth(db, bucket, at, opts.now);
		report.months.push({ ...at, visits });
		report.visits += visits;
	}
	return report;
}

/** No archive file for the month asked. */
export class ArchiveMissingError extends Error {
	constructor(key: string) {
		super(`no archive ${key}`);
		this.name = 'ArchiveMissingError';
	}
}

/**
 * Puts a commune's archived month back into D1 through insertVisits (the import path): visits of
 * households that no longer exist are skipped and counted. The month's totals are removed (the
 * visits count again as records); the file stays, and the next archive run merges into it.
 */
export async function restoreMonth(
	db: Db,
	shard: ShardDb,
	bucket: R2Bucket,
	at: { provinceCode: string; communeCode: string; month: string }
): Promise<{ restored: number; skipped: number; key: string }> {
	const key = archiveKey(at.provinceCode, at.communeCode, at.month);
	const object = await bucket.get(key);
	if (!object) throw new ArchiveMissingError(key);
	const visits = await decodeArchive(key, object.body);
	const ids = [...new Set(visits.map((v) => v.householdId))];
	const found = await shard.$client
		.prepare(`SELECT id FROM households WHERE id IN (SELECT value FROM json_each(?1))`)
		.bind(JSON.stringify(ids))
		.all<{ id: string }>();
	const present = new Set(found.results.map((r) => r.id));
	const back = visits.filter((v) => present.has(v.householdId));
	const result = await insertVisits(db, shard, back, { now: Date.now() });
	await runBatch(shard, [
		statement(
			shard,
			sql`DELETE FROM visit_month_services WHERE province_code = ${at.provinceCode}
				AND commune_code = ${at.communeCode} AND month = ${at.month}`
		),
		statement(
			shard,
			sql`DELETE FROM visit_months WHERE province_code = ${at.provinceCode}
				AND commune_code = ${at.communeCode} AND month = ${at.month}`
		)
	]);
	return { restored: result.inserted, skipped: visits.length - back.length, key };
}
