/**
 * The history of the monthly series (issue 16 §1, docs/monthly-series.md): months reconstructed
 * from the records — the backfill of the scheduled runs (months.ts) and an admin's audited
 * recompute of an ended month — and the helpers both share.
 */
import type { Db } from '../db/client.ts';
import type { ShardDb, ShardRouter } from '../db/shards.ts';
import { bulkInsert, runBatch } from '../db/bulk.ts';
import { areaMonthBackfill } from '../db/schema/index.ts';
import { setMetaStatement } from '../db/writes/meta.ts';
import { SERVICE_CODES } from '../../domain/services.ts';
import { monthBounds, monthOf } from '../../domain/metric-months.ts';
import { SERVICE_CODES_SQL } from './queries.ts';
import { twelveMonthsTo, vnDayNumber } from './period.ts';
import {
	readMonthFlows,
	readRecordHistory,
	type HelpedFlow,
	type VisitFlow
} from './months-read.ts';
import { buildMonthRows, type MonthSpec } from './months-build.ts';
import { rollUpMonths, writeMonthRows } from './months-store.ts';

export type Commune = { code: string; provinceCode: string };
type Chunk = { shard: ShardDb; provinceCodes: string[]; communeCodes: string[] };

/** The communes of each shard cut into chunks of at most `size`, sorted by province. */
export function chunksOf(list: Commune[], size: number, shards: ShardRouter): Chunk[] {
	const byShard = new Map<string, Commune[]>();
	for (const c of list) {
		const b = shards.bindingOf(c.provinceCode);
		byShard.set(b, [...(byShard.get(b) ?? []), c]);
	}
	const out: Chunk[] = [];
	for (const part of byShard.values()) {
		part.sort(
			(a, b) => a.provinceCode.localeCompare(b.provinceCode) || a.code.localeCompare(b.code)
		);
		for (let i = 0; i < part.length; i += size) {
			const slice = part.slice(i, i + size);
			out.push({
				shard: shards.forProvince(slice[0]!.provinceCode),
				provinceCodes: [...new Set(slice.map((c) => c.provinceCode))],
				communeCodes: slice.map((c) => c.code)
			});
		}
	}
	return out;
}

export const daysOf = (month: string) => {
	const b = monthBounds(month);
	return { first: vnDayNumber(b.startMs), last: vnDayNumber(b.endMs) };
};

/** A month's flows for these communes, from every shard that holds them. */
export async function flowsOf(communes: Commune[], month: string, shards: ShardRouter) {
	const visits: VisitFlow[] = [];
	const helped: HelpedFlow[] = [];
	const chunks = chunksOf(communes, 100_000, shards);
	for (const chunk of chunks) {
		const f = await readMonthFlows(chunk.shard, chunk, daysOf(month));
		visits.push(...f.visits);
		helped.push(...f.helped);
	}
	return { visits, helped, statements: 2 * chunks.length };
}

export async function rows<T>(db: Db, query: string, ...args: unknown[]): Promise<T[]> {
	return (
		await db.$client
			.prepare(query)
			.bind(...args)
			.all<T>()
	).results;
}

export const ALL_COMMUNES = `SELECT code, province_code AS provinceCode FROM communes ORDER BY code`;

/** The service catalogue plus the defaults (every area gets a row per service). */
async function catalogue(db: Db): Promise<string[]> {
	const found = await rows<{ code: string }>(db, SERVICE_CODES_SQL);
	return [...new Set([...found.map((r) => r.code), ...SERVICE_CODES])];
}

/** Month specs: each month's end and the start of the 12 months to it. */
export function monthSpecs(months: readonly string[]): MonthSpec[] {
	return months.map((month) => {
		const endMs = monthBounds(month).endMs;
		return { month, endMs, windowStartMs: twelveMonthsTo(new Date(endMs)).start.getTime() };
	});
}

/**
 * Reconstructs `months` of some communes from their records and writes them (see months-build).
 * @returns the statements sent and the provinces written.
 */
export async function reconstruct(
	db: Db,
	communes: Commune[],
	months: readonly string[],
	opts: { shards: ShardRouter; chunk: number; now: number; replace: boolean }
): Promise<{ statements: number; provinces: Set<string> }> {
	const specs = monthSpecs(months);
	const serviceCodes = await catalogue(db);
	const firstDay = daysOf(months[0]!).first;
	let statements = 1;
	const provinces = new Set<string>();
	for (const chunk of chunksOf(communes, opts.chunk, opts.shards)) {
		const history = await readRecordHistory(db, chunk.shard, chunk, specs, firstDay);
		const part = communes.filter((c) => chunk.communeCodes.includes(c.code));
		const built = buildMonthRows(part, specs, history, serviceCodes, {
			all: opts.replace,
			now: opts.now
		});
		const writes = writeMonthRows(db, built, {
			replace: opts.replace ? { month: months[0]!, codes: chunk.communeCodes } : null
		});
		if (!opts.replace) {
			const from = (code: string) => built.areas.find((a) => a.code === code)?.month ?? null;
			const marks = part.map((c) => ({
				communeCode: c.code,
				fromMonth: from(c.code),
				doneAt: opts.now
			}));
			writes.push(...bulkInsert(db, areaMonthBackfill, marks, { orIgnore: true }));
		}
		await runBatch(db, writes);
		statements += 11 + writes.length;
		for (const p of chunk.provinceCodes) provinces.add(p);
	}
	return { statements, provinces };
}

/**
 * Recomputes one ended month of every commune from the records (an admin's audited act): the
 * month's rows are replaced by reconstructed ones (months-build.ts), closed, and the provinces
 * and country summed again; the public version moves on.
 * @throws RangeError when `month` is not before the current month.
 */
export async function recomputeMonth(
	db: Db,
	month: string,
	opts: { now: Date; shards: ShardRouter; chunk?: number }
): Promise<{ month: string; communes: number; statements: number; elapsedMs: number }> {
	const started = performance.now();
	const now = opts.now.getTime();
	if (month >= monthOf(now)) throw new RangeError(`month ${month} has not ended`);
	const communes = await rows<Commune>(db, ALL_COMMUNES);
	const r = await reconstruct(db, communes, [month], {
		shards: opts.shards,
		chunk: opts.chunk ?? 150,
		now,
		replace: true
	});
	const provinces = [...new Set(communes.map((c) => c.provinceCode))];
	const writes = [
		...rollUpMonths(db, [month], provinces, now),
		setMetaStatement(db, 'metrics_computed_at', opts.now.toISOString(), now)
	];
	await runBatch(db, writes);
	return {
		month,
		communes: communes.length,
		statements: 1 + r.statements + writes.length,
		elapsedMs: Math.round(performance.now() - started)
	};
}
