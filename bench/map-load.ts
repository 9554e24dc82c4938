/**
 * The public map on a slow phone, in real Chromium driven over CDP: network 1.6 Mbps down /
 * 0.75 Mbps up with 150 ms latency (Network.emulateNetworkConditions, applied to the page, its
 * MapLibre web worker and the service worker) and a CPU slowdown calibrated to the host so the
 * page runs as on a mid-tier phone (bench/lib/cpu-calibration.ts; Emulation.setCPUThrottlingRate).
 *
 *  - cold: fresh profile, time from navigation until every commune in view is coloured — first
 *    on the first-paint canvas (mark `tungngo:first-paint`: the national view drawn from the same
 *    tiles and classes, already tappable), then by MapLibre (mark `tungngo:coloured`, set when the
 *    map is idle with its tiles loaded after the feature-state join) — and the bytes transferred
 *    until each (encoded, i.e. as on the wire);
 *  - warm: the same page again once the service worker holds it, as a return visit (from a
 *    blank tab: the picture of the last first paint is shown, src/lib/map/first-paint-snapshot.js),
 *    as a return visit with figures it has no picture of (drawn from the tiles), and as a reload
 *    of the open map;
 *  - metric switch: from choosing a metric until the map has redrawn every commune, for a
 *    metric a fill layer holds (show that layer), for one at hand whose layer another metric
 *    took (refill a layer), and for one that must be fetched first; and month switches (a
 *    month's figures fetched the first time, then months at hand).
 * Each load's phases are printed too (HTML → DOM → first paint → MapLibre imported → map load
 * → coloured), to show where the time goes.
 *
 * Goals (issue 3): cold ≤ 3.0 s and ≤ 800 KB, warm ≤ 1.0 s, switch ≤ 100 ms.
 * Needs a built app (npm run build) and a set-up local D1 (npm run setup). Starts wrangler dev
 * on PORT (default 8797) with TUNG_NGO_PERSIST_DIR, or measures BENCH_URL when given.
 *
 *   node bench/map-load.ts [--runs 3]
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { persistDir, repoRoot } from '../scripts/lib/paths.ts';
import { launchChromium } from './lib/cdp.ts';
import { countBytes } from './lib/byte-counter.ts';
import {
	COLOURED,
	FIXED_CPU_SLOWDOWN,
	FIRST_PAINT,
	kindOf,
	openThrottledPage,
	PHASES,
	SWITCH,
	VIEWPORTS,
	waitFor,
	type ViewportName
} from './lib/map-page.ts';
import { startWranglerDev } from './lib/wrangler-dev.ts';
import { SNAPSHOT_CACHE } from '../src/lib/map/first-paint-snapshot.js';
import { calibrateCpu, TARGET_INDEX, type Calibration } from './lib/cpu-calibration.ts';

/** What one SWITCH measures (evaluated in the page). */
interface SwitchTimes {
	total: number;
	shown: number;
	apply: number;
	before: number;
	draw: number;
	changed: number | null;
}

const { values: args } = parseArgs({ options: { runs: { type: 'string', default: '3' } } });
const RUNS = Number(args.runs);
/**
 * DevTools' Network domain slows the page it records (map-page.ts): timings are taken without it
 * and bytes from the TCP counter. BENCH_NETWORK_LOG=1 records every transfer too (bytes received
 * by the first paint through the emulated link, bytes per kind), at that cost to every timing.
 */
const RECORD_NETWORK = process.env.BENCH_NETWORK_LOG === '1';

