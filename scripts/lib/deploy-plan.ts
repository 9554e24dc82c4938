/**
 * The deploy's plan, without touching an account or a disk: which D1 databases the Worker
 * needs (the global `DB` and one per province shard), and the wrangler config the deploy
 * writes (`.wrangler/deploy/wrangler.toml`, never committed) with the real database ids.
 *
 * The shard map (binding → province codes) comes from an option (e.g. the committed
 * deploy/shards-national.json: 34 shards, one per province) or else from wrangler.toml's
 * `vars.PROVINCE_SHARDS`. Bindings of the map that wrangler.toml does not declare are generated
 * from its first shard entry (same migrations_dir), named `<global name>-shard-<n>`.
 */
import { dirname, relative, resolve } from 'node:path';
import { parse, stringify, type TomlTable } from 'smol-toml';

/** Binding name → the 2-digit province codes whose records live in that shard. */
export type ShardMap = Record<string, string[]>;

/** A D1 database of the deployment. */
export interface PlannedDatabase {
	binding: string;
	/** The database's name on the account (`wrangler d1 create <name>`). */
	name: string;
	kind: 'global' | 'shard';
	/** Provinces held (shards only). */
	provinces: string[];
}

export interface DeployPlan {
	databases: PlannedDatabase[];
	shardMap: ShardMap;
	r2Buckets: string[];
	/** The generated config, with placeholder ids until withDatabaseIds(). */
	config: TomlTable;
}

/** A wrangler.toml or shard map the deploy cannot use; the message says what to fix. */
export class DeployConfigError extends Error {}

const GLOBAL_BINDING = 'DB';
const BINDING = /^[A-Z][A-Z0-9_]*$/;
const PROVINCE = /^\d{2}$/;

const isTable = (v: unknown): v is TomlTable =>
	typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof Date);

/**
 * Checks a shard map: bindings in upper case (not `DB`), each with at least one 2-digit
 * province, no province twice, and — when `provinces` is given — every province mapped.
 *
 * @param source where the map came from, for the error message
 * @throws DeployConfigError saying what is wrong
 */
export function parseShardMap(value: unknown, source: string, provinces?: string[]): ShardMap {
	const raw = typeof value === 'string' ? (JSON.parse(value) as unknown) : value;
	if (!isTable(raw)) throw new DeployConfigError(`${source}: the shard map is not an object`);
	const seen = new Map<string, string>();
	const map: ShardMap = {};
	for (const [binding, codes] of Object.entries(raw)) {
		if (!BINDING.test(binding) || binding === GLOBAL_BINDING) {
			throw new DeployConfigError(`${source}: "${binding}" is not a shard binding name`);
		}
		if (!Array.isArray(codes) || codes.length === 0) {
			throw new DeployConfigError(`${source}: ${binding} lists no province codes`);
		}
		for (const code of codes) {
			if (typeof code !== 'string' || !PROVINCE.test(code)) {
				throw new DeployConfigError(`${source}: ${binding}: "${code}" is not a province code`);
			}
			const other = seen.get(code);
			if (other)
				throw new DeployConfigError(`${source}: province ${code} is in ${other} and ${binding}`);
			seen.set(code, binding);
		}
		map[binding] = [...(codes as string[])];
	}
	const missing = (provinces ?? []).filter((p) => !seen.has(p));
	if (missing.length > 0) {
		throw new DeployConfigError(`${source}: no shard for province ${missing.join(', ')}`);
	}
	const unknown = provinces ? [...seen.keys()].filter((p) => !provinces.includes(p)) : [];
	if (unknown.length > 0) {
		throw new DeployConfigError(`${source}: ${unknown.join(', ')} not in the reference data`);
	}
	return map;
}

/** The `[[d1_databases]]` entries of a config. */
function d1Entries(config: TomlTable): TomlTable[] {
	const list = config.d1_databases;
	return Array.isArray(list) ? list.filter(isTable) : [];
}

/** A placeholder id for a generated shard (wrangler's local D1 keys its files by id). */
export function placeholderId(n: number): string {
	return `00000000-0000-4000-9000-${String(n).padStart(12, '0')}`;
}

