/**
 * Which communes a metrics run recomputes: the marked ones (oldest mark first), then communes
 * that have never been computed, then a few whose figures have aged (the 12-month window moved).
 */
import type { Db } from '../db/client.ts';
import type { ShardDb } from '../db/shards.ts';
import { runBatch } from '../db/bulk.ts';

export interface PickedCommune {
	code: string;
	provinceCode: string;
}

export interface Pick {
	communes: PickedCommune[];
	counts: { marked: number; refreshed: number; missing: number };
	/** Marks in every database when the run started (the run clears at most `counts.marked`). */
	marksWaiting: number;
	statements: number;
}

const MARKED = `SELECT commune_code AS code, marked_at AS at FROM metrics_dirty
	ORDER BY marked_at, commune_code LIMIT ?1`;
const WAITING = `SELECT count(*) AS n FROM metrics_dirty`;
const MISSING = `SELECT c.code FROM communes c WHERE NOT EXISTS (
		SELECT 1 FROM area_metrics a WHERE a.level = 'commune' AND a.code = c.code)
	ORDER BY c.code LIMIT ?1`;
const AGED = `SELECT code FROM area_metrics WHERE level = 'commune' AND computed_at < ?2
	ORDER BY computed_at, code LIMIT ?3`;
const PROVINCES = `SELECT code, province_code AS provinceCode FROM communes
	WHERE code IN (SELECT value FROM json_each(?1))`;
const DROP_UNKNOWN = `DELETE FROM metrics_dirty WHERE commune_code IN (SELECT value FROM json_each(?1))`;

/** Up to `limits.communes` communes to recompute, with their provinces. */
export async function pickCommunes(
	db: Db,
	shards: ShardDb[],
	opts: { now: number; refreshBefore: number; limits: { communes: number; refresh: number } }
): Promise<Pick> {
	const d1 = db.$client;
	const { communes: max, refresh } = opts.limits;
	const [marked, waiting, missing, aged] = await runBatch(db, [
		d1.prepare(MARKED).bind(max),
		d1.prepare(WAITING),
		d1.prepare(MISSING).bind(max),
		d1.prepare(AGED).bind(max, opts.refreshBefore, refresh)
	]);
	// Records' marks are in their shards: the oldest of every database first.
	const inShards = await Promise.all(
		shards.map((s) =>
			runBatch(s, [s.$client.prepare(MARKED).bind(max), s.$client.prepare(WAITING)])
		)
	);
	const marks = [marked, ...inShards.map((r) => r[0])]
		.flatMap((r) => (r?.results ?? []) as { code: string; at: number }[])
		.sort((a, b) => a.at - b.at || a.code.localeCompare(b.code));
	const count = (r: D1Result | undefined) =>
		Number((r?.results[0] as { n: number } | undefined)?.n ?? 0);
	const codes = (r: D1Result | undefined) =>
		(r?.results ?? []).map((x) => (x as { code: string }).code);
	const chosen = new Map<string, 'marked' | 'missing' | 'refreshed'>();
	const take = (list: string[], why: 'marked' | 'missing' | 'refreshed', room: number) => {
		for (const code of list) {
			if (chosen.size >= max || room <= 0) return;
			if (chosen.has(code)) continue;
			chosen.set(code, why);
			room -= 1;
		}
	};
	take(
		marks.map((m) => m.code),
		'marked',
		max
	);
	take(codes(missing), 'missing', max);
	take(codes(aged), 'refreshed', refresh);
	let statements = 4 + 2 * shards.length;
	const communes: PickedCommune[] = [];
	if (chosen.size > 0) {
		const found = await d1
			.prepare(PROVINCES)
			.bind(JSON.stringify([...chosen.keys()]))
			.all<PickedCommune>();
		statements += 1;
		communes.push(...found.results);
		const known = new Set(found.results.map((c) => c.code));
		const unknown = [...chosen.keys()].filter((c) => !known.has(c));
		// A mark for a commune the reference data no longer has: nothing to compute.
		if (unknown.length > 0) {
			for (const d of [db, ...shards]) {
				await d.$client.prepare(DROP_UNKNOWN).bind(JSON.stringify(unknown)).run();
			}
			statements += 1 + shards.length;
		}
	}
	const picked = (why: string) => communes.filter((c) => chosen.get(c.code) === why).length;
	return {
		communes,
		counts: {
			marked: picked('marked'),
			refreshed: picked('refreshed'),
			missing: picked('missing')
		},
		marksWaiting: count(waiting) + inShards.reduce((n, r) => n + count(r[1]), 0),
		statements
	};
}
