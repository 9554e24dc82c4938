/**
 * `node scripts/deploy.ts --local` end to end: every step that needs no Cloudflare account —
 * the generated config, the migrations of every database (global and shards), the reference
 * SQL and the first admin — run with the same wrangler commands as the deploy, on local D1s.
 * The build and the dry-run are left to CI's `npm run deploy:dry-run` (they need `vite build`).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { getPlatformProxy } from 'wrangler';
import { parse } from 'smol-toml';
import { bootstrapAdmin } from '../../scripts/lib/deploy-steps.ts';
import { runNode, type NodeRun } from './support/run-node.ts';

type D1Entry = { binding: string; migrations_dir: string };

const ADMIN_EMAIL = 'quan-tri@example.vn';
const work = mkdtempSync(join(tmpdir(), 'tung-ngo-deploy-local-'));
const persistTo = join(work, 'state');
const outDir = join(work, 'out');
const configPath = join(outDir, 'wrangler.placeholder.toml');
let run: NodeRun;
let databases: D1Entry[];
let proxy: Awaited<ReturnType<typeof getPlatformProxy<Record<string, D1Database>>>>;

beforeAll(async () => {
	const started = performance.now();
	run = await runNode(
		[
			'scripts/deploy.ts',
			'--local',
			'--skip-build',
			'--skip-dry-run',
			'--persist-to',
			persistTo,
			'--out',
			outDir,
			'--admin-name',
			'Nguyễn Văn A',
			'--admin-email',
			ADMIN_EMAIL
		],
		{ TUNG_NGO_ADMIN_PASSWORD: 'mat-khau-dai-du' }
	);
	console.log(`deploy --local: ${((performance.now() - started) / 1000).toFixed(1)} s`);
	if (run.status !== 0) throw new Error(`deploy --local failed:\n${run.stdout}\n${run.stderr}`);
	databases = parse(readFileSync(configPath, 'utf8')).d1_databases as D1Entry[];
	proxy = await openProxy();
});
const openProxy = () =>
	getPlatformProxy<Record<string, D1Database>>({
		configPath,
		persist: { path: join(persistTo, 'v3') }
	});
afterAll(async () => {
	await proxy?.dispose();
	rmSync(work, { recursive: true, force: true });
});

const count = async (d1: D1Database, sql: string) =>
	(await d1.prepare(sql).first<number>('n')) ?? Number.NaN;

describe('node scripts/deploy.ts --local', () => {
	it('runs every step that needs no account, in order, and says so', () => {
		const steps = [
			'Reference data as SQL',
			'Apply the migrations of every database',
			'Load the reference data',
			'First admin',
			'Local deploy done'
		];
		const at = steps.map((s) => run.stdout.indexOf(s));
		expect(at.every((i) => i >= 0)).toBe(true);
		expect([...at].sort((a, b) => a - b)).toEqual(at);
		expect(run.stdout).not.toMatch(/whoami|d1 create/);
	});

	it('writes a generated config with the global database and every shard of the map', () => {
		expect(databases[0]?.binding).toBe('DB');
		expect(new Set(databases.map((d) => d.binding)).size).toBe(databases.length);
	});

	it('applies every migration of its schema to every database', async () => {
		for (const db of databases) {
			const d1 = proxy.env[db.binding];
			if (!d1) throw new Error(`no binding ${db.binding}`);
			const dir = resolve(dirname(configPath), db.migrations_dir);
			const files = readdirSync(dir).filter((f) => f.endsWith('.sql'));
			expect(await count(d1, 'select count(*) n from d1_migrations'), db.binding).toBe(
				files.length
			);
			const tables = await count(
				d1,
				"select count(*) n from sqlite_master where type = 'table' and name not like '\\_%' escape '\\' and name not like 'sqlite%' and name <> 'd1_migrations'"
			);
			expect(tables, db.binding).toBeGreaterThan(0);
		}
	});

	it('loads the reference data into the global database', async () => {
		const global = proxy.env.DB!;
		expect(await count(global, 'select count(*) n from provinces')).toBe(34);
		expect(await count(global, 'select count(*) n from communes')).toBe(3321);
		expect(await count(global, 'select count(*) n from commune_crosswalk')).toBe(10604);
		expect(
			await count(global, "select count(*) n from meta where key = 'reference_data_hash'")
		).toBe(1);
	});

	it('creates the first admin once, with its audit entry, and leaves it alone on a re-run', async () => {
		const global = proxy.env.DB!;
		const admins = `select count(*) n from users where email = '${ADMIN_EMAIL}' and role = 'admin'`;
		const audits = "select count(*) n from audit_log where action = 'user.create'";
		expect(await count(global, admins)).toBe(1);
		expect(await count(global, audits)).toBe(1);
		// wrangler's own process writes the same SQLite files: no other workerd may hold them.
		await proxy.dispose();
		await bootstrapAdmin(
			{ displayName: 'Người khác', email: ADMIN_EMAIL, password: 'mat-khau-khac-nua' },
			{ remote: false, persistTo },
			configPath,
			outDir
		);
		proxy = await openProxy();
		const again = proxy.env.DB!;
		expect(await count(again, admins)).toBe(1);
		expect(await count(again, 'select count(*) n from users')).toBe(1);
		expect(await count(again, audits)).toBe(1);
		expect(readdirSync(outDir).filter((f) => f.startsWith('admin-'))).toEqual([]);
	});
});
