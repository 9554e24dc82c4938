/**
 * Prepares a local database and map assets from scratch or brings them up to date:
 *   migrate → import reference data → build map geometry → built-in guides → seed demo data, its base map (streets,
 *   street graphs, into the local R2) and demo accounts → compute metrics.
 * Every step is idempotent, so running setup again is cheap.
 *
 *   node scripts/setup.ts [--no-demo] [--fresh]
 *
 * --fresh deletes the local D1 state first (the e2e run uses it, so every run starts from the
 * same database whatever earlier runs left behind).
 * Env: TUNG_NGO_DATA_DIR (reference data), TUNG_NGO_PERSIST_DIR (local D1 state).
 */
import { rmSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { applyMigrations } from './lib/local-d1.ts';
import { persistDir, requireDataDir, SetupError } from './lib/paths.ts';
import { runStep, StepFailed } from './lib/run.ts';

const { values } = parseArgs({
	options: {
		'no-demo': { type: 'boolean', default: false },
		fresh: { type: 'boolean', default: false }
	}
});

try {
	process.env.CLOUDFLARE_CF_FETCH_ENABLED = 'false';
	process.env.WRANGLER_SEND_METRICS = 'false';
	const dataDir = requireDataDir();
	if (values.fresh) {
		rmSync(persistDir(), { recursive: true, force: true });
		console.log(`Removed the previous local D1 state in ${persistDir()}`);
	}
	console.log(`Reference data: ${dataDir}\nLocal D1 state: ${persistDir()}`);
	console.log('\n▶ Apply D1 migrations');
	applyMigrations();
	runStep('Import reference data', process.execPath, ['scripts/import-reference.ts']);
	runStep('Build map geometry', process.execPath, ['scripts/build-geo.ts']);
	runStep('Load the built-in training guides', process.execPath, ['scripts/load-guides.ts']);
	if (!values['no-demo']) {
		runStep('Seed demo data', process.execPath, ['scripts/seed-demo.ts', '--keep-if-in-use']);
		runStep('Build the demo base map', process.execPath, ['scripts/build-basemap.ts']);
		runStep('Demo accounts', process.execPath, ['scripts/create-admin.ts', '--demo']);
	}
	runStep('Compute metrics', process.execPath, ['scripts/compute-metrics.ts']);
} catch (err) {
	if (err instanceof SetupError || err instanceof StepFailed) {
		console.error(`\n✗ ${err.message}`);
		process.exit(1);
	}
	throw err;
}
