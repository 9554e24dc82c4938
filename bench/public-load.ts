/**
 * The public read path under load (issue 15, part 5), against the built worker in `wrangler dev`
 * on 127.0.0.1 with its own local D1 (.wrangler/bench-public, prepared by scripts/setup.ts):
 *  - throughput with 64 keep-alive connections, a fixed number of requests each run, in rounds
 *    that alternate the targets: a static asset of the same worker of about the payload's size,
 *    the communes payload (plain and versioned URL, and with cache-busting parameters) and an
 *    area payload; goal: the metrics API at ≥ 50 % of the static asset's throughput;
 *  - one client at a time: p50 and p95 of each (goal p95 ≤ 20 ms);
 *  - bursts with random query strings and random If-None-Match values, cold (new keys) and warm,
 *    and with `Cache-Control: no-cache`: how many D1 statements they cost, counted inside the
 *    worker around its D1 binding (GET /api/health/public-reads, on with PUBLIC_READ_STATS=1).
 * The machine is shared: the load average is printed beside the figures.
 *
 *   node bench/public-load.ts [--requests 1500] [--rounds 3]
 * BENCH_SKIP_BUILD=1 uses the current build; BENCH_SKIP_SETUP=1 the bench D1 as it is.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { parseArgs } from 'node:util';
import { repoRoot } from '../scripts/lib/paths.ts';
import { withE2eLock } from './lib/e2e-lock.ts';
import { load, type LoadResult } from './lib/http-load.ts';
import { loadAverage, printMachine } from './lib/machine.ts';
import { startWranglerDev } from './lib/wrangler-dev.ts';

const { values } = parseArgs({
	options: {
		requests: { type: 'string', default: '1500' },
		rounds: { type: 'string', default: '3' }
	}
});
const REQUESTS = Number(values.requests);
const ROUNDS = Number(values.rounds);
const CONNECTIONS = 64;
const PORT = Number(process.env.PORT ?? 8795);
const PERSIST = join(repoRoot, '.wrangler/bench-public');
const GOAL_RATIO = 0.5;
const GOAL_P95_MS = 20;
const env = {
	...process.env,
	CLOUDFLARE_CF_FETCH_ENABLED: 'false',
	WRANGLER_SEND_METRICS: 'false'
};

function run(args: string[], extra: Record<string, string> = {}) {
	const r = spawnSync(process.execPath, args, {
		cwd: repoRoot,
		env: { ...env, ...extra },
		encoding: 'utf8',
		maxBuffer: 64 * 1024 * 1024
	});
	if (r.status !== 0) {
		console.error(`${r.stdout?.slice(-3000)}\n${r.stderr?.slice(-3000)}\n✗ ${args.join(' ')}`);
		process.exit(1);
	}
}

/** Builds the app (unless BENCH_SKIP_BUILD=1), brings the bench D1 up to date, empties its caches. */
function prepare() {
	if (process.env.BENCH_SKIP_BUILD !== '1') run(['node_modules/vite/bin/vite.js', 'build']);
	if (process.env.BENCH_SKIP_SETUP !== '1')
		run(['scripts/setup.ts'], { TUNG_NGO_PERSIST_DIR: PERSIST });
	// Every run starts with cold caches (wrangler keeps the Cache API's entries on disk).
	rmSync(join(PERSIST, 'v3/cache'), { recursive: true, force: true });
}

type Stats = { d1Statements: number; builds: number; hits: number };
const stats = async (base: string) =>
	(await (await fetch(`${base}/api/health/public-reads`)).json()) as Stats;
const diff = (a: Stats, b: Stats) =>
	`${b.d1Statements - a.d1Statements} D1 statements, ${b.builds - a.builds} payloads built`;

/** The built static file (JS or CSS under _app/immutable) whose size is closest to `bytes`. */
function assetNear(bytes: number): { path: string; size: number } {
	const root = join(repoRoot, '.svelte-kit/cloudflare');
	const files = readdirSync(join(root, '_app/immutable'), { recursive: true, encoding: 'utf8' })
		.filter((f) => /\.(js|css)$/.test(f))
		.map((f) => join(root, '_app/immutable', f))
		.map((f) => ({ path: `/${relative(root, f)}`, size: statSync(f).size }));
	files.sort((a, b) => Math.abs(a.size - bytes) - Math.abs(b.size - bytes));
	return files[0]!;
}

const rand = () => Math.random().toString(36).slice(2);
const ms = (x: number) => x.toFixed(1);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const line = (r: LoadResult) =>
	`${r.perSecond.toFixed(0)} req/s (p50 ${ms(r.p50)} ms, p95 ${ms(r.p95)} ms; ` +
	`${Object.entries(r.statuses)
		.map(([s, n]) => `${n}×${s}`)
		.join(' ')}; ${(r.bytes / r.requests / 1024).toFixed(1)} KB each on the wire)`;

