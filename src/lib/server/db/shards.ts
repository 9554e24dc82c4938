/**
 * A database per province (issue 15, docs/sharding.md): households, routes and their stops,
 * visits with their services and conflicts, device sync state and the visit archive's totals
 * live in a province's shard; reference data, accounts, teams, members, hamlets, the public
 * figures and the audit log in the global D1.
 *
 * `[vars.PROVINCE_SHARDS]` maps each shard binding to its provinces. Without it the deployment
 * has one database and every shard is the global D1 (today's layout, and a small deployment's).
 * A router belongs to one request and opens at most one shard: a second province on another
 * shard is a programming error (`ShardScopeError`), never a silent cross-shard read.
 */
import { clientOf, type AnyDb, type Db } from './client.ts';

declare const shardBrand: unique symbol;
/** A drizzle client of one province shard. Functions that read shard tables take this type. */
export type ShardDb = AnyDb & { readonly [shardBrand]: true };

/** The bindings the router reads: the map, and the shard D1 bindings it names. */
export interface ShardEnv {
	DB: D1Database;
	/** Binding name → province codes (a TOML table, or the same as a JSON string). */
	PROVINCE_SHARDS?: Record<string, string[]> | string;
}

/** A request touched two shards, or a province no shard holds (UnknownProvinceError). */
export class ShardScopeError extends Error {
	constructor(message: string) {
		super(message);
		this.name = 'ShardScopeError';
	}
}

/** A province no shard holds: a code the caller named (a 404), or a map that misses one. */
export class UnknownProvinceError extends ShardScopeError {
	readonly provinceCode: string;
	constructor(provinceCode: string) {
		super(`no shard holds province ${provinceCode}`);
		this.provinceCode = provinceCode;
		this.name = 'UnknownProvinceError';
	}
}

/**
 * Province code → shard binding, from PROVINCE_SHARDS; empty when it is not set (one database).
 * @throws ShardScopeError when a province is in two shards or a named binding is missing.
 */
export function provinceShards(env: ShardEnv): Map<string, string> {
	const raw = env.PROVINCE_SHARDS;
	if (raw === undefined || raw === '') return new Map();
	const map: Record<string, string[]> = typeof raw === 'string' ? JSON.parse(raw) : raw;
	const out = new Map<string, string>();
	for (const [binding, provinces] of Object.entries(map)) {
		if (!(env as unknown as Record<string, unknown>)[binding]) {
			throw new ShardScopeError(`PROVINCE_SHARDS names ${binding}, which is not bound`);
		}
		for (const p of provinces) {
			const other = out.get(p);
			if (other) throw new ShardScopeError(`province ${p} is in both ${other} and ${binding}`);
			out.set(p, binding);
		}
	}
	return out;
}

/** Whether a shard is the global D1 itself (a deployment with one database). */
export function isGlobal(shard: ShardDb, db: Db): boolean {
	return (shard as unknown) === db;
}

/** What each shard client the routers opened holds (a check, not a route: see requireShard). */
const holds = new WeakMap<object, { binding: string; holds: (provinceCode: string) => boolean }>();

/**
 * Checks that every province of a write is held by the shard it is about to be written to: a
 * caller that passed the wrong shard fails here, before writing, instead of filing records where
 * no read will find them. Shard clients not opened by a router (none in the app) are not checked.
 * @throws ShardScopeError naming the first province the shard does not hold.
 */
export function requireShard(shard: ShardDb, provinceCodes: Iterable<string>): void {
	const entry = holds.get(shard);
	if (!entry) return;
	for (const p of provinceCodes) {
		if (!entry.holds(p)) {
			throw new ShardScopeError(`province ${p} is not in shard ${entry.binding}`);
		}
	}
}

/** The shards of one request (or of one scheduled job, with `many`). */
export class ShardRouter {
	readonly #env: ShardEnv;
	readonly #global: Db;
	readonly #map: Map<string, string>;
	readonly #many: boolean;
	readonly #open = new Map<string, ShardDb>();

	constructor(env: ShardEnv, global: Db, opts: { many?: boolean } = {}) {
		this.#env = env;
		this.#global = global;
		this.#map = provinceShards(env);
		this.#many = opts.many ?? false;
	}

	/** Whether the records live in shards (false: one database). */
	get sharded(): boolean {
		return this.#map.size > 0;
	}

	/** The binding that holds a province's records ('DB' for one database). */
	bindingOf(provinceCode: string): string {
		if (!this.sharded) return 'DB';
		const binding = this.#map.get(provinceCode);
		if (!binding) throw new UnknownProvinceError(provinceCode);
		return binding;
	}

	/**
	 * The shard of a province.
	 * @throws ShardScopeError for a province no shard holds, or — in a request — a second shard.
	 */
	forProvince(provinceCode: string): ShardDb {
		const binding = this.bindingOf(provinceCode);
		const open = this.#open.get(binding);
		if (open) return open;
		if (!this.#many && this.#open.size > 0) {
			const first = [...this.#open.keys()][0];
			throw new ShardScopeError(
				`one request opened ${first} and then ${binding} (province ${provinceCode})`
			);
		}
		const d1 = (this.#env as unknown as Record<string, D1Database>)[binding];
		const db = (binding === 'DB' ? this.#global : clientOf(d1!)) as unknown as ShardDb;
		this.#open.set(binding, db);
		if (binding !== 'DB') {
			const map = this.#map;
			holds.set(db, { binding, holds: (p) => map.get(p) === binding });
		}
		return db;
	}

	/** Bindings opened so far (tests assert a request stayed in its province's shard). */
	opened(): string[] {
		return [...this.#open.keys()];
	}

	/** Every shard with its provinces (scheduled work; needs `many`). */
	all(): { binding: string; provinces: string[]; db: ShardDb }[] {
		if (!this.#many) throw new ShardScopeError('all() is for scheduled work (many: true)');
		if (!this.sharded)
			return [{ binding: 'DB', provinces: [], db: this.#global as unknown as ShardDb }];
		const byBinding = new Map<string, string[]>();
		for (const [p, b] of this.#map) byBinding.set(b, [...(byBinding.get(b) ?? []), p]);
		return [...byBinding].map(([binding, provinces]) => ({
			binding,
			provinces: provinces.sort(),
			db: this.forProvince(provinces[0]!)
		}));
	}
}
