/**
 * Street graphs in the browser (Chromium over CDP; prints figures, asserts no timing): for the
 * rural commune and the 50,000-household ward of bench/lib/street-networks.ts, the phone's
 * work — decode the commune's graph file, a 200-stop distance matrix (stops of one team's
 * area) and one path query — in a Web Worker and on the main thread, at 1× and under a CPU
 * slowdown (Emulation.setCPUThrottlingRate, set on the page's session and tried on the worker's
 * session, attached before it runs). A calibration loop timed in each context at each rate
 * shows how much of the slowdown reaches it. Chromium (156 here) refuses the rate on a worker ("only
 * supported for pages, not workers"), so the slowed-down figures are then measured on the main
 * thread, as said in the output. p50 / p90 over the runs; ratios within this one run.
 *
 * The domain code is bundled for the browser with vite's build API and served, with the
 * graph files and the stops, by a local node:http server.
 *
 *   node bench/street-graph-browser.ts [--runs 10] [--paths 50] [--mode foot] [--rate 4]
 *
 * Env: CHROMIUM_PATH (default /usr/bin/chromium).
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { build, type Rollup } from 'vite';
import { repoRoot } from '../scripts/lib/paths.ts';
import { seededRandom } from '../src/lib/domain/routing/tsp.ts';
import type { LonLat } from '../src/lib/domain/routing/types.ts';
import { buildStreetGraph } from '../src/lib/domain/streets/build.ts';
import { encodeStreetGraph } from '../src/lib/domain/streets/codec.ts';
import type { TravelMode } from '../src/lib/domain/streets/types.ts';
import { launchChromium, type Cdp } from './lib/cdp.ts';
import { loadAverage, printMachine } from './lib/machine.ts';
import type { BenchResult, BenchStops } from './lib/street-graph-browser-core.ts';
import { ruralCommune, urbanWard, type Network } from './lib/street-networks.ts';

const { values } = parseArgs({
	options: {
		runs: { type: 'string', default: '10' },
		paths: { type: 'string', default: '50' },
		mode: { type: 'string', default: 'foot' },
		rate: { type: 'string', default: '4' }
	}
});
const RUNS = Number(values.runs);
const PATHS = Number(values.paths);
const MODE = values.mode as TravelMode;
const SLOWDOWN = Number(values.rate);

type Context = 'worker' | 'main';

/** The 200 houses nearest a random one (one team's area), RUNS times; PATHS random pairs. */
function stopsOf(net: Network): BenchStops {
	const rnd = seededRandom(3);
	const matrices = Array.from({ length: RUNS }, () => {
		const c = net.houses[Math.floor(rnd() * net.houses.length)]!;
		const d2 = (p: LonLat) => (p[0] - c[0]) ** 2 + (p[1] - c[1]) ** 2;
		return [...net.houses].sort((a, b) => d2(a) - d2(b)).slice(0, 200);
	});
	const pick = () => net.houses[Math.floor(rnd() * net.houses.length)]!;
	const pairs = Array.from({ length: PATHS }, (): [LonLat, LonLat] => [pick(), pick()]);
	return { matrices, pairs };
}

/** The page and worker bundles: { 'page.js', 'worker.js', shared chunks }. */
async function bundle(): Promise<Map<string, string>> {
	const out = (await build({
		configFile: false,
		root: repoRoot,
		publicDir: false,
		logLevel: 'warn',
		build: {
			write: false,
			minify: true,
			target: 'es2022',
			lib: {
				entry: {
					page: join(repoRoot, 'bench/lib/street-graph-browser-page.ts'),
					worker: join(repoRoot, 'bench/lib/street-graph-browser-worker.ts')
				},
				formats: ['es'],
				fileName: (_, name) => `${name}.js`
			}
		}
	})) as Rollup.RollupOutput | Rollup.RollupOutput[];
	const files = new Map<string, string>();
	for (const o of [out].flat())
		for (const f of o.output) if (f.type === 'chunk') files.set(f.fileName, f.code);
	return files;
}