async function measure(base: string) {
	// A cold burst: 8 keys never asked yet, each under random parameters and ETags.
	const keys = ['teams', 'members_per_1000', 'hamlet_coverage', 'households_reached']
		.map((m) => `/api/metrics/communes?metric=${m}`)
		.concat(['19', '20', '05569', '01'].map((c) => `/api/metrics/areas/${c}`));
	let s0 = await stats(base);
	const cold = await load({
		requests: 1000,
		connections: CONNECTIONS,
		url: (i) => {
			const key = keys[i % keys.length]!;
			return i < keys.length
				? `${base}${key}`
				: `${base}${key}${key.includes('?') ? '&' : '?'}cb=${rand()}`;
		},
		headers: { 'if-none-match': `W/"${rand()}"` }
	});
	let s1 = await stats(base);
	console.log(
		`Cold burst, 1,000 requests over ${keys.length} new keys with random query strings and ETags: ${diff(s0, s1)}; ${line(cold)}`
	);

	const body = await (await fetch(`${base}/api/metrics`)).json();
	const version = (body as { computedAt: number }).computedAt;
	const raw = (await (await fetch(`${base}/api/metrics/communes?metric=teams`)).arrayBuffer())
		.byteLength;
	const asset = assetNear(raw);
	console.log(
		`Communes payload ${(raw / 1024).toFixed(1)} KB as JSON; static asset ${asset.path} ${(asset.size / 1024).toFixed(1)} KB`
	);
	const targets: [string, (i: number) => string][] = [
		['static asset', () => `${base}${asset.path}`],
		['communes payload', () => `${base}/api/metrics/communes?metric=teams`],
		['communes, versioned URL', () => `${base}/api/metrics/communes?metric=teams&v=${version}`],
		['communes, random ?cb=', () => `${base}/api/metrics/communes?metric=teams&cb=${rand()}`],
		['area payload (19)', () => `${base}/api/metrics/areas/19`]
	];
	const per = new Map<string, number[]>(targets.map(([n]) => [n, []]));
	for (let round = 1; round <= ROUNDS; round++) {
		for (const [name, url] of targets) {
			const r = await load({ requests: REQUESTS, connections: CONNECTIONS, url });
			per.get(name)!.push(r.perSecond);
			console.log(`  round ${round}, ${name}: ${line(r)}; load ${loadAverage()}`);
		}
	}
	// Each round's targets ran back to back: compare within a round, then take the median.
	const statics = per.get('static asset')!;
	console.log(
		`\nThroughput, ${CONNECTIONS} connections, ${REQUESTS} requests a run, medians of ${ROUNDS} rounds:`
	);
	for (const [name] of targets) {
		const rates = per.get(name)!;
		const share = median(rates.map((r, i) => r / statics[i]!));
		const goal =
			name === 'static asset'
				? ''
				: ` of the static asset's in the same round; goal ≥ ${GOAL_RATIO * 100} %: ${share >= GOAL_RATIO ? 'MET' : 'MISSED'}`;
		console.log(
			`  ${name}: ${median(rates).toFixed(0)} req/s` +
				(goal ? `, ${(share * 100).toFixed(0)} %${goal}` : '')
		);
	}

	console.log('\nOne client, 300 requests each:');
	for (const [name, url] of targets) {
		const r = await load({ requests: 300, connections: 1, url });
		const goal =
			name === 'static asset'
				? ''
				: `; goal p95 ≤ ${GOAL_P95_MS} ms: ${r.p95 <= GOAL_P95_MS ? 'MET' : 'MISSED'}`;
		console.log(`  ${name}: p50 ${ms(r.p50)} ms, p95 ${ms(r.p95)} ms${goal}`);
	}

	s0 = await stats(base);
	const busting = await load({
		requests: REQUESTS * 2,
		connections: CONNECTIONS,
		url: (i) =>
			i % 2
				? `${base}/api/metrics/communes?metric=teams&_=${rand()}&x=${i}`
				: `${base}/api/metrics/areas/05569?cb=${rand()}`,
		headers: { 'if-none-match': `W/"${rand()}"` }
	});
	s1 = await stats(base);
	console.log(
		`\nCache-busting burst, ${REQUESTS * 2} requests (random query strings and If-None-Match): ${diff(s0, s1)}; ${line(busting)}`
	);
	const noCache = await load({
		requests: REQUESTS,
		connections: CONNECTIONS,
		url: () => `${base}/api/metrics/areas/05569`,
		headers: { 'cache-control': 'no-cache' }
	});
	const s2 = await stats(base);
	console.log(
		`Cache-Control: no-cache burst, ${REQUESTS} requests: ${diff(s1, s2)} (the version's point read, shared by concurrent requests); ${line(noCache)}`
	);
}

printMachine(`; ${CONNECTIONS} connections`);
await withE2eLock('building and serving the app', async () => {
	prepare();
	const logFile = join(tmpdir(), 'bench-public-load-wrangler.log');
	const server = await startWranglerDev({
		port: PORT,
		persistTo: PERSIST,
		logFile,
		vars: { PUBLIC_READ_STATS: '1' }
	});
	try {
		await measure(server.url);
	} finally {
		server.stop();
	}
});
