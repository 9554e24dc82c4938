/**
 * Seeds synthetic demo data (all rows is_demo = 1) into the local D1: every commune of
 * Thái Nguyên and Lạng Sơn plus a few communes in eleven other provinces. Idempotent: previous
 * demo rows are removed first; real rows are never touched. Needs the reference data imported.
 *
 *   node scripts/seed-demo.ts [--seed tung-ngo-demo] [--now 2026-11-23] [--communes N] [--keep-if-in-use]
 *
 * --keep-if-in-use (what setup and `npm start` pass): when real records point at demo records
 * (someone tried the demo with real data), the demo stays as it is and one line says why,
 * instead of failing — refreshing the demo must never keep the app from starting.
 * Env: TUNG_NGO_DATA_DIR (reference data), TUNG_NGO_PERSIST_DIR (local D1 state).
 */
import { parseArgs } from 'node:util';
import { withLocalDb } from './lib/local-d1.ts';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { basemapOutDir, SetupError } from './lib/paths.ts';
import { loadCommuneShapes } from './lib/demo-geometry.ts';
import {
	DEFAULT_SEED,
	NoDemoCommunesError,
	seedDemo,
	type SeedReport
} from '../src/lib/server/demo/seed.ts';
import { DemoConflictError } from '../src/lib/server/demo/delete.ts';

const { values } = parseArgs({
	options: {
		seed: { type: 'string', default: DEFAULT_SEED },
		now: { type: 'string' },
		communes: { type: 'string' },
		'keep-if-in-use': { type: 'boolean', default: false }
	}
});

function print(r: SeedReport, loadMs: number): void {
	const c = r.counts;
	console.log(`Demo seed "${r.seed}" dated ${r.now}`);
	console.log(`  communes: ${r.communes} in provinces ${r.provinces.join(', ')}`);
	if (r.skippedWithoutGeometry.length > 0) {
		console.log(
			`  skipped (not in the database or no polygon): ${r.skippedWithoutGeometry.join(', ')}`
		);
	}
	const removed = Object.values(r.deleted).reduce((s, n) => s + n, 0);
	console.log(`  removed previous demo rows: ${removed}`);
	console.log(
		`  wrote: ${c.hamlets} hamlets, ${c.teams} teams, ${c.members} members, ` +
			`${c.households} households, ${c.visits} visits, ${c.visitServices} visit services`
	);
	const t = r.timingsMs;
	console.log(
		`  time: geometry ${loadMs} ms, delete ${t.delete} ms, generate ${t.generate} ms, ` +
			`write ${t.write} ms; total ${loadMs + t.total} ms`
	);
}

/** The demo's streets as GeoJSON, for the base-map build (scripts/build-basemap.ts). */
function writeStreets(r: SeedReport): void {
	const dir = basemapOutDir();
	mkdirSync(dir, { recursive: true });
	const features = r.streets.map(({ coords, ...props }) => ({
		type: 'Feature',
		properties: props,
		geometry: { type: 'LineString', coordinates: coords }
	}));
	const file = join(dir, 'demo-streets.geojson');
	writeFileSync(file, JSON.stringify({ type: 'FeatureCollection', features }));
	console.log(`  streets: ${features.length} lines → ${file}`);
}

try {
	const now = values.now ? new Date(values.now) : undefined;
	if (now && Number.isNaN(now.getTime()))
		throw new SetupError(`--now is not a date: ${values.now}`);
	const limit = values.communes === undefined ? undefined : Number(values.communes);
	if (limit !== undefined && !(Number.isInteger(limit) && limit > 0)) {
		throw new SetupError(`--communes must be a positive integer: ${values.communes}`);
	}
	const started = performance.now();
	const shapeOf = loadCommuneShapes();
	const loadMs = Math.round(performance.now() - started);
	const report = await withLocalDb(({ db, shards }) =>
		seedDemo(db, { seed: values.seed, now, shapeOf, communeLimit: limit, shards })
	);
	if (report.communes === 0) {
		throw new SetupError(
			'No demo communes found: import the reference data first (npm run import:reference).'
		);
	}
	print(report, loadMs);
	writeStreets(report);
} catch (err) {
	if (err instanceof DemoConflictError && values['keep-if-in-use']) {
		console.log(`Demo data kept as it is: ${err.message.replace(/^demo data is /, 'it is ')}.`);
		process.exit(0);
	}
	if (
		err instanceof SetupError ||
		err instanceof NoDemoCommunesError ||
		err instanceof DemoConflictError
	) {
		console.error(`✗ ${err.message}`);
		process.exit(1);
	}
	throw err;
}