/** Paths in the config are relative to its file: re-point them from `from` to `to`. */
function movePaths(config: TomlTable, from: string, to: string): void {
	const move = (p: unknown) =>
		typeof p === 'string' ? relative(dirname(to), resolve(dirname(from), p)) || '.' : p;
	if (typeof config.main === 'string') config.main = move(config.main) as string;
	if (isTable(config.assets)) config.assets.directory = move(config.assets.directory) as string;
	for (const db of d1Entries(config)) {
		if (db.migrations_dir !== undefined) db.migrations_dir = move(db.migrations_dir) as string;
	}
}

/** The shard entries: declared ones kept, missing ones generated from the first shard. */
function shardEntries(declared: TomlTable[], globalDb: TomlTable, map: ShardMap): TomlTable[] {
	const template = declared.find((d) => d.binding !== GLOBAL_BINDING);
	const used = new Set(declared.map((d) => String(d.database_id)));
	return Object.keys(map).map((binding, i) => {
		const known = declared.find((d) => d.binding === binding);
		if (known) return { ...known };
		let n = i + 1;
		while (used.has(placeholderId(n))) n += 1000;
		used.add(placeholderId(n));
		return {
			binding,
			database_name: `${String(globalDb.database_name)}-${binding.toLowerCase().replaceAll('_', '-')}`,
			database_id: placeholderId(n),
			migrations_dir: String(template?.migrations_dir ?? 'migrations-shard')
		};
	});
}

/**
 * Plans a deployment from the text of wrangler.toml.
 *
 * @param opts.sourcePath where wrangler.toml is; opts.outPath where the generated config goes
 *   (relative paths are rewritten for it); opts.shardMap replaces `vars.PROVINCE_SHARDS`;
 *   opts.vars are added to `[vars]` (settings such as BASEMAP_STYLE_URL)
 * @throws DeployConfigError when the config has no `DB` database or the shard map is invalid
 */
export function planDeploy(
	sourceToml: string,
	opts: { sourcePath: string; outPath: string; shardMap?: ShardMap; vars?: Record<string, string> }
): DeployPlan {
	const config = parse(sourceToml);
	const declared = d1Entries(config);
	const globalDb = declared.find((d) => d.binding === GLOBAL_BINDING);
	if (!globalDb)
		throw new DeployConfigError(`${opts.sourcePath}: no [[d1_databases]] with binding "DB"`);
	const vars: TomlTable = isTable(config.vars) ? { ...config.vars } : {};
	const configured = vars.PROVINCE_SHARDS;
	const shardMap =
		opts.shardMap ??
		(configured === undefined
			? {}
			: parseShardMap(configured, `${opts.sourcePath} vars.PROVINCE_SHARDS`));
	const shards = shardEntries(declared, globalDb, shardMap);
	config.d1_databases = [{ ...globalDb }, ...shards];
	if (Object.keys(shardMap).length > 0) {
		vars.PROVINCE_SHARDS = typeof configured === 'string' ? JSON.stringify(shardMap) : shardMap;
	}
	config.vars = { ...vars, ...opts.vars };
	movePaths(config, opts.sourcePath, opts.outPath);
	const r2 = Array.isArray(config.r2_buckets) ? config.r2_buckets.filter(isTable) : [];
	return {
		databases: [
			{
				binding: GLOBAL_BINDING,
				name: String(globalDb.database_name),
				kind: 'global',
				provinces: []
			},
			...shards.map((s) => ({
				binding: String(s.binding),
				name: String(s.database_name),
				kind: 'shard' as const,
				provinces: shardMap[String(s.binding)] ?? []
			}))
		],
		shardMap,
		r2Buckets: r2.map((b) => String(b.bucket_name)),
		config
	};
}

/**
 * The generated config with the account's database ids.
 *
 * @param ids database name → id (from `wrangler d1 list --json`)
 * @throws DeployConfigError when a planned database has no id
 */
export function withDatabaseIds(plan: DeployPlan, ids: ReadonlyMap<string, string>): TomlTable {
	const config = structuredClone(plan.config);
	for (const db of d1Entries(config)) {
		const id = ids.get(String(db.database_name));
		if (!id) throw new DeployConfigError(`no D1 database named ${String(db.database_name)}`);
		db.database_id = id;
	}
	return config;
}

/** The generated config as TOML, with a header saying where it comes from. */
export function renderConfig(config: TomlTable): string {
	return (
		'# Generated by scripts/deploy.ts from wrangler.toml: do not edit, do not commit.\n' +
		`${stringify(config)}\n`
	);
}
