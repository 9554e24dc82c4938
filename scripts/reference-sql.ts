/**
 * Writes the reference data as SQL files for a D1 this machine cannot open directly (the
 * deployed global database): validated by the same code as `npm run import:reference`, applied
 * with `wrangler d1 execute DB --remote --file <f>` in file-name order (scripts/deploy.ts does).
 *
 *   node scripts/reference-sql.ts --out .wrangler/deploy/reference-sql
 * Env: TUNG_NGO_DATA_DIR (reference data). Exit code 1 with only the reason (file, line,
 * field) when the data are missing or invalid; nothing is written then.
 */
import { relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { ImportError } from '../src/lib/server/import/reference/index.ts';
import { repoRoot, requireDataDir, SetupError } from './lib/paths.ts';
import { writeReferenceSql } from './lib/reference-sql-files.ts';

const { values } = parseArgs({
	options: { out: { type: 'string', default: '.wrangler/deploy/reference-sql' } }
});

try {
	const dataDir = requireDataDir();
	const outDir = resolve(repoRoot, values.out);
	const written = await writeReferenceSql(dataDir, outDir);
	const statements = written.files.reduce((n, f) => n + f.statements, 0);
	console.log(`Data: ${dataDir}\nSQL:  ${relative(repoRoot, outDir) || outDir}`);
	console.log(
		`Reference SQL written: ${written.files.length} files, ${statements} statements, data ${written.dataHash.slice(0, 12)}`
	);
	for (const f of written.files) console.log(`  ${f.name}  (${f.statements} statements)`);
} catch (err) {
	if (err instanceof ImportError || err instanceof SetupError) {
		console.error(`Reference SQL export failed: ${err.message}`);
		process.exit(1);
	}
	throw err;
}
