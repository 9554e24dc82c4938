/**
 * The metrics job: computes from records only (teams, members, hamlets, households, visits,
 * visit_services, communes' usable population) the counts behind every public metric, for every
 * commune, province and the country, and replaces area_metrics / area_service_metrics in ONE
 * atomic D1 batch (readers see the old figures or the new ones, never a mix).
 */
import { sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { areaMetrics, areaServiceMetrics } from '../db/schema/index.ts';
import { bulkInsert, runBatch, statement } from '../db/bulk.ts';
import { setMetaStatement } from '../db/writes/meta.ts';
import { SERVICE_CODES } from '../../domain/services.ts';
import { readAggregates } from './queries.ts';
import { rollUp, type AreaTotals } from './roll-up.ts';
import { twelveMonthsTo } from './period.ts';

export interface MetricsReport {
	computedAt: string;
	period: { start: string; end: string };
	areas: { communes: number; provinces: number; country: number };
	rows: { areaMetrics: number; areaServiceMetrics: number };
	/** Country totals, for the log. */
	totals: AreaTotals['counts'] & { helped: number };
	serviceCodes: string[];
	/** Statements in the replacing batch. */
	statements: number;
	elapsedMs: number;
}

type AreaRow = typeof areaMetrics.$inferInsert;
type ServiceRow = typeof areaServiceMetrics.$inferInsert;

function toRows(areas: AreaTotals[], period: { start: string; end: string }, computedAt: number) {
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

function report(
	areas: AreaTotals[],
	facts: Omit<MetricsReport, 'areas' | 'totals'>
): MetricsReport {
	const country = areas.find((a) => a.level === 'country')!;
	const helped = [...country.services.values()].reduce((s, x) => s + x.helped, 0);
	return {
		...facts,
		areas: {
			communes: areas.filter((a) => a.level === 'commune').length,
			provinces: areas.filter((a) => a.level === 'province').length,
			country: 1
		},
		totals: { ...country.counts, helped }
	};
}

/**
 * Computes and stores the metric counts for the 12 months ending at `opts.now`, and writes the
 * meta key `metrics_computed_at`. Safe to run any time; every run replaces all figures.
 * @returns what was computed and written, with the elapsed time.
 * @throws the D1 error if the batch fails (the previous figures then stay in place).
 */
export async function computeMetrics(db: Db, opts: { now: Date }): Promise<MetricsReport> {
	const started = performance.now();
	const p = twelveMonthsTo(opts.now);
	const period = { start: p.start.toISOString(), end: p.end.toISOString() };
	const aggregates = await readAggregates(db, p.start.getTime(), p.end.getTime());
	// The catalogue in the database, plus the defaults so every public metric key has rows.
	const serviceCodes = [...new Set([...aggregates.serviceCodes, ...SERVICE_CODES])];
	const areas = rollUp(aggregates, serviceCodes);
	const computedAt = opts.now.getTime();
	const { areaRows, serviceRows } = toRows(areas, period, computedAt);
	const statements = [
		statement(db, sql`DELETE FROM ${areaServiceMetrics}`),
		statement(db, sql`DELETE FROM ${areaMetrics}`),
		...bulkInsert(db, areaMetrics, areaRows),
		...bulkInsert(db, areaServiceMetrics, serviceRows),
		setMetaStatement(db, 'metrics_computed_at', opts.now.toISOString(), computedAt)
	];
	await runBatch(db, statements);
	return report(areas, {
		computedAt: opts.now.toISOString(),
		period,
		rows: { areaMetrics: areaRows.length, areaServiceMetrics: serviceRows.length },
		serviceCodes,
		statements: statements.length,
		elapsedMs: Math.round(performance.now() - started)
	});
}