function serve(files: Map<string, string | Uint8Array>): Promise<Server> {
	const types: Record<string, string> = { js: 'text/javascript', json: 'application/json' };
	const server = createServer((req, res) => {
		const name = (req.url ?? '/').slice(1) || 'index.html';
		const body = files.get(name);
		if (body === undefined) return void res.writeHead(404).end();
		const ext = name.split('.').pop()!;
		res.writeHead(200, {
			'content-type': types[ext] ?? (ext === 'html' ? 'text/html' : 'application/octet-stream')
		});
		res.end(body);
	});
	return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

/**
 * A tab at `url` whose workers are attached before they run and given the current CPU rate;
 * `setRate` changes it for the page and for workers started later.
 */
async function openPage(cdp: Cdp, url: string) {
	let rate = 1;
	const workerRates: string[] = [];
	const { targetId } = await cdp.send<{ targetId: string }>('Target.createTarget', {
		url: 'about:blank'
	});
	const { sessionId } = await cdp.send<{ sessionId: string }>('Target.attachToTarget', {
		targetId,
		flatten: true
	});
	cdp.on('Target.attachedToTarget', (p, parent) => {
		if (parent !== sessionId) return;
		const child = p.sessionId as string;
		void cdp
			.send('Emulation.setCPUThrottlingRate', { rate }, child)
			.then(() => workerRates.push(`${rate}× set`))
			.catch((err: Error) => workerRates.push(`refused: ${err.message}`))
			.finally(() => cdp.send('Runtime.runIfWaitingForDebugger', {}, child).catch(() => {}));
	});
	await cdp.send(
		'Target.setAutoAttach',
		{ autoAttach: true, waitForDebuggerOnStart: true, flatten: true },
		sessionId
	);
	await cdp.send('Runtime.enable', {}, sessionId);
	await cdp.send('Page.navigate', { url }, sessionId);
	const evaluate = async <T>(expression: string): Promise<T> => {
		const r = await cdp.send<{
			result: { value: T };
			exceptionDetails?: { exception?: { description?: string } };
		}>('Runtime.evaluate', { expression, awaitPromise: true, returnByValue: true }, sessionId);
		if (r.exceptionDetails)
			throw new Error(r.exceptionDetails.exception?.description ?? 'evaluate failed');
		return r.result.value;
	};
	for (let i = 0; !(await evaluate<boolean>('globalThis.streetBenchReady === true')); i++) {
		if (i > 200) throw new Error('the bench page did not load');
		await new Promise((r) => setTimeout(r, 50));
	}
	return {
		evaluate,
		workerRates,
		async setRate(r: number) {
			rate = r;
			await cdp.send('Emulation.setCPUThrottlingRate', { rate }, sessionId);
		}
	};
}

const quantile = (xs: number[], q: number) =>
	[...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(q * xs.length))]!;
const ms = (x: number) => (x < 10 ? x.toFixed(1) : x.toFixed(0));
const p5090 = (xs: number[]) => `${ms(quantile(xs, 0.5))} / ${ms(quantile(xs, 0.9))}`;

