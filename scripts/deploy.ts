/**
 * The deploy sequence (README "Deploy to Cloudflare"):
 *
 *   npm run deploy [-- options]           to the Cloudflare account wrangler is logged in to
 *   npm run deploy:local [-- options]     every step that needs no account, on local D1s
 *   node scripts/deploy.ts --dry-run      the generated config and `wrangler deploy --dry-run`
 *
 * Deploy: login check → reference SQL (validates the data first) → build map assets and app →
 * create or reuse the D1 databases (global + shards) and R2 buckets → generated config with
 * their ids (.wrangler/deploy/wrangler.toml, git-ignored) → migrations of every database →
 * reference SQL into the global database → first admin (with --admin-name) → wrangler deploy
 * (Worker, static assets incl. the map tiles, Cron Triggers).
 * --local does the same without the account steps, on local D1s in --persist-to, and ends with
 * the dry-run instead of the upload.
 *
 * Options: --shard-map <json> (binding → province codes; default wrangler.toml's
 * vars.PROVINCE_SHARDS; deploy/shards-national.json has one shard per province),
 * --var NAME=value (settings such as BASEMAP_STYLE_URL), --location <hint> (new databases,
 * default apac), --out <dir> (generated files, default .wrangler/deploy), --persist-to <dir>
 * (with --local, default .wrangler/deploy-local), --skip-build, --skip-dry-run,
 * --admin-name <name> --admin-phone <phone> | --admin-email <email> (password from stdin with
 * --admin-password-stdin, else TUNG_NGO_ADMIN_PASSWORD, else generated and printed once).
 * Env: TUNG_NGO_DATA_DIR (reference data).
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { AccountError } from '../src/lib/server/auth/accounts.ts';
import { randomToken } from '../src/lib/server/auth/crypto.ts';
import { ImportError } from '../src/lib/server/import/reference/index.ts';
import type { AdminInput } from './lib/admin-sql.ts';
import * as plan from './lib/deploy-plan.ts';
import * as steps from './lib/deploy-steps.ts';
import { repoRoot, requireDataDir, SetupError } from './lib/paths.ts';
import { writeReferenceSql } from './lib/reference-sql-files.ts';
import { StepFailed } from './lib/run.ts';
import { WranglerError, wrangler, type D1Target } from './lib/wrangler-cli.ts';

const { values: o } = parseArgs({
	options: {
		local: { type: 'boolean', default: false },
		'dry-run': { type: 'boolean', default: false },
		'persist-to': { type: 'string', default: '.wrangler/deploy-local' },
		out: { type: 'string', default: '.wrangler/deploy' },
		'shard-map': { type: 'string' },
		var: { type: 'string', multiple: true, default: [] },
		location: { type: 'string', default: 'apac' },
		'skip-build': { type: 'boolean', default: false },
		'skip-dry-run': { type: 'boolean', default: false },
		'admin-name': { type: 'string' },
		'admin-phone': { type: 'string' },
		'admin-email': { type: 'string' },
		'admin-password-stdin': { type: 'boolean', default: false }
	}
});

const SOURCE = join(repoRoot, 'wrangler.toml');
const outDir = resolve(repoRoot, o.out);
const configPath = join(
	outDir,
	o.local || o['dry-run'] ? 'wrangler.placeholder.toml' : 'wrangler.toml'
);

function settings(): Record<string, string> {
	return Object.fromEntries(
		o.var.map((pair) => {
			const at = pair.indexOf('=');
			if (at < 1) throw new plan.DeployConfigError(`--var ${pair}: write NAME=value`);
			return [pair.slice(0, at), pair.slice(at + 1)];
		})
	);
}

function loadPlan(provinces?: string[]): plan.DeployPlan {
	const file = o['shard-map'] && resolve(repoRoot, o['shard-map']);
	const map = file ? plan.parseShardMap(JSON.parse(readFileSync(file, 'utf8')), file) : undefined;
	const p = plan.planDeploy(readFileSync(SOURCE, 'utf8'), {
		sourcePath: SOURCE,
		outPath: configPath,
		shardMap: map,
		vars: settings()
	});
	if (provinces && p.databases.length > 1) plan.parseShardMap(p.shardMap, 'shard map', provinces);
	return p;
}

function adminInput(): AdminInput | null {
	if (!o['admin-name']) return null;
	const typed = o['admin-password-stdin']
		? readFileSync(0, 'utf8').trim()
		: process.env.TUNG_NGO_ADMIN_PASSWORD;
	const password = typed || randomToken(12);
	if (!typed) console.log(`  Admin password (shown once, change it after logging in): ${password}`);
	return {
		displayName: o['admin-name'],
		phone: o['admin-phone'],
		email: o['admin-email'],
		password
	};
}

async function dryRun(): Promise<void> {
	steps.requireBuild();
	await wrangler(['deploy', '--dry-run', '--outdir', '.wrangler/dry-run', '-c', configPath], {
		echo: true
	});
}

/** The sequence; `target` null means the dry-run only (no database). */
async function run(target: D1Target | null): Promise<void> {
	const remote = target?.remote === true;
	if (remote) await steps.step('Check the Cloudflare login (wrangler whoami)', steps.requireLogin);
	const sql = target
		? await steps.step('Reference data as SQL', () =>
				writeReferenceSql(requireDataDir(), join(outDir, 'reference-sql'))
			)
		: null;
	const p = loadPlan(sql?.provinces);
	console.log(`\nDatabases: ${p.databases.map((d) => `${d.binding}=${d.name}`).join(', ')}`);
	if (!o['skip-build'] && (remote || !o['skip-dry-run'])) await steps.step('Build', steps.buildApp);
	let config = p.config;
	if (remote) {
		const ids = await steps.step('Create or reuse the D1 databases', () =>
			steps.ensureDatabases(p, o.location)
		);
		await steps.step('Create or reuse the R2 buckets', () => steps.ensureBuckets(p));
		config = plan.withDatabaseIds(p, ids);
	}
	steps.writeConfig(configPath, plan.renderConfig(config));
	console.log(`\nConfig: ${configPath}`);
	if (target && sql) {
		await steps.step('Apply the migrations of every database', () =>
			steps.migrateAll(p, target, configPath)
		);
		await steps.step('Load the reference data', () =>
			steps.applyReferenceSql(sql.paths, target, configPath)
		);
		const admin = adminInput();
		if (admin)
			await steps.step('First admin', () =>
				steps.bootstrapAdmin(admin, target, configPath, outDir)
			);
	}
	if (remote) {
		await steps.step('Deploy the Worker, its assets and Cron Triggers', () =>
			wrangler(['deploy', '-c', configPath], { echo: true })
		);
	} else if (!o['skip-dry-run']) {
		await steps.step('Dry-run of wrangler deploy with every binding', dryRun);
	}
}

try {
	const target: D1Target | null = o['dry-run']
		? null
		: o.local
			? { remote: false, persistTo: resolve(repoRoot, o['persist-to']) }
			: { remote: true };
	await run(target);
	console.log(`\n✓ ${o['dry-run'] ? 'Dry-run' : o.local ? 'Local deploy' : 'Deploy'} done`);
} catch (err) {
	const known = [
		steps.DeployError,
		plan.DeployConfigError,
		WranglerError,
		ImportError,
		SetupError,
		StepFailed,
		AccountError
	];
	if (known.some((k) => err instanceof k)) {
		console.error(`\n✗ Deploy stopped: ${(err as Error).message}`);
		process.exit(1);
	}
	throw err;
}
