/**
 * The CLI wrapper: a short report on success, a one-line reason and exit code 1 on bad data,
 * never a stack trace. Runs the real script against its own copy of the migrated template D1.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REFERENCE_FILES as F } from '../../src/lib/server/import/reference/index.ts';
import { lineOf, setCell, subsetFiles, writeDataDir } from './support/reference-data.ts';
import { runNode, type NodeRun } from './support/run-node.ts';

let persistTo: string;
let files: Record<string, string>;
const cleanups: Array<() => void> = [];

beforeAll(() => {
	persistTo = mkdtempSync(join(tmpdir(), 'tung-ngo-d1-cli-'));
	cpSync(inject('d1Template'), persistTo, { recursive: true });
	files = subsetFiles(['11', '12']);
	cleanups.push(() => rmSync(persistTo, { recursive: true, force: true }));
});
afterAll(() => cleanups.forEach((c) => c()));

function runCli(dataDir: string, persist = persistTo): Promise<NodeRun> {
	return runNode(['scripts/import-reference.ts'], {
		TUNG_NGO_DATA_DIR: dataDir,
		TUNG_NGO_PERSIST_DIR: persist
	});
}

function dataDirOf(texts: Record<string, string>): string {
	const dir = writeDataDir(texts);
	cleanups.push(dir.remove);
	return dir.dir;
}

describe('node scripts/import-reference.ts', () => {
	it('imports a data directory and prints counts per table and the elapsed time', async () => {
		const run = await runCli(dataDirOf(files));
		expect(run.stderr).not.toMatch(/Error/);
		expect(run.status).toBe(0);
		expect(run.stdout).toMatch(/^communes\s+83\s+0\s+0\s+0$/m);
		expect(run.stdout).toMatch(/Reference data imported: \d+ statements in one batch, \d+ ms/);
	});

	it('reports nothing to write on a second run', async () => {
		const run = await runCli(dataDirOf(files));
		expect(run.status).toBe(0);
		expect(run.stdout).toMatch(/^communes\s+0\s+0\s+0\s+83$/m);
		expect(run.stdout).toMatch(/Reference data already up to date: nothing to write, \d+ ms/);
	});

	it.each([
		[
			'a missing data directory',
			() => '/nonexistent/tung-ngo-data',
			'Reference import failed: Reference data directory not found: /nonexistent/tung-ngo-data'
		],
		[
			'a malformed commune code',
			() => {
				const line = lineOf(files[F.communes] ?? '', 'code', '03199');
				return dataDirOf({
					...files,
					[F.communes]: setCell(files[F.communes] ?? '', line, 'code', '4')
				});
			},
			`Reference import failed: ${F.communes} line 17, field "code": "4" is not a 5-digit commune code`
		]
	])('exits 1 with only the reason for %s', async (_what, dir, message) => {
		const run = await runCli(dir());
		expect(run.status).toBe(1);
		expect(run.stderr.startsWith(message)).toBe(true);
		expect(run.stderr).not.toMatch(/^\s+at /m);
	});

	it('exits 1 with advice when the database has no schema yet', async () => {
		const empty = mkdtempSync(join(tmpdir(), 'tung-ngo-d1-empty-'));
		cleanups.push(() => rmSync(empty, { recursive: true, force: true }));
		const run = await runCli(dataDirOf(files), empty);
		expect(run.status).toBe(1);
		expect(run.stderr).toMatch(/^Reference import failed: the local D1 in .* has no schema/);
		expect(run.stderr).toContain('npm run db:migrate');
	});
});
