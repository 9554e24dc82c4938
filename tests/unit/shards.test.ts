import { describe, expect, it } from 'vitest';
import {
	ShardRouter,
	ShardScopeError,
	UnknownProvinceError,
	provinceShards
} from '../../src/lib/server/db/shards.ts';
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
