/**
 * Loads the reference data (provinces, communes, pre-2025 units, crosswalk, default service
 * catalogue) into the local D1. Idempotent: a re-run with unchanged data writes nothing.
 *
 *   node scripts/import-reference.ts
 * Env: TUNG_NGO_DATA_DIR (reference data), TUNG_NGO_PERSIST_DIR (local D1 state).
 * Exit code 1 with only the reason (no stack trace) when the data are missing or invalid,
 * or when the local D1 has no schema yet.
 */
import { ImportError, TABLE_NAMES } from '../src/lib/server/import/reference/index.ts';
import type { ImportReport } from '../src/lib/server/import/reference/index.ts';
import { withLocalDb } from './lib/local-d1.ts';
import { persistDir, requireDataDir, SetupError } from './lib/paths.ts';
import { importReference } from './lib/reference-files.ts';

function printReport(report: ImportReport): void {
	const pad = (s: string | number, n: number) => String(s).padStart(n);
	console.log(
		`${'table'.padEnd(18)}${pad('inserted', 10)}${pad('updated', 9)}${pad('deleted', 9)}${pad('unchanged', 11)}`
	);
	for (const name of TABLE_NAMES) {
		const t = report.tables[name];
		const kept = t.retained > 0 ? `  (${t.retained} not in the data, kept)` : '';
		console.log(
			`${name.padEnd(18)}${pad(t.inserted, 10)}${pad(t.updated, 9)}${pad(t.deleted, 9)}${pad(t.unchanged, 11)}${kept}`
		);
	}
	const what = report.changed ? `${report.statements} statements in one batch` : 'nothing to write';
	console.log(
		`Reference data ${report.changed ? 'imported' : 'already up to date'}: ${what}, ${report.elapsedMs} ms`
	);
}

try {
	process.env.CLOUDFLARE_CF_FETCH_ENABLED ??= 'false';
	process.env.WRANGLER_SEND_METRICS ??= 'false';
	const dataDir = requireDataDir();
	const report = await withLocalDb(({ db }) => importReference(db, dataDir));
	console.log(`Data: ${dataDir}\nD1:   ${persistDir()}`);
	printReport(report);
} catch (err) {
	if (err instanceof ImportError || err instanceof SetupError) {
		console.error(`Reference import failed: ${err.message}`);
		process.exit(1);
	}
	if (err instanceof Error && /no such table/.test(err.message)) {
		console.error(
			`Reference import failed: the local D1 in ${persistDir()} has no schema (${err.message}).\n` +
				'Apply the migrations first: npm run db:migrate (or npm run setup).'
		);
		process.exit(1);
	}
	throw err;
}
