/**
 * Seeds the demo data set through the same validated write functions as real data: removes the
 * previous demo rows (never real ones), generates records from the seed and writes them, then
 * records `demo_seed` in meta. Re-running with the same seed and day gives the same rows.
 */
import type { Db } from '../db/client.ts';
import type { ShardRouter } from '../db/shards.ts';
import { runBatch } from '../db/bulk.ts';
import { insertHamlets } from '../db/writes/hamlets.ts';
import { insertMembers, insertTeams } from '../db/writes/teams.ts';
import { insertHouseholds } from '../db/writes/households.ts';
import { insertVisits } from '../db/writes/visits.ts';
import { prepareRoutePlan } from '../db/writes/routes.ts';
import { demoRoutePlans } from './generate-routes.ts';
import { DEMO_COMMUNE } from '../auth/demo-users.ts';
import { setMetaStatement } from '../db/writes/meta.ts';
import { deleteDemoData, type DemoDeleteReport } from './delete.ts';
import { generateDemo } from './generate.ts';
import type { DemoStreet } from './streets.ts';
import type { CommuneShape } from './geo.ts';
import { selectDemoCommunes } from './select.ts';
import { DAY_MS, type DemoCommune, type DemoRecords } from './types.ts';

export const DEFAULT_SEED = 'tung-ngo-demo';

/**
 * The demo accounts' commune has hamlets of 60–140 households, as real rural hamlets do (the
 * others keep 10–30, which is enough for the map and keeps the seed quick).
 */
const DEMO_HAMLET_SCALE = 6;

/** No commune to seed: the reference data is not imported (or the codes given are unknown). */
export class NoDemoCommunesError extends Error {
	constructor() {
		super('no demo communes found: import the reference data first (npm run import:reference)');
		this.name = 'NoDemoCommunesError';
	}
}

export interface SeedOptions {
	/** Default DEFAULT_SEED. */
	seed?: string;
	/** Visits are dated up to this time; default today 00:00 UTC, so one day's runs agree. */
	now?: Date;
	/** The polygon of a commune (communes without one are skipped and reported). */
	shapeOf: (code: string) => CommuneShape | undefined;
	/** Seed exactly these communes instead of the default selection. */
	communeCodes?: readonly string[];
	/** Keep only the first N communes of the selection (quick runs, tests). */
	communeLimit?: number;
	/** Every shard (a router made with `many`). */
	shards: ShardRouter;
}

export interface SeedReport {
	seed: string;
	now: string;
	communes: number;
	provinces: string[];
	skippedWithoutGeometry: string[];
	counts: Record<keyof DemoRecords | 'visitServices', number>;
	/** Demo outings written (a week of them per team of the route communes). */
	routes: number;
	deleted: DemoDeleteReport;
	/** The streets the households stand on, for the demo's base map (not stored in D1). */
	streets: DemoStreet[];
	timingsMs: { delete: number; generate: number; write: number; total: number };
}

interface CommuneRow {
	code: string;
	province_code: string;
	name: string;
	unit_type: string;
}

async function demoCommunes(db: Db, opts: SeedOptions, seed: string) {
	const res = await db.$client
		.prepare('SELECT code, province_code, name, unit_type FROM communes ORDER BY code')
		.all<CommuneRow>();
	const rows = res.results;
	const choice = rows.map((r) => ({
		code: r.code,
		provinceCode: r.province_code,
		unitType: r.unit_type
	}));
	let codes = opts.communeCodes ? [...opts.communeCodes].sort() : selectDemoCommunes(choice, seed);
	if (opts.communeLimit !== undefined) codes = codes.slice(0, opts.communeLimit);
	const byCode = new Map(rows.map((r) => [r.code, r]));
	const communes: DemoCommune[] = [];
	const skipped: string[] = [];
	for (const code of codes) {
		const row = byCode.get(code);
		const shape = row ? opts.shapeOf(code) : undefined;
		if (!row || !shape) skipped.push(code);
		else
			communes.push({
				code,
				provinceCode: row.province_code,
				name: row.name,
				unitType: row.unit_type,
				shape,
				hamletScale: code === DEMO_COMMUNE.communeCode ? DEMO_HAMLET_SCALE : 1
			});
	}
	return { communes, skipped };
}

