/**
 * The metrics job, incremental: every write to a record table marks its commune (triggers,
 * migrations/0007); each run recomputes the marked communes from their records, a few chunks of
 * one province at a time, then sums their provinces and the country from the stored commune
 * figures. A run stays within a Worker invocation's limits (RUN_LIMITS: at most 300 communes,
 * about 200 D1 statements). Figures come from records only (teams, members, hamlets, households,
 * visits, visit_services, communes' usable population).
 *
 * The 12-month window moves on its own: communes whose figures are older than REFRESH_AFTER_MS
 * are recomputed a few per run even without a change, and a full rebuild (requestFullRebuild)
 * simply marks every commune, which the following runs drain.
 */
import { sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { isGlobal, type ShardRouter, type ShardDb } from '../db/shards.ts';
import { runBatch, statement } from '../db/bulk.ts';
import { metricsDirty, communes } from '../db/schema/index.ts';
import { SERVICE_CODES } from '../../domain/services.ts';
import { readCommuneAggregates, SERVICE_CODES_SQL } from './queries.ts';
import { communeTotals, type AreaTotals, type BasisKey } from './roll-up.ts';
import { twelveMonthsTo } from './period.ts';
import { pickCommunes, type PickedCommune } from './pick.ts';
import { writeCommunes, rollUpProvinces } from './store.ts';
import { requestMonthsBackfill } from './months.ts';

/** How much one scheduled run may do: the Worker allows 1,000 D1 queries per invocation. */
export const RUN_LIMITS = {
	/** Communes recomputed per run (marked ones first, oldest mark first). */
	communes: 300,
	/** Communes read in one batch (8 statements whatever the count). */
	chunk: 25,
	/** Unmarked communes refreshed per run because their window moved on. */
	refresh: 40
} as const;

/** A local full rebuild has no invocation to fit in: every commune in one run and one read. */
const LOCAL_LIMITS = { communes: 100_000, chunk: 100_000, refresh: 0 } as const;

/** Figures older than this are refreshed even without a change (the 12-month window moves). */
export const REFRESH_AFTER_MS = 6 * 60 * 60_000;

export interface MetricsRunReport {
	computedAt: string;
	period: { start: string; end: string };
	/** Communes recomputed: marked by a change, refreshed for age, or never computed before. */
	communes: { marked: number; refreshed: number; missing: number };
	provinces: number;
	/** Marks still waiting for a later run. */
	remaining: number;
	/** D1 statements this run sent (reads and writes). */
	statements: number;
	elapsedMs: number;
}

export interface MetricsReport extends MetricsRunReport {
	runs: number;
	areas: { communes: number; provinces: number; country: number };
	rows: { areaMetrics: number; areaServiceMetrics: number };
	/** Country totals, for the log. */
	totals: Omit<AreaTotals['counts'], BasisKey> & { helped: number };
	serviceCodes: string[];
}

type Limits = { communes: number; chunk: number; refresh: number };

/** Cuts the communes of each shard, sorted by province, into chunks of at most `size`. */
function chunksOf(picked: PickedCommune[], size: number, shards: ShardRouter) {
	const byShard = new Map<string, PickedCommune[]>();
	for (const p of picked) {
		const binding = shards.bindingOf(p.provinceCode);
		byShard.set(binding, [...(byShard.get(binding) ?? []), p]);
	}
	const chunks: { shard: ShardDb; provinceCodes: string[]; communeCodes: string[] }[] = [];
	for (const list of byShard.values()) {
		const sorted = list.sort(
			(a, b) => a.provinceCode.localeCompare(b.provinceCode) || a.code.localeCompare(b.code)
		);
		for (let i = 0; i < sorted.length; i += size) {
			const part = sorted.slice(i, i + size);
			chunks.push({
				shard: shards.forProvince(part[0]!.provinceCode),
				provinceCodes: [...new Set(part.map((p) => p.provinceCode))],
				communeCodes: part.map((p) => p.code)
			});
		}
	}
	return chunks;
}

/** The shards other than the global D1 (their marks are read apart). */
const otherShards = (db: Db, shards: ShardRouter) =>
	shards
		.all()
		.map((s) => s.db)
		.filter((s) => !isGlobal(s, db));

/**
 * One scheduled run: recomputes up to `limits.communes` communes that changed (or whose figures
 * aged), then their provinces and the country; writes meta `metrics_computed_at` only when
 * something was recomputed, so the public figures' version changes only with the figures.
 * @throws the D1 error of a failed batch (what was written before stays consistent: a chunk's
 * communes, their marks and nothing else; the next run redoes the rest).
 */
export async function runMetrics(
	db: Db,
	opts: { now: Date; limits?: Partial<Limits>; shards: ShardRouter }
): Promise<MetricsRunReport> {
	const { shards } = opts;
	const started = performance.now();
	const limits: Limits = { ...RUN_LIMITS, ...opts.limits };
	const now = opts.now.getTime();
	const p = twelveMonthsTo(opts.now);
	const period = { start: p.start.toISOString(), end: p.end.toISOString() };
	const pick = await pickCommunes(db, otherShards(db, shards), {
		now,
		limits,
		refreshBefore: now - REFRESH_AFTER_MS
	});
	let statements = pick.statements;
	const serviceCodes = await catalogue(db);
	statements += 1;
	const provinces = new Set<string>();
	for (const chunk of chunksOf(pick.communes, limits.chunk, shards)) {
		const { shard } = chunk;
		const aggregates = await readCommuneAggregates(
			db,
			shard,
			chunk,
			p.start.getTime(),
			p.end.getTime()
		);
		const areas = communeTotals(aggregates, serviceCodes);
		const marks = { global: aggregates.marks, shard: aggregates.shardMarks };
		statements += 8 + (await writeCommunes(db, shard, areas, marks, period, now));
		for (const code of chunk.provinceCodes) provinces.add(code);
	}
	if (provinces.size > 0) {
		statements += await rollUpProvinces(db, [...provinces], period, opts.now);
	}
	return {
		computedAt: opts.now.toISOString(),
		period,
		communes: pick.counts,
		provinces: provinces.size,
		remaining: Math.max(0, pick.marksWaiting - pick.counts.marked),
		statements,
		elapsedMs: Math.round(performance.now() - started)
	};
}

/** The catalogue in the database, plus the defaults so every public metric key has rows. */
async function catalogue(db: Db): Promise<string[]> {
	const rows = await db.$client.prepare(SERVICE_CODES_SQL).all<{ code: string }>();
	return [...new Set([...rows.results.map((r) => r.code), ...SERVICE_CODES])];
}

/** Marks every commune for recomputing; the next runs drain the marks within their limits. */
export async function requestFullRebuild(db: Db, now = Date.now()): Promise<void> {
	// The monthly series' history is rebuilt too, by the same runs (metrics/months.ts).
	await requestMonthsBackfill(db);
	await db
		.insert(metricsDirty)
		.select(sql`select ${communes.code}, ${now}, 1 from ${communes} where true`)
		.onConflictDoUpdate({
			target: metricsDirty.communeCode,
			set: { changes: sql`${metricsDirty.changes} + 1` }
		});
}

/**
 * A full rebuild now, for local use and tests (scripts/compute-metrics.ts): marks every
 * commune, then runs the same incremental job until no mark is left — without a Worker's
 * limits, so in one run. In the Worker, requestFullRebuild and the scheduled runs do it.
 * @returns the combined report with the stored figures' counts and the country totals.
 */
export async function computeMetrics(
	db: Db,
	opts: { now: Date; shards: ShardRouter }
): Promise<MetricsReport> {
	const started = performance.now();
	await requestFullRebuild(db, opts.now.getTime());
	let last: MetricsRunReport;
	let runs = 0;
	let statements = 1;
	const communes = { marked: 0, refreshed: 0, missing: 0 };
	do {
		last = await runMetrics(db, { now: opts.now, limits: LOCAL_LIMITS, shards: opts.shards });
		runs += 1;
		statements += last.statements;
		communes.marked += last.communes.marked;
		communes.refreshed += last.communes.refreshed;
		communes.missing += last.communes.missing;
	} while (last.remaining > 0 && runs < 1_000);
	const summary = await storedSummary(db);
	return {
		...last,
		...summary,
		communes,
		runs,
		statements,
		elapsedMs: Math.round(performance.now() - started)
	};
}

/** What the figures tables hold after a rebuild (for the report). */
async function storedSummary(db: Db) {
	const [levels, serviceRows, country, helped, codes] = await runBatch(db, [
		statement(db, sql`SELECT level, count(*) AS n FROM area_metrics GROUP BY level`),
		statement(db, sql`SELECT count(*) AS n FROM area_service_metrics`),
		statement(db, sql`SELECT * FROM area_metrics WHERE level = 'country'`),
		statement(db, sql`SELECT sum(helped) AS n FROM area_service_metrics WHERE level = 'country'`),
		statement(
			db,
			sql`SELECT DISTINCT service_code AS code FROM area_service_metrics WHERE level = 'country'`
		)
	]);
	const n = (level: string) =>
		(levels!.results as { level: string; n: number }[]).find((r) => r.level === level)?.n ?? 0;
	const c = (country!.results[0] ?? {}) as Record<string, number | null>;
	const num = (k: string) => Number(c[k] ?? 0);
	return {
		areas: { communes: n('commune'), provinces: n('province'), country: n('country') },
		rows: {
			areaMetrics: n('commune') + n('province') + n('country'),
			areaServiceMetrics: Number((serviceRows!.results[0] as { n: number }).n)
		},
		totals: {
			teams: num('teams'),
			members: num('members'),
			population: c['population'] === null ? null : num('population'),
			hamlets: num('hamlets'),
			hamletsCovered: num('hamlets_covered'),
			householdsKnown: num('households_known'),
			householdsReached: num('households_reached'),
			householdsVisited: num('households_visited'),
			demoRecords: num('demo_records'),
			helped: Number((helped!.results[0] as { n: number | null }).n ?? 0)
		},
		serviceCodes: (codes!.results as { code: string }[]).map((r) => r.code)
	};
}

/**
 * Recomputes these communes now (their provinces and the country too), whatever their marks:
 * the scheduled run's work for a known set (benchmarks, an admin's "recompute this commune").
 */
export async function recomputeCommunes(
	db: Db,
	codes: string[],
	now: Date,
	shards: ShardRouter
): Promise<MetricsRunReport> {
	// Marked at 0: ahead of every other mark, so this run takes exactly these communes.
	await db
		.insert(metricsDirty)
		.select(
			sql`select ${communes.code}, 0, 1 from ${communes} where ${communes.code} in (select value from json_each(${JSON.stringify(codes)}))`
		)
		.onConflictDoUpdate({
			target: metricsDirty.communeCode,
			set: { changes: sql`${metricsDirty.changes} + 1`, markedAt: sql`0` }
		});
	return runMetrics(db, { now, limits: { communes: codes.length, refresh: 0 }, shards });
}