interface RunResult {
	/** Navigation → every commune in view coloured on the first-paint canvas. */
	firstPaintMs: number | null;
	/** Navigation → the interactive MapLibre map has coloured every commune in view. */
	coldMs: number;
	/** All bytes the server sent until the interactive map was coloured (TCP count). */
	coldBytes: number;
	firstPaintBytes: number | null;
	/** Bytes the page had received through the emulated link by its first paint. */
	firstPaintReceived: number | null;
	/** Return visits (from a blank tab) once the service worker holds the page. */
	warmFirstPaintMs: number[];
	/**
	 * Return visits with figures the browser has no picture of (src/lib/map/first-paint-snapshot.js:
	 * a new day's metrics): the first paint drawn from the tiles. First paint, and MapLibre coloured.
	 */
	newFiguresFirstPaintMs: number[];
	newFiguresMs: number[];
	/** Every commune's colour changed at once: feature-state loop + redraw, each try. */
	allChangeMs?: number[];
	/** One redraw of the map with nothing changed. */
	repaintMs?: number;
	requests: number;
	byKind: Record<string, number>;
	warmMs: number[];
	/** Reloads of the open map (same tab): first paint, and MapLibre coloured. */
	reloadFirstPaintMs: number[];
	reloadMs: number[];
	/** Cold, then each warm load and reload: navigation → html → … → coloured (ms). */
	phases: string[];
	switches?: {
		metric: string;
		fetched: boolean;
		/** A switch of the month selector (the metric stays). */
		month?: boolean;
		/** Choose → the map has drawn the frame with the new colours. */
		total: number;
		/** Choose → the next frame (the drawn one rasterised by SwiftShader and shown). */
		shown: number;
		apply: number;
		before: number;
		draw: number;
		/** Communes whose colour changed (the others keep their feature-state). */
		changed: number | null;
	}[];
}

