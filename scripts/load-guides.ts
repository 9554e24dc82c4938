/**
 * Loads the built-in training guides (scripts/guides/<id>/guide.md and its drawings) into the
 * local D1 and R2 through the same code path as an admin's upload (server/guides/store.ts): each
 * folder is zipped and published; an unchanged guide makes no new version. Prints the library's
 * total size, which a phone saves for offline use (≤ 20 MB, docs/guides.md).
 *
 *   node scripts/load-guides.ts [--dir scripts/guides]
 * Env: TUNG_NGO_PERSIST_DIR (local D1 and R2 state).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { zipSync } from 'fflate';
import { getDb } from '../src/lib/server/db/client.ts';
import { listGuides, publishGuide } from '../src/lib/server/guides/store.ts';
import { ImportRefusedError } from '../src/lib/domain/csv-import.ts';
import { persistDir, repoRoot, SetupError } from './lib/paths.ts';

/** Each guide folder of `dir` as the zip an admin would upload. */
export function guideZips(dir: string): { id: string; zip: Uint8Array }[] {
	return readdirSync(dir)
		.filter((d) => statSync(join(dir, d)).isDirectory())
		.sort()
		.map((id) => {
			const files = Object.fromEntries(
				readdirSync(join(dir, id)).map((f) => [f, new Uint8Array(readFileSync(join(dir, id, f)))])
			);
			return { id, zip: zipSync(files) };
		});
}

async function main() {
	const { values } = parseArgs({ options: { dir: { type: 'string' } } });
	const dir = resolve(values.dir ?? join(repoRoot, 'scripts/guides'));
	const { getPlatformProxy } = await import('wrangler');
	const proxy = await getPlatformProxy<{ DB: D1Database; GUIDES: R2Bucket }>({
		configPath: join(repoRoot, 'wrangler.toml'),
		persist: { path: join(persistDir(), 'v3') }
	});
	try {
		const db = getDb(proxy.env.DB);
		for (const { id, zip } of guideZips(dir)) {
			try {
				const r = await publishGuide(db, proxy.env.GUIDES, zip, null);
				console.log(
					`  ${id}: ${r.created ? `version ${r.version} published` : `unchanged (version ${r.version})`}, ${(r.bytes / 1024).toFixed(1)} KB`
				);
			} catch (err) {
				if (!(err instanceof ImportRefusedError)) throw err;
				const lines = err.errors.map((e) => `    line ${e.line}, ${e.field}: ${e.message}`);
				throw new SetupError(`Guide ${id} refused:\n${lines.join('\n')}`);
			}
		}
		const list = await listGuides(db);
		console.log(
			`Guides: ${list.guides.length}, ${(list.totalBytes / 1024).toFixed(1)} KB saved offline in all (budget ${list.budgetBytes / 1024 / 1024} MB)`
		);
	} finally {
		await proxy.dispose();
	}
}

if (import.meta.url === `file://${process.argv[1]}`) {
	try {
		await main();
	} catch (err) {
		if (err instanceof SetupError) {
			console.error(`✗ ${err.message}`);
			process.exit(1);
		}
		throw err;
	}
}