async function main() {
	printMachine();
	console.log(
		`Chromium: ${process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'}; mode ${MODE}; ${RUNS} matrices of 200 stops (one team's area) and ${PATHS} paths per case`
	);
	const nets = [ruralCommune(), urbanWard()];
	const files = new Map<string, string | Uint8Array>(await bundle());
	files.set(
		'index.html',
		'<!doctype html><meta charset="utf-8"><title>street graph bench</title><script type="module" src="/page.js"></script>'
	);
	for (const [i, net] of nets.entries()) {
		files.set(`graph-${i}.bin`, encodeStreetGraph(buildStreetGraph(net.lines)));
		files.set(`stops-${i}.json`, JSON.stringify(stopsOf(net)));
	}
	const server = await serve(files);
	const browser = await launchChromium();
	try {
		const page = await openPage(
			browser.cdp,
			`http://127.0.0.1:${(server.address() as AddressInfo).port}/`
		);
		const run = <T>(ctx: Context, job: object) =>
			page.evaluate<T>(
				`streetBench.${ctx === 'worker' ? 'inWorker' : 'onMain'}(${JSON.stringify(job)})`
			);
		const calibrationCases: { ctx: Context; rate: number }[] = [];
		for (const ctx of ['worker', 'main'] as const)
			for (const rate of [1, SLOWDOWN]) calibrationCases.push({ ctx, rate });
		console.log('\nCalibration (30 M sqrt, the same work in each context), p50 of 3:');
		const calib = new Map<string, number>();
		for (const { ctx, rate } of calibrationCases) {
			await page.setRate(rate);
			const ts: number[] = [];
			for (let k = 0; k < 3; k++) ts.push((await run<{ ms: number }>(ctx, { calibrate: true })).ms);
			const t = quantile(ts, 0.5);
			calib.set(`${ctx}${rate}`, t);
		}
		for (const ctx of ['worker', 'main'] as const) {
			const r = calib.get(`${ctx}${SLOWDOWN}`)! / calib.get(`${ctx}1`)!;
			console.log(
				`  ${ctx.padEnd(7)} 1×: ${ms(calib.get(`${ctx}1`)!)} ms, ${SLOWDOWN}×: ${ms(calib.get(`${ctx}${SLOWDOWN}`)!)} ms → slowdown reached ×${r.toFixed(2)}`
			);
		}
		console.log(`  worker sessions: ${[...new Set(page.workerRates)].join('; ')}`);
		// Throttling reaches a worker only if Chromium accepted the rate on its session and the
		// calibration shows it: otherwise the slowed-down figure is measured on the main thread.
		const workerThrottled =
			calib.get(`worker${SLOWDOWN}`)! / calib.get('worker1')! > SLOWDOWN * 0.6;
		const cases: { ctx: Context; rate: number }[] = [
			{ ctx: 'worker', rate: 1 },
			...(workerThrottled ? [{ ctx: 'worker' as const, rate: SLOWDOWN }] : []),
			{ ctx: 'main', rate: 1 },
			{ ctx: 'main', rate: SLOWDOWN }
		];
		if (!workerThrottled)
			console.log(
				`  → the ${SLOWDOWN}× slowdown does not reach workers: the slowed-down figures below are on the main thread`
			);

		for (const [i, net] of nets.entries()) {
			console.log(
				`\n${net.name}: ${net.houses.length.toLocaleString('en')} households, ${(files.get(`graph-${i}.bin`) as Uint8Array).length.toLocaleString('en')} B graph file`
			);
			console.log(
				`  ${'context'.padEnd(14)} ${'decode ms'.padStart(10)} ${'matrix p50 / p90 ms'.padStart(22)} ${'path p50 / p90 ms'.padStart(20)}  vs 1× same context (matrix p50)`
			);
			const base = new Map<Context, number>();
			for (const { ctx, rate } of cases) {
				await page.setRate(rate);
				const r = await run<BenchResult>(ctx, {
					graphUrl: `/graph-${i}.bin`,
					stopsUrl: `/stops-${i}.json`,
					mode: MODE
				});
				const p50 = quantile(r.matrixMs, 0.5);
				if (rate === 1) base.set(ctx, p50);
				const label = `${ctx} ${rate}×`;
				console.log(
					`  ${label.padEnd(14)} ${ms(r.decodeMs).padStart(10)} ${p5090(r.matrixMs).padStart(22)} ${p5090(r.pathMs).padStart(20)}  ×${(p50 / base.get(ctx)!).toFixed(2)}` +
						(rate === 1
							? `  (${Math.round(r.nullCells / RUNS)} null cells/matrix, ${r.pathsFound}/${PATHS} paths)`
							: '')
				);
			}
		}
	} finally {
		await browser.close();
		server.close();
	}
	console.log(`\nLoad average after: ${loadAverage()}`);
}

await main();