async function run(
	url: string,
	viewport: ViewportName,
	measureSwitch: boolean,
	cpuSlowdown: number
): Promise<RunResult> {
	const counter = await countBytes(url);
	url = `${counter.url}/`;
	const origin = counter.url;
	const browser = await launchChromium();
	try {
		const page = await openThrottledPage(browser.cdp, viewport, cpuSlowdown, RECORD_NETWORK);
		counter.reset();
		const started = performance.now();
		await browser.cdp.send('Page.navigate', { url }, page.session());
		const coldMs = await waitFor(() => page.evaluate<number | null>(COLOURED), 90_000, 'colours');
		const firstPaintMs = await page.evaluate<number | null>(FIRST_PAINT);
		const phases = [`cold: ${await page.evaluate<string>(PHASES)}`];
		// Page times are from its navigation start: on this process's clock via the shared epoch
		// (the browser starts navigating some time after the command is sent).
		const pageOrigin = await page.evaluate<number>('performance.timeOrigin');
		const onOurClock = (pageMs: number) => pageOrigin + pageMs - performance.timeOrigin;
		const doneAt = onOurClock(coldMs);
		const coldBytes = counter.bytes(doneAt);
		const firstPaintBytes = firstPaintMs === null ? null : counter.bytes(onOurClock(firstPaintMs));
		const firstPaintReceived =
			firstPaintMs === null || !RECORD_NETWORK ? null : page.receivedBy(onOurClock(firstPaintMs));
		const cold = page.transfers.filter((t) => t.at <= doneAt && t.url.startsWith(origin));
		if (process.env.BENCH_DEBUG && firstPaintMs !== null) {
			const fpAt = onOurClock(firstPaintMs);
			console.log(
				'  until first paint:',
				counter.bytes(fpAt),
				'navigation began',
				Math.round(onOurClock(0) - started),
				'ms after the command'
			);
			for (const t of page.transfers.filter((t) => t.at <= fpAt))
				console.log('   fp', Math.round(t.at - onOurClock(0)), t.bytes, t.url.slice(-60));
		}
		if (process.env.BENCH_DEBUG) {
			const top = [...cold].sort((a, b) => b.bytes - a.bytes).slice(0, 12);
			for (const t of top) console.log('  ', t.bytes, t.url.slice(0, 100));
			console.log('  unknown', cold.filter((t) => t.url === '?').length);
		}
		const byKind: Record<string, number> = {};
		for (const t of cold) byKind[kindOf(t.url)] = (byKind[kindOf(t.url)] ?? 0) + t.bytes;
		// Warm: once the service worker holds the page, tiles and figures.
		await waitFor(
			async () => {
				return page.evaluate<string | null>(
					`document.documentElement.dataset.offlineReady ?? null`
				);
			},
			120_000,
			'the service worker'
		);
		// A return visit starts from a blank tab (as opening the app again does; WebPageTest's
		// repeat view does the same); a reload starts from the open map, whose teardown (its
		// WebGL context, workers, the router saving its state) then runs on the clock too.
		const warmMs: number[] = [];
		const warmFirstPaintMs: number[] = [];
		const reloadMs: number[] = [];
		const reloadFirstPaintMs: number[] = [];
		const newFiguresMs: number[] = [];
		const newFiguresFirstPaintMs: number[] = [];
		// The map on window (src/lib/test-hooks.ts) for the switches' figures read through MapLibre.
		await page.evaluate(`localStorage.setItem('tungngo.testHooks', '1')`);
		const kinds = [
			'warm',
			'warm',
			'warm',
			'new figures',
			'new figures',
			'reload',
			'reload'
		] as const;
		const lists: Record<(typeof kinds)[number], [number[], number[]]> = {
			warm: [warmMs, warmFirstPaintMs],
			'new figures': [newFiguresMs, newFiguresFirstPaintMs],
			reload: [reloadMs, reloadFirstPaintMs]
		};
		for (const kind of kinds) {
			// Other figures than the last visit's: no picture of them (the metrics job ran since).
			if (kind === 'new figures') await page.evaluate(`caches.delete('${SNAPSHOT_CACHE}')`);
			if (kind !== 'reload') {
				await browser.cdp.send('Page.navigate', { url: 'about:blank' }, page.session());
				await waitFor(
					() =>
						page
							.evaluate<boolean | null>(`location.href === 'about:blank' || null`)
							.catch(() => null),
					10_000,
					'a blank tab'
				);
				await new Promise((r) => setTimeout(r, 1000));
			}
			await browser.cdp.send('Page.navigate', { url }, page.session());
			await new Promise((r) => setTimeout(r, 100));
			const ms = await waitFor(() => page.evaluate<number | null>(COLOURED), 60_000, kind);
			const fp = await page.evaluate<number | null>(FIRST_PAINT);
			const [all, firstPaints] = lists[kind];
			all.push(ms);
			if (fp !== null) firstPaints.push(fp);
			phases.push(`${kind}: ${await page.evaluate<string>(PHASES)}`);
		}
		let switches: RunResult['switches'];
		let repaintMs: number | undefined;
		let allChangeMs: number[] | undefined;
		if (measureSwitch) {
			// A person looks at the map before choosing another metric; let the page's after-load
			// work (labels, the service worker storing what was viewed) finish first.
			await new Promise((r) => setTimeout(r, 3000));
			// Baseline: one redraw with nothing changed (what drawing a frame costs here).
			repaintMs = await page.evaluate<number>(`(async () => {
				const m = window.__tungNgoMap; const ts = [];
				for (let i = 0; i < 5; i++) {
					const t = performance.now();
					m.triggerRepaint(); await new Promise((r) => m.once('idle', r));
					ts.push(performance.now() - t);
				}
				return ts.sort((a, b) => a - b)[2];
			})()`);
			// Worst case: every commune of the shown fill layer changes colour (the feature-state
			// loop + redraw, as filling a layer with a metric that differs everywhere would cost).
			allChangeMs = await page.evaluate<number[]>(`(async () => {
				const m = window.__tungNgoMap;
				const el = m.getContainer();
				const key = 'f' + el.dataset.slots.split(' ').indexOf(el.dataset.colouredFor);
				const feature = (id) => ({ source: 'tungngo', sourceLayer: 'communes', id });
				const codes = [...new Set(m.querySourceFeatures('tungngo', { sourceLayer: 'communes' }).map((f) => String(f.id)))];
				const before = new Map(codes.map((c) => [c, m.getFeatureState(feature(c))[key]]));
				const ts = [];
				for (let i = 0; i < 6; i++) {
					const t = performance.now();
					const fill = i % 2 ? '#123456' : '#654321';
					for (const c of codes) m.setFeatureState(feature(c), { [key]: fill });
					await new Promise((r) => m.once('idle', r));
					ts.push(performance.now() - t);
				}
				for (const [c, fill] of before) m.setFeatureState(feature(c), { [key]: fill });
				await new Promise((r) => m.once('idle', r));
				return ts;
			})()`);
			switches = [];
			// Two metrics fetched for the first time, then 4 rounds over three metrics at hand (each
			// held by a fill layer: a switch shows another layer); then a fourth metric, fetched,
			// takes the least recently shown layer, and switching to the metrics it pushed out
			// refills a layer with figures at hand.
			const order: [string, boolean][] = [
				['adoption_vneid', true],
				['households_reached', true]
			];
			for (let round = 0; round < 4; round++) {
				for (const m of ['teams', 'adoption_vneid', 'households_reached']) order.push([m, false]);
			}
			order.push(['members_per_1000', true], ['teams', false], ['adoption_vneid', false]);
			for (const [metric, fetched] of order) {
				// A person reads the map before choosing again (and the map's trailing frame is done).
				await new Promise((r) => setTimeout(r, 1000));
				const r = await page.evaluate<SwitchTimes>(SWITCH(metric));
				switches.push({ metric, fetched, ...r });
			}
			// Months (issue 16): two months' figures fetched, then switching between them and the
			// last 12 months (figures at hand); the metric stays the last one chosen.
			const metric = order.at(-1)![0];
			const months = await page.evaluate<string[]>(
				`[...document.querySelectorAll('[data-testid="month-select"] option')].map((o) => o.value).filter(Boolean).slice(1, 3)`
			);
			const monthOrder: [string, boolean][] = months.map((m) => [m, true]);
			for (let round = 0; round < 3; round++)
				for (const m of [...months, '']) monthOrder.push([m, false]);
			for (const [month, fetched] of monthOrder) {
				await new Promise((r) => setTimeout(r, 1000));
				const key = month ? `${metric}|${month}` : metric;
				const r = await page.evaluate<SwitchTimes>(SWITCH(month, 'month-select', key));
				switches.push({ metric: month || '12 tháng', fetched, month: true, ...r });
			}
		}
		return {
			firstPaintMs,
			coldMs,
			coldBytes,
			firstPaintBytes,
			firstPaintReceived,
			requests: cold.length,
			byKind,
			warmMs,
			warmFirstPaintMs,
			newFiguresMs,
			newFiguresFirstPaintMs,
			reloadMs,
			reloadFirstPaintMs,
			switches,
			allChangeMs,
			repaintMs,
			phases
		};
	} finally {
		await browser.close();
		await counter.close();
	}
}

