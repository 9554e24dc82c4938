/**
 * The deploy's plan: databases from wrangler.toml and a shard map, generated bindings, paths
 * re-pointed for the generated config, real ids filled in, and bad shard maps refused.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'smol-toml';
import {
	DeployConfigError,
	parseShardMap,
	planDeploy,
	renderConfig,
	withDatabaseIds
} from '../../scripts/lib/deploy-plan.ts';
import { repoRoot } from '../../scripts/lib/paths.ts';

const SOURCE = `
name = "tung-ngo"
main = "worker/entry.js"
[assets]
binding = "ASSETS"
directory = ".svelte-kit/cloudflare"
[vars]
BASEMAP_STYLE_URL = ""
[vars.PROVINCE_SHARDS]
SHARD_1 = ["01", "04"]
SHARD_2 = ["08"]
[[d1_databases]]
binding = "DB"
database_name = "tung-ngo"
database_id = "00000000-0000-4000-8000-000000000000"
migrations_dir = "migrations"
[[d1_databases]]
binding = "SHARD_1"
database_name = "tung-ngo-shard-1"
database_id = "00000000-0000-4000-8000-000000000001"
migrations_dir = "migrations-shard"
[[d1_databases]]
binding = "SHARD_2"
database_name = "tung-ngo-shard-2"
database_id = "00000000-0000-4000-8000-000000000002"
migrations_dir = "migrations-shard"
[[r2_buckets]]
binding = "PUBLIC"
bucket_name = "tung-ngo-public"
`;

const paths = {
	sourcePath: '/repo/wrangler.toml',
	outPath: '/repo/.wrangler/deploy/wrangler.toml'
};
type D1 = { binding: string; database_name: string; database_id: string; migrations_dir: string };
const d1Of = (config: Record<string, unknown>) => config.d1_databases as D1[];

describe('planDeploy', () => {
	it('plans the global database and the shards of vars.PROVINCE_SHARDS', () => {
		const plan = planDeploy(SOURCE, paths);
		expect(plan.databases).toEqual([
			{ binding: 'DB', name: 'tung-ngo', kind: 'global', provinces: [] },
			{ binding: 'SHARD_1', name: 'tung-ngo-shard-1', kind: 'shard', provinces: ['01', '04'] },
			{ binding: 'SHARD_2', name: 'tung-ngo-shard-2', kind: 'shard', provinces: ['08'] }
		]);
		expect(plan.r2Buckets).toEqual(['tung-ngo-public']);
	});

	it('re-points relative paths from the generated config to the repository', () => {
		const { config } = planDeploy(SOURCE, paths);
		expect(config.main).toBe('../../worker/entry.js');
		expect((config.assets as { directory: string }).directory).toBe('../../.svelte-kit/cloudflare');
		expect(d1Of(config).map((d) => d.migrations_dir)).toEqual([
			'../../migrations',
			'../../migrations-shard',
			'../../migrations-shard'
		]);
	});

	it('generates the bindings a larger shard map adds, with distinct placeholder ids', () => {
		const shardMap = { SHARD_1: ['01'], SHARD_2: ['04'], SHARD_3: ['08'], SHARD_4: ['11'] };
		const { config, databases } = planDeploy(SOURCE, { ...paths, shardMap });
		const d1 = d1Of(config);
		expect(d1.map((d) => d.binding)).toEqual(['DB', 'SHARD_1', 'SHARD_2', 'SHARD_3', 'SHARD_4']);
		expect(d1[4]).toMatchObject({
			database_name: 'tung-ngo-shard-4',
			migrations_dir: '../../migrations-shard'
		});
		expect(new Set(d1.map((d) => d.database_id)).size).toBe(5);
		expect(databases[1]?.provinces).toEqual(['01']);
		expect((config.vars as Record<string, unknown>).PROVINCE_SHARDS).toEqual(shardMap);
	});

	it('adds settings to [vars] and keeps a JSON-string shard map a string', () => {
		const source = SOURCE.replace(
			'[vars.PROVINCE_SHARDS]\nSHARD_1 = ["01", "04"]\nSHARD_2 = ["08"]\n',
			''
		).replace(
			'BASEMAP_STYLE_URL = ""',
			`BASEMAP_STYLE_URL = ""\nPROVINCE_SHARDS = '{"SHARD_1":["01"]}'`
		);
		const { config } = planDeploy(source, { ...paths, vars: { AUDIT_RETENTION_YEARS: '7' } });
		expect(config.vars).toEqual({
			BASEMAP_STYLE_URL: '',
			AUDIT_RETENTION_YEARS: '7',
			PROVINCE_SHARDS: '{"SHARD_1":["01"]}'
		});
		expect(d1Of(config).map((d) => d.binding)).toEqual(['DB', 'SHARD_1']);
	});

	it('fills in the real ids and renders TOML wrangler can read back', () => {
		const plan = planDeploy(SOURCE, paths);
		const ids = new Map(plan.databases.map((d, i) => [d.name, `id-${i}`]));
		const text = renderConfig(withDatabaseIds(plan, ids));
		expect(d1Of(parse(text)).map((d) => d.database_id)).toEqual(['id-0', 'id-1', 'id-2']);
		expect(() => withDatabaseIds(plan, new Map())).toThrow(/no D1 database named tung-ngo/);
	});

	it('plans the repository wrangler.toml with the national map: 34 shards, one per province', () => {
		const national = JSON.parse(
			readFileSync(join(repoRoot, 'deploy/shards-national.json'), 'utf8')
		);
		const plan = planDeploy(readFileSync(join(repoRoot, 'wrangler.toml'), 'utf8'), {
			sourcePath: join(repoRoot, 'wrangler.toml'),
			outPath: join(repoRoot, '.wrangler/deploy/wrangler.toml'),
			shardMap: parseShardMap(national, 'shards-national.json')
		});
		expect(plan.databases.filter((d) => d.kind === 'shard')).toHaveLength(34);
		expect(plan.databases.flatMap((d) => d.provinces)).toHaveLength(34);
	});

	it('refuses a config without the global DB binding', () => {
		expect(() => planDeploy('name = "x"', paths)).toThrow(DeployConfigError);
	});
});

describe('parseShardMap', () => {
	it.each([
		['not an object', ['01'], /not an object/],
		['the global binding', { DB: ['01'] }, /"DB" is not a shard binding/],
		['a lower-case binding', { shard_1: ['01'] }, /not a shard binding/],
		['an empty shard', { SHARD_1: [] }, /lists no province codes/],
		['a bad code', { SHARD_1: ['1'] }, /"1" is not a province code/],
		[
			'a province twice',
			{ SHARD_1: ['01'], SHARD_2: ['01'] },
			/province 01 is in SHARD_1 and SHARD_2/
		]
	])('refuses %s', (_what, map, message) => {
		expect(() => parseShardMap(map, 'map.json')).toThrow(message);
	});

	it('refuses a map that leaves a province of the data without a shard, or names an unknown one', () => {
		expect(() => parseShardMap({ SHARD_1: ['01'] }, 'm', ['01', '04'])).toThrow(
			/no shard for province 04/
		);
		expect(() => parseShardMap({ SHARD_1: ['01', '99'] }, 'm', ['01'])).toThrow(
			/99 not in the reference data/
		);
	});
});