/** Communes whose teams get demo plans: the demo accounts' and up to 8 town wards. */
function routeCommunes(communes: readonly DemoCommune[]): Set<string> {
	const wards = communes.filter((c) => c.unitType === 'Phường').slice(0, 8);
	return new Set([DEMO_COMMUNE.communeCode, ...wards.map((c) => c.code)]);
}

/**
 * Writes the records: teams, members and hamlets to the global D1, households, visits and
 * routes to the shard of each province, through the same write functions as real data.
 */
async function writeAll(
	db: Db,
	shards: ShardRouter,
	r: DemoRecords,
	now: number,
	routes: ReturnType<typeof demoRoutePlans>
): Promise<void> {
	await insertHamlets(db, r.hamlets);
	await insertTeams(db, r.teams);
	await insertMembers(db, r.members);
	const provinces = [...new Set(r.households.map((h) => h.provinceCode))].sort();
	for (const p of provinces) {
		const shard = shards.forProvince(p);
		await insertHouseholds(
			db,
			shard,
			r.households.filter((h) => h.provinceCode === p)
		);
		await insertVisits(
			db,
			shard,
			r.visits.filter((v) => v.provinceCode === p),
			{ now }
		);
		const statements: D1PreparedStatement[] = [];
		for (const plan of routes.filter((x) => x.provinceCode === p)) {
			statements.push(...(await prepareRoutePlan(db, shard, plan)).statements);
		}
		await runBatch(shard, statements);
	}
}

/**
 * Replaces the demo data set.
 * @returns what was deleted, generated and written, with timings.
 * @throws NoDemoCommunesError before deleting anything when no commune can be seeded;
 *   DemoConflictError when real records use demo rows; WriteValidationError if a
 *   generated record fails validation (a generator bug: nothing of that table is written).
 */
export async function seedDemo(db: Db, opts: SeedOptions): Promise<SeedReport> {
	const t0 = performance.now();
	const seed = opts.seed ?? DEFAULT_SEED;
	const now = opts.now ?? new Date(Math.floor(Date.now() / DAY_MS) * DAY_MS);
	const { communes, skipped } = await demoCommunes(db, opts, seed);
	if (communes.length === 0) throw new NoDemoCommunesError();
	const { shards } = opts;
	const deleted = await deleteDemoData(db, shards);
	const t1 = performance.now();
	const records = generateDemo(communes, seed, now.getTime());
	const t2 = performance.now();
	const rural = new Map(communes.map((c) => [c.code, c.unitType !== 'Phường']));
	const routes = demoRoutePlans(
		records,
		routeCommunes(communes),
		seed,
		now.getTime(),
		(code) => rural.get(code) ?? true,
		DEMO_COMMUNE.communeCode
	);
	await writeAll(db, shards, records, now.getTime(), routes);
	const counts = {
		hamlets: records.hamlets.length,
		teams: records.teams.length,
		members: records.members.length,
		households: records.households.length,
		visits: records.visits.length,
		streets: records.streets.length,
		visitServices: records.visits.reduce((n, v) => n + (v.services?.length ?? 0), 0)
	};
	const provinces = [...new Set(communes.map((c) => c.provinceCode))].sort();
	const fact = {
		seed,
		now: now.toISOString(),
		communes: communes.length,
		provinces,
		counts,
		routes: routes.reduce((n, p) => n + p.routes.length, 0)
	};
	await runBatch(db, [setMetaStatement(db, 'demo_seed', JSON.stringify(fact), Date.now())]);
	const t3 = performance.now();
	const ms = (a: number, b: number) => Math.round(b - a);
	return {
		...fact,
		skippedWithoutGeometry: skipped,
		deleted,
		streets: records.streets,
		timingsMs: { delete: ms(t0, t1), generate: ms(t1, t2), write: ms(t2, t3), total: ms(t0, t3) }
	};
}