/** Figures on an empty database would flatter the page (no figures inline, nothing to colour). */
async function requireData(url: string): Promise<void> {
	const res = await fetch(`${url}/api/provinces`);
	const body = (await res.json()) as unknown[] | { provinces?: unknown[] };
	const n = Array.isArray(body) ? body.length : (body.provinces?.length ?? 0);
	if (n === 0) {
		throw new Error(
			`${url} has no provinces: run \`npm run setup\` (reference + demo data) first.`
		);
	}
}

/**
 * The CPU slowdown of every run: calibrated to this host so that the page runs as on the target
 * phone (BENCH_CPU_TARGET: "mid" = benchmark index 1,000, the default; "low" = 264; or a number),
 * or a fixed rate when BENCH_CPU_SLOWDOWN is given (e.g. 4, the former setting).
 */
async function cpuSlowdown(): Promise<{ rate: number; text: string; calibration?: Calibration }> {
	if (process.env.BENCH_CPU_SLOWDOWN) {
		const rate = Number(process.env.BENCH_CPU_SLOWDOWN || FIXED_CPU_SLOWDOWN);
		return { rate, text: `CPU ×${rate} slower (fixed, not calibrated)` };
	}
	const wanted = process.env.BENCH_CPU_TARGET ?? 'mid';
	const target =
		wanted in TARGET_INDEX ? TARGET_INDEX[wanted as keyof typeof TARGET_INDEX] : Number(wanted);
	const browser = await launchChromium();
	try {
		const { targetId } = await browser.cdp.send<{ targetId: string }>('Target.createTarget', {
			url: 'about:blank'
		});
		const { sessionId } = await browser.cdp.send<{ sessionId: string }>('Target.attachToTarget', {
			targetId,
			flatten: true
		});
		const c = await calibrateCpu(browser.cdp, sessionId, target);
		const text =
			`CPU calibrated to a benchmark index of ${target} (${wanted} phone): host index ` +
			`${c.hostIndex}, slowdown ×${c.rate} (index reached ${c.reachedIndex})`;
		return { rate: c.rate, text, calibration: c };
	} finally {
		await browser.close();
	}
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const kb = (b: number) => `${(b / 1024).toFixed(0)} KB`;
const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

const server = process.env.BENCH_URL
	? { url: process.env.BENCH_URL, stop() {} }
	: await startWranglerDev({ port: Number(process.env.PORT ?? 8797), persistTo: persistDir() });
try {
	await requireData(server.url);
	const cpu = await cpuSlowdown();
	console.log(
		`Map load, ${server.url}/ — network 1.6 Mbps down, 150 ms latency; ${cpu.text}; ` +
			`Chromium ${process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'} (SwiftShader software WebGL).`
	);
	console.log(
		`Machine: 2 CPU cores shared with other sessions (load average ${loadavg()
			.map((l) => l.toFixed(1))
			.join(' / ')} at start); figures vary run to run.\n`
	);
	const results: Record<string, RunResult[]> = {};
	const viewports = (process.env.BENCH_VIEWPORTS ?? 'phone,desktop').split(',') as ViewportName[];
	for (const viewport of viewports) {
		results[viewport] = [];
		const n = viewport === 'phone' ? RUNS : 1;
		for (let i = 0; i < n; i++) {
			const r = await run(`${server.url}/`, viewport, viewport === 'phone' && i === 0, cpu.rate);
			results[viewport].push(r);
			console.log(
				`${viewport} run ${i + 1}: cold first paint ${r.firstPaintMs === null ? '—' : s(r.firstPaintMs)}` +
					` (${r.firstPaintReceived === null ? '—' : kb(r.firstPaintReceived)} received;` +
					` ${r.firstPaintBytes === null ? '—' : kb(r.firstPaintBytes)} sent), MapLibre ${s(r.coldMs)}` +
					` (${kb(r.coldBytes)}); warm first paint ${r.warmFirstPaintMs.map(s).join(' / ')},` +
					` MapLibre ${r.warmMs.map(s).join(' / ')}; new figures first paint` +
					` ${r.newFiguresFirstPaintMs.map(s).join(' / ')}, MapLibre ${r.newFiguresMs.map(s).join(' / ')}; reload first paint` +
					` ${r.reloadFirstPaintMs.map(s).join(' / ')}, MapLibre ${r.reloadMs.map(s).join(' / ')}`
			);
			for (const p of r.phases) console.log(`    ${p}`);
		}
	}
	const verdict = (ok: boolean) => (ok ? 'met' : 'MISSED');
	for (const [viewport, rs] of Object.entries(results)) {
		const fp = median(rs.map((r) => r.firstPaintMs ?? Infinity));
		const fpBytes = median(rs.map((r) => r.firstPaintBytes ?? Infinity));
		const fpReceived = RECORD_NETWORK
			? median(rs.map((r) => r.firstPaintReceived ?? Infinity))
			: null;
		const cold = median(rs.map((r) => r.coldMs));
		const bytes = median(rs.map((r) => r.coldBytes));
		const warmFp = median(rs.flatMap((r) => r.warmFirstPaintMs));
		const warm = median(rs.flatMap((r) => r.warmMs));
		const reloadFp = median(rs.flatMap((r) => r.reloadFirstPaintMs));
		const reload = median(rs.flatMap((r) => r.reloadMs));
		const newFp = median(rs.flatMap((r) => r.newFiguresFirstPaintMs));
		const newAll = median(rs.flatMap((r) => r.newFiguresMs));
		const v = VIEWPORTS[viewport as ViewportName];
		console.log(
			`\n${viewport} ${v.width}×${v.height} @${v.deviceScaleFactor}x (median of ${rs.length} cold, ${rs.length * 3} warm, ${rs.length * 2} with new figures, ${rs.length * 2} reloads):`
		);
		console.log(
			`  cold, all communes in view coloured (first paint): ${s(fp)}, ` +
				(fpReceived === null ? '' : `${kb(fpReceived)} received by the page, `) +
				`${kb(fpBytes)} sent by the server by then (more is on its way through the` +
				` slow link) (goals ≤ 3.00 s: ${verdict(fp <= 3000)}; ≤ 800 KB, on the larger:` +
				` ${verdict(Math.max(fpBytes, fpReceived ?? 0) <= 800 * 1024)})`
		);
		console.log(
			`  cold, MapLibre has taken over, coloured:          ${s(cold)}, ${kb(bytes)} transferred`
		);
		const kinds = Object.entries(rs[0]!.byKind).sort((a, b) => b[1] - a[1]);
		console.log(
			RECORD_NETWORK
				? `    seen by CDP: ${kinds.map(([k, b]) => `${k} ${kb(b)}`).join(', ')}`
				: '    (bytes per kind: BENCH_NETWORK_LOG=1, which slows every timing)'
		);
		console.log(
			`  warm (service worker), a return visit: first paint ${s(warmFp)} (≤ 1.00 s: ${verdict(warmFp <= 1000)}),` +
				` MapLibre coloured ${s(warm)}`
		);
		console.log(
			`  warm, figures it has no picture of:     first paint ${s(newFp)} (drawn from the tiles;` +
				` ≤ 1.00 s: ${verdict(newFp <= 1000)}), MapLibre coloured ${s(newAll)}`
		);
		console.log(
			`  warm, reloading the open map:           first paint ${s(reloadFp)}, MapLibre coloured ${s(reload)}`
		);
	}
	const sw = results.phone?.[0]?.switches ?? [];
	if (sw.length) {
		console.log(`\nMetric switch (phone, CPU ×${cpu.rate}), choose → every commune redrawn:`);
		const rp = results.phone?.[0]?.repaintMs;
		if (rp !== undefined) console.log(`  (one redraw with nothing changed: ${rp.toFixed(0)} ms)`);
		for (const x of sw.filter((x) => x.fetched && !x.month)) {
			console.log(
				`  ${x.metric.padEnd(20)} first time (fetch + recolour) ${x.total.toFixed(0)} ms = ` +
					`${x.before.toFixed(0)} ms to the join + feature-state loop ${x.apply.toFixed(0)} ms + ` +
					`${x.draw.toFixed(0)} ms until drawn`
			);
		}
		const p90 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.ceil(xs.length * 0.9) - 1]!;
		const summary = (what: string, xs: NonNullable<RunResult['switches']>, goal: boolean) => {
			if (!xs.length) return;
			const totals = xs.map((x) => x.total);
			const recolours = xs.map((x) => x.apply + x.draw);
			const onScreen = xs.map((x) => x.shown);
			console.log(
				`  ${xs.length} ${what}: choose → drawn median ${median(totals).toFixed(0)} ms, p90 ` +
					`${p90(totals).toFixed(0)} ms${goal ? ` (goal ≤ 100 ms: ${median(totals) <= 100 ? 'met' : 'MISSED'})` : ''}`
			);
			console.log(
				`    of which recolour (feature-state loop, show the layer, redraw): median ` +
					`${median(recolours).toFixed(0)} ms; communes written: ${xs.map((x) => x.changed).join(', ')}`
			);
			console.log(`    choose → drawn: ${totals.map((r) => r.toFixed(0)).join(', ')} ms`);
			console.log(
				`    choose → the next frame (the drawn one rasterised in software by SwiftShader): median ` +
					`${median(onScreen).toFixed(0)} ms, p90 ${p90(onScreen).toFixed(0)} ms`
			);
		};
		const atHand = sw.filter((x) => !x.fetched && !x.month);
		summary(
			'switches between metrics at hand, held by a fill layer',
			atHand.filter((x) => x.changed === 0),
			true
		);
		summary(
			'switches between metrics at hand, refilling a layer another metric had',
			atHand.filter((x) => x.changed !== 0),
			false
		);
		for (const x of sw.filter((x) => x.fetched && x.month)) {
			console.log(
				`  month ${x.metric.padEnd(14)} first time (fetch + recolour) ${x.total.toFixed(0)} ms = ` +
					`${x.before.toFixed(0)} ms to the join + feature-state loop ${x.apply.toFixed(0)} ms + ` +
					`${x.draw.toFixed(0)} ms until drawn`
			);
		}
		summary(
			'switches between months at hand (two months and the last 12 months)',
			sw.filter((x) => !x.fetched && x.month),
			true
		);
		const all = results.phone?.[0]?.allChangeMs ?? [];
		if (all.length) {
			console.log(
				`  every commune of the shown layer changing colour at once (loop + redraw): median ${median(all).toFixed(0)} ms` +
					` (${all.map((x) => x.toFixed(0)).join(', ')})`
			);
		}
	}
	mkdirSync(join(repoRoot, 'bench/results'), { recursive: true });
	writeFileSync(join(repoRoot, 'bench/results/map-load.json'), JSON.stringify(results, null, 2));
} finally {
	server.stop();
}
