/**
 * Writes of the metrics job: a chunk of communes' figures with the marks they clear (one batch),
 * and the sums of their provinces and of the country from the stored commune figures (one batch).
 */
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { AnyDb, Db } from '../db/client.ts';
import type { ShardDb } from '../db/shards.ts';
import type { Mark } from './queries.ts';
import { areaMetrics, areaServiceMetrics } from '../db/schema/index.ts';
import { bulkInsert, runBatch, statement } from '../db/bulk.ts';
import { setMetaStatement } from '../db/writes/meta.ts';
import { COUNTRY_CODE, sumAreas, totalsFromRows, type AreaTotals } from './roll-up.ts';
import type { AreaCounts, AreaServiceCounts } from '../../domain/metrics.ts';

type AreaRow = typeof areaMetrics.$inferInsert;
type ServiceRow = typeof areaServiceMetrics.$inferInsert;
type Period = { start: string; end: string };

function toRows(areas: AreaTotals[], period: Period, computedAt: number) {
	const areaRows: AreaRow[] = areas.map((a) => ({
		level: a.level,
		code: a.code,
		provinceCode: a.provinceCode,
		periodStart: period.start,
		periodEnd: period.end,
		...a.counts,
		computedAt
	}));
	const serviceRows: ServiceRow[] = areas.flatMap((a) =>
		[...a.services].map(([serviceCode, s]) => ({
			level: a.level,
			code: a.code,
			serviceCode,
			provinceCode: a.provinceCode,
			...s
		}))
	);
	return { areaRows, serviceRows };
}

/** Deletes the stored rows of some areas of one level (both tables). */
function deleteAreas(db: Db, level: AreaRow['level'], codes: string[]): D1PreparedStatement[] {
	const list = JSON.stringify(codes);
	return [areaServiceMetrics, areaMetrics].map((table) =>
		statement(
			db,
			sql`DELETE FROM ${table} WHERE level = ${level} AND code IN (SELECT value FROM json_each(${list}))`
		)
	);
}

/** Deletes the marks as read; a mark whose `changes` moved since belongs to a later write. */
function clearMarks(db: AnyDb, marks: Mark[]): D1PreparedStatement {
	const seen = JSON.stringify(marks.map((m) => [m.c, m.changes]));
	return statement(
		db,
		sql`DELETE FROM metrics_dirty WHERE (commune_code, changes) IN
			(SELECT json_extract(value, '$[0]'), json_extract(value, '$[1]') FROM json_each(${seen}))`
	);
}

/**
 * Replaces the figures of some communes and clears the marks they answer, in one atomic batch
 * on the global D1; then the shard's marks (a failure there only means one more recompute).
 * @returns the number of statements sent.
 */
export async function writeCommunes(
	db: Db,
	shard: ShardDb,
	areas: AreaTotals[],
	marks: { global: Mark[]; shard: Mark[] },
	period: Period,
	now: number
): Promise<number> {
	const { areaRows, serviceRows } = toRows(areas, period, now);
	const statements = [
		...deleteAreas(
			db,
			'commune',
			areas.map((a) => a.code)
		),
		...bulkInsert(db, areaMetrics, areaRows),
		...bulkInsert(db, areaServiceMetrics, serviceRows),
		clearMarks(db, marks.global)
	];
	await runBatch(db, statements);
	if (marks.shard.length === 0) return statements.length;
	await runBatch(shard, [clearMarks(shard, marks.shard)]);
	return statements.length + 1;
}

/**
 * Sums the stored commune figures of these provinces into their province rows, and all
 * province rows into the country's; stamps meta `metrics_computed_at` (the public version).
 * @returns the number of statements sent.
 */
export async function rollUpProvinces(
	db: Db,
	provinces: string[],
	period: Period,
	now: Date
): Promise<number> {
	const communeLevel = eq(areaMetrics.level, 'commune');
	const inProvinces = and(communeLevel, inArray(areaMetrics.provinceCode, provinces));
	const [communeRows, communeServices, provinceRows, provinceServices] = await db.batch([
		db.select().from(areaMetrics).where(inProvinces),
		db
			.select()
			.from(areaServiceMetrics)
			.where(
				and(
					eq(areaServiceMetrics.level, 'commune'),
					inArray(
						areaServiceMetrics.code,
						db.select({ code: areaMetrics.code }).from(areaMetrics).where(inProvinces)
					)
				)
			),
		db.select().from(areaMetrics).where(eq(areaMetrics.level, 'province')),
		db.select().from(areaServiceMetrics).where(eq(areaServiceMetrics.level, 'province'))
	]);
	const communes = totalsFromRows(
		communeRows as AreaCounts[],
		communeServices as AreaServiceCounts[]
	);
	const fresh = provinces.map((p) =>
		sumAreas(
			'province',
			p,
			communes.filter((c) => c.provinceCode === p)
		)
	);
	const changed = new Set(provinces);
	const kept = totalsFromRows(
		(provinceRows as AreaCounts[]).filter((r) => !changed.has(r.code)),
		(provinceServices as AreaServiceCounts[]).filter((r) => !changed.has(r.code))
	);
	const country = sumAreas('country', COUNTRY_CODE, [...kept, ...fresh]);
	const { areaRows, serviceRows } = toRows([country, ...fresh], period, now.getTime());
	const statements = [
		...deleteAreas(db, 'province', provinces),
		...deleteAreas(db, 'country', [COUNTRY_CODE]),
		...bulkInsert(db, areaMetrics, areaRows),
		...bulkInsert(db, areaServiceMetrics, serviceRows),
		setMetaStatement(db, 'metrics_computed_at', now.toISOString(), now.getTime())
	];
	await runBatch(db, statements);
	return statements.length + 1;
}
