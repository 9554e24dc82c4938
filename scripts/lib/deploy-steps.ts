/**
 * The steps of scripts/deploy.ts, each one wrangler command or script. The account steps
 * (login check, create-or-reuse of the D1 databases and R2 buckets) need a Cloudflare account;
 * every other step runs the same with `--local --persist-to` as with `--remote`.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { adminBootstrapSql, type AdminInput } from './admin-sql.ts';
import type { DeployPlan } from './deploy-plan.ts';
import { repoRoot } from './paths.ts';
import { runStep } from './run.ts';
import { applyD1Migrations, executeD1File, wrangler, type D1Target } from './wrangler-cli.ts';

/** A deploy step that cannot go on; the message says what to do. */
export class DeployError extends Error {}

/** Runs `fn` between a start line and a done line with its duration. */
export async function step<T>(label: string, fn: () => Promise<T> | T): Promise<T> {
	const started = Date.now();
	console.log(`\n▶ ${label}`);
	const result = await fn();
	console.log(`✓ ${label} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
	return result;
}

/** Account step: stops with advice unless wrangler is logged in (or has an API token). */
export async function requireLogin(): Promise<void> {
	const { stdout, stderr } = await wrangler(['whoami']);
	if (/not authenticated/i.test(`${stdout}\n${stderr}`)) {
		throw new DeployError(
			'Not logged in to Cloudflare. Run `npx wrangler login` (or set CLOUDFLARE_API_TOKEN and ' +
				'CLOUDFLARE_ACCOUNT_ID), then run `npm run deploy` again.'
		);
	}
}

/** Account step: the account's D1 databases, name → id (`wrangler d1 list --json`). */
export async function listDatabases(): Promise<Map<string, string>> {
	const { stdout } = await wrangler(['d1', 'list', '--json']);
	const list = JSON.parse(stdout.slice(stdout.indexOf('['))) as Array<{
		name: string;
		uuid: string;
	}>;
	return new Map(list.map((d) => [d.name, d.uuid]));
}

/**
 * Account step: creates every planned database the account does not have yet (`wrangler d1
 * create <name> --location <hint>`); existing ones are reused, never recreated.
 *
 * @returns name → id of every database of the account
 */
export async function ensureDatabases(
	plan: DeployPlan,
	location: string
): Promise<Map<string, string>> {
	const existing = await listDatabases();
	const missing = plan.databases.filter((db) => !existing.has(db.name));
	for (const db of plan.databases) {
		console.log(
			`  ${db.binding.padEnd(9)} ${db.name}: ${existing.has(db.name) ? 'reused' : 'created'}`
		);
	}
	for (const db of missing) await wrangler(['d1', 'create', db.name, '--location', location]);
	return missing.length > 0 ? listDatabases() : existing;
}

/** Account step: creates the R2 buckets of wrangler.toml that do not exist yet. */
export async function ensureBuckets(plan: DeployPlan): Promise<void> {
	if (plan.r2Buckets.length === 0) return;
	const { stdout } = await wrangler(['r2', 'bucket', 'list']);
	const existing = new Set([...stdout.matchAll(/^name:\s+(\S+)/gm)].map((m) => m[1]));
	for (const bucket of plan.r2Buckets.filter((b) => !existing.has(b))) {
		await wrangler(['r2', 'bucket', 'create', bucket]);
	}
}

/** Writes a generated config (creating its folder). */
export function writeConfig(path: string, text: string): void {
	mkdirSync(dirname(path), { recursive: true });
	writeFileSync(path, text);
}

/** Applies each database's migrations (`wrangler d1 migrations apply <binding>`). */
export async function migrateAll(
	plan: DeployPlan,
	target: D1Target,
	config: string
): Promise<void> {
	for (const db of plan.databases) {
		await applyD1Migrations(db.binding, target, config);
		console.log(`  ${db.binding}: migrations applied`);
	}
}

/** Applies the reference SQL files to the global database, in order. */
export async function applyReferenceSql(
	paths: string[],
	target: D1Target,
	config: string
): Promise<void> {
	for (const path of paths) {
		await executeD1File('DB', path, target, config);
		console.log(`  ${path.slice(path.lastIndexOf('/') + 1)} applied`);
	}
}

/**
 * Creates the first admin in the global database from a temporary SQL file (removed after,
 * it holds the password hash), and says whether the account was new.
 */
export async function bootstrapAdmin(
	input: AdminInput,
	target: D1Target,
	config: string,
	workDir: string
): Promise<void> {
	const { sql, id } = await adminBootstrapSql(input);
	const file = join(workDir, `admin-${id}.sql`);
	writeConfig(file, sql);
	try {
		await executeD1File('DB', file, target, config);
	} finally {
		rmSync(file, { force: true });
	}
	const where = target.remote ? ['--remote'] : ['--local', '--persist-to', target.persistTo];
	const { stdout } = await wrangler([
		'd1',
		'execute',
		'DB',
		...where,
		'--json',
		'-c',
		config,
		'--command',
		`select count(*) as n from users where id = '${id}'`
	]);
	const created = /"n":\s*1/.test(stdout);
	console.log(
		created
			? `  admin created: ${input.displayName}`
			: '  an account with this login exists: unchanged'
	);
}

/** Builds the map assets and the app (`scripts/build-geo.ts`, `vite build`). */
export function buildApp(): void {
	runStep('Build map geometry (static/geo)', process.execPath, ['scripts/build-geo.ts']);
	runStep('Build the app (vite build)', process.execPath, [
		join(repoRoot, 'node_modules', 'vite', 'bin', 'vite.js'),
		'build'
	]);
}

/** Stops with advice when the app was not built (the dry-run and deploy bundle its output). */
export function requireBuild(): void {
	try {
		readFileSync(join(repoRoot, '.svelte-kit', 'cloudflare', '_worker.js'));
	} catch {
		throw new DeployError(
			'No build in .svelte-kit/cloudflare: run without --skip-build (or `npm run build`).'
		);
	}
}
