import { describe, expect, it } from 'vitest';
import {
	ShardRouter,
	ShardScopeError,
	UnknownProvinceError,
	provinceShards,
	requireShard
} from '../../src/lib/server/db/shards.ts';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'smol-toml';
import { repoRoot, requireDataDir } from '../../scripts/lib/paths.ts';
import type { Db } from '../../src/lib/server/db/client.ts';

/** Stand-in D1 bindings: the router only hands them to drizzle, never queries them here. */
const d1 = (name: string) => ({ name }) as unknown as D1Database;
const global = { global: true } as unknown as Db;
const env = {
	DB: d1('DB'),
	SHARD_1: d1('SHARD_1'),
	SHARD_2: d1('SHARD_2'),
	PROVINCE_SHARDS: { SHARD_1: ['01', '19'], SHARD_2: ['79'] }
};

describe('provinceShards', () => {
	it('maps provinces to bindings, from a table or a JSON string', () => {
		expect([...provinceShards(env)]).toEqual([
			['01', 'SHARD_1'],
			['19', 'SHARD_1'],
			['79', 'SHARD_2']
		]);
		expect(
			provinceShards({ ...env, PROVINCE_SHARDS: JSON.stringify(env.PROVINCE_SHARDS) })
		).toEqual(provinceShards(env));
		expect(provinceShards({ DB: d1('DB') }).size).toBe(0);
	});

	it('refuses a province in two shards and a binding that is not bound', () => {
		expect(() =>
			provinceShards({ ...env, PROVINCE_SHARDS: { SHARD_1: ['01'], SHARD_2: ['01'] } })
		).toThrow(/province 01 is in both SHARD_1 and SHARD_2/);
		expect(() => provinceShards({ ...env, PROVINCE_SHARDS: { SHARD_9: ['01'] } })).toThrow(
			/SHARD_9, which is not bound/
		);
	});
});

describe('ShardRouter', () => {
	it('opens one shard per request and refuses a second', () => {
		const r = new ShardRouter(env, global);
		const a = r.forProvince('01');
		expect(r.forProvince('19')).toBe(a);
		expect(r.opened()).toEqual(['SHARD_1']);
		expect(() => r.forProvince('79')).toThrow(ShardScopeError);
		expect(() => r.forProvince('48')).toThrow(UnknownProvinceError);
	});

	it('is the global database when no shards are configured', () => {
		const r = new ShardRouter({ DB: d1('DB') }, global);
		expect(r.sharded).toBe(false);
		expect(r.forProvince('01')).toBe(global);
		expect(r.forProvince('79')).toBe(global);
	});

	it('lists every shard for scheduled work only', () => {
		expect(() => new ShardRouter(env, global).all()).toThrow(/scheduled work/);
		const all = new ShardRouter(env, global, { many: true }).all();
		expect(all.map((s) => [s.binding, s.provinces])).toEqual([
			['SHARD_1', ['01', '19']],
			['SHARD_2', ['79']]
		]);
	});
});

describe('wrangler.toml (local development and every test run)', () => {
	const config = parse(readFileSync(join(repoRoot, 'wrangler.toml'), 'utf8')) as {
		vars: { PROVINCE_SHARDS: Record<string, string[]> };
		d1_databases: { binding: string; migrations_dir: string }[];
	};
	const provinces = readFileSync(join(requireDataDir(), 'vn2025_provinces.csv'), 'utf8')
		.trim()
		.split('\n')
		.slice(1)
		.map((line) => line.split(',')[0]!);

	/** wrangler.toml's map, read as the router reads it (every binding bound). */
	const configured = () =>
		provinceShards({
			...Object.fromEntries(config.d1_databases.map((d) => [d.binding, d1(d.binding)])),
			DB: d1('DB'),
			...config.vars
		});

	it('puts every province of the reference data in exactly one of at least three shards', () => {
		const map = configured();
		expect(new Set(map.values()).size).toBeGreaterThanOrEqual(3);
		expect([...map.keys()].sort()).toEqual([...provinces].sort());
		for (const d of config.d1_databases.filter((x) => x.binding !== 'DB'))
			expect(d.migrations_dir).toBe('migrations-shard');
	});

	it('spreads the demo provinces and the test areas over different shards', () => {
		const map = configured();
		// 19 Thái Nguyên and 20 Lạng Sơn: the demo; 01 Hà Nội: the tests' other province.
		expect(new Set(['19', '20', '01'].map((p) => map.get(p))).size).toBe(3);
	});
});

describe('requireShard', () => {
	it('refuses a write of a province the shard does not hold', () => {
		const bound = { DB: d1('DB'), SHARD_1: d1('SHARD_1'), SHARD_2: d1('SHARD_2') };
		const r = new ShardRouter({ ...bound, PROVINCE_SHARDS: env.PROVINCE_SHARDS }, global, {
			many: true
		});
		const one = r.forProvince('01');
		expect(() => requireShard(one, ['01', '19'])).not.toThrow();
		expect(() => requireShard(one, ['01', '79'])).toThrow(/province 79 is not in shard SHARD_1/);
	});
});
