/**
 * The map-load benchmark's page: Chromium throttled over CDP like a cheap phone on slow 4G (the
 * page, MapLibre's worker and the service worker), its transfers counted on request, and the
 * probes it evaluates in the page (the app's performance marks, a timed metric switch).
 */
import type { Cdp } from './cdp.ts';

export const NETWORK = {
	offline: false,
	latency: 150,
	downloadThroughput: (1.6e6 / 8) | 0,
	uploadThroughput: (0.75e6 / 8) | 0
};
/** The former fixed slowdown, kept as an explicit choice (BENCH_CPU_SLOWDOWN=4). */
export const FIXED_CPU_SLOWDOWN = 4;
export const VIEWPORTS = {
	phone: { width: 390, height: 844, deviceScaleFactor: 2, mobile: true },
	desktop: { width: 1280, height: 800, deviceScaleFactor: 1, mobile: false }
};
export type ViewportName = keyof typeof VIEWPORTS;

export interface Transfer {
	/** CDP session and request id. */
	key: string;
	url: string;
	bytes: number;
	at: number;
}

/**
 * One throttled page: every target it starts is throttled (CPU by `cpuSlowdown`, calibrated to
 * the host: cpu-calibration.ts) and its transfers counted.
 */
export async function openThrottledPage(
	cdp: Cdp,
	viewport: ViewportName,
	cpuSlowdown: number,
	/**
	 * Record every transfer through DevTools' Network domain (for `transfers` and `receivedBy`).
	 * Off, the link is emulated all the same but the page runs without that instrument, which
	 * costs its throttled main thread: a return visit's first paint took a median 1,28 s with the
	 * domain on against 0,88 s off (5 visits each, ×3,42, 04/12). A phone has no DevTools attached.
	 */
	recordNetwork = true
) {
	const transfers: Transfer[] = [];
	/** Chunks as they reach the page through the emulated link, per request (`session|id`). */
	const chunks: { key: string; bytes: number; at: number }[] = [];
	const urls = new Map<string, string>();
	let pageSession = '';
	let wantedTarget = '';
	cdp.on('Network.responseReceived', (p, s) => {
		urls.set(`${s}|${p.requestId}`, (p.response as { url: string }).url);
	});
	if (process.env.BENCH_DEBUG) {
		cdp.on('Runtime.consoleAPICalled', (p) =>
			console.log(
				'console',
				p.type,
				JSON.stringify((p.args as unknown[]).slice(0, 3)).slice(0, 300)
			)
		);
		cdp.on('Runtime.exceptionThrown', (p) =>
			console.log('exception', JSON.stringify(p).slice(0, 400))
		);
	}
	cdp.on('Network.dataReceived', (p, s) => {
		const bytes = p.encodedDataLength as number;
		chunks.push({ key: `${s}|${p.requestId}`, bytes, at: performance.now() });
	});
	cdp.on('Network.loadingFinished', (p, s) => {
		transfers.push({
			key: `${s}|${p.requestId}`,
			url: urls.get(`${s}|${p.requestId}`) ?? '?',
			bytes: p.encodedDataLength as number,
			at: performance.now()
		});
	});
	// Some domains never answer on some targets (a paused service worker): don't wait forever.
	const tryCmd = (method: string, params: Record<string, unknown>, sessionId: string) =>
		Promise.race([
			cdp.send(method, params, sessionId).catch(() => null),
			new Promise((r) => setTimeout(r, 2000))
		]);
	const configure = async (sessionId: string, type: string) => {
		// A paused service worker answers Network.* only once it runs: resume it first.
		if (type === 'service_worker') await tryCmd('Runtime.runIfWaitingForDebugger', {}, sessionId);
		if (recordNetwork) await tryCmd('Network.enable', {}, sessionId);
		await tryCmd('Network.emulateNetworkConditions', NETWORK, sessionId);
		if (type !== 'service_worker') {
			await tryCmd('Emulation.setCPUThrottlingRate', { rate: cpuSlowdown }, sessionId);
		}
		if (type === 'page') {
			await cdp.send('Emulation.setDeviceMetricsOverride', VIEWPORTS[viewport], sessionId);
			// Navigating and evaluating need neither the Page nor the Runtime domain, and both cost
			// the throttled page (a return visit's first paint, 6 each way, ×3,37: median 1,26–1,41 s
			// with them, 1,18–1,30 s without, 04/12). On only to print the page's console.
			if (process.env.BENCH_DEBUG) await cdp.send('Runtime.enable', {}, sessionId);
		}
		// Workers the target starts (MapLibre's) get the same treatment before they run.
		const autoAttach = { autoAttach: true, waitForDebuggerOnStart: true, flatten: true };
		if (type === 'page') await tryCmd('Target.setAutoAttach', autoAttach, sessionId);
		await tryCmd('Runtime.runIfWaitingForDebugger', {}, sessionId);
		if (process.env.BENCH_DEBUG) console.log('configured', type);
	};
	const attached = new Promise<void>((resolve) => {
		cdp.on('Target.attachedToTarget', (p) => {
			const info = p.targetInfo as { type: string; targetId: string };
			const sessionId = p.sessionId as string;
			if (process.env.BENCH_DEBUG)
				console.log(
					'attached',
					info.type,
					(p.targetInfo as { url: string }).url,
					p.waitingForDebugger
				);
			if (info.type === 'browser_ui' || info.type === 'other') return;
			// A page already open (the browser's first tab) is closed below, not measured.
			if (info.type === 'page' && !p.waitingForDebugger) return;
			configure(sessionId, info.type).then(
				() => {
					if (info.type === 'page' && info.targetId === wantedTarget) {
						pageSession = sessionId;
						resolve();
					}
				},
				(err: unknown) => console.warn(`could not set up a ${info.type} target:`, err)
			);
		});
	});
	await cdp.send('Target.setAutoAttach', {
		autoAttach: true,
		waitForDebuggerOnStart: true,
		flatten: true
	});
	const { targetId } = await cdp.send<{ targetId: string }>('Target.createTarget', {
		url: 'about:blank'
	});
	wantedTarget = targetId;
	await attached;
	// Only our tab: the browser's first tab (throttled too, once attached) would otherwise keep a
	// renderer busy beside the page being measured.
	const { targetInfos } = await cdp.send<{ targetInfos: { targetId: string; type: string }[] }>(
		'Target.getTargets',
		{}
	);
	for (const t of targetInfos) {
		if (t.type === 'page' && t.targetId !== targetId) {
			await cdp.send('Target.closeTarget', { targetId: t.targetId });
		}
	}
	const evaluate = async <T>(expression: string): Promise<T> => {
		const r = await cdp.send<{ result: { value: T }; exceptionDetails?: unknown }>(
			'Runtime.evaluate',
			{ expression, awaitPromise: true, returnByValue: true },
			pageSession
		);
		if (r.exceptionDetails) throw new Error(JSON.stringify(r.exceptionDetails));
		return r.result.value;
	};
	/**
	 * Bytes the page had received by a moment: whole responses finished by then (headers
	 * included), and the chunks so far of those still coming.
	 */
	const receivedBy = (at: number) => {
		const done = transfers.filter((t) => t.at <= at);
		const finished = new Set(done.map((t) => t.key));
		const partial = chunks.filter((c) => c.at <= at && !finished.has(c.key));
		return [...done, ...partial].reduce((sum, x) => sum + x.bytes, 0);
	};
	return { transfers, receivedBy, evaluate, session: () => pageSession };
}

export const COLOURED = `performance.getEntriesByName('tungngo:coloured')[0]?.startTime ?? null`;
/** Where the time went: navigation timing and the page's own marks, ms from navigation. */
export const PHASES = `(() => {
	const nav = performance.getEntriesByType('navigation')[0];
	const at = (n) => performance.getEntriesByName(n)[0]?.startTime;
	const out = { html: nav?.responseEnd, dom: nav?.domContentLoadedEventEnd, started: at('tungngo:app-started'),
		hydrated: at('tungngo:hydrated'), tiles: at('tungngo:first-paint-tiles'), decoded: at('tungngo:first-paint-decoded'),
		firstPaint: at('tungngo:first-paint'), imported: at('tungngo:maplibre-imported'),
		load: at('tungngo:map-load'), coloured: at('tungngo:coloured'),
		refreshed: at('tungngo:refreshed') };
	const draw = performance.getEntriesByName('tungngo:first-paint-draw')[0]?.duration;
	return Object.entries(out).filter(([, v]) => v !== undefined)
		.map(([k, v]) => k + ' ' + Math.round(v)).join(' → ') + (draw === undefined ? '' : ' (drawing ' + Math.round(draw) + ')');
})()`;
export const FIRST_PAINT = `performance.getEntriesByName('tungngo:first-paint')[0]?.startTime ?? null`;

export async function waitFor<T>(probe: () => Promise<T | null>, timeoutMs: number, what: string) {
	const until = performance.now() + timeoutMs;
	while (performance.now() < until) {
		const v = await probe();
		if (v !== null && v !== undefined) return v;
		await new Promise((r) => setTimeout(r, 50));
	}
	throw new Error(`timed out waiting for ${what}`);
}

/**
 * Chooses `value` in the select of `testid` (the metric picker by default, or the month
 * selector) and times it until the map says it has drawn the figures `key` (figuresKey: the
 * metric, "metric|month", …).
 */
export const SWITCH = (value: string, testid = 'metric-picker', key = value) => `(async () => {
	const map = document.querySelector('[data-testid="coverage-map"]');
	const select = document.querySelector('[data-testid="${testid}"]');
	const t0 = performance.now();
	const done = new Promise((resolve) => {
		const obs = new MutationObserver(() => {
			if (map.dataset.colouredFor === ${JSON.stringify(key)}) { obs.disconnect(); resolve(); }
		});
		obs.observe(map, { attributes: true });
	});
	select.value = ${JSON.stringify(value)};
	select.dispatchEvent(new Event('change', { bubbles: true }));
	await done;
	const total = performance.now() - t0;
	// The next frame: the one drawn has been rasterised (in software here) and shown.
	await new Promise((r) => requestAnimationFrame(() => r()));
	const shown = performance.now() - t0;
	const apply = performance.getEntriesByName('tungngo:apply').at(-1);
	const recolour = performance.getEntriesByName('tungngo:recolour').at(-1);
	return { total, shown, apply: apply.duration, before: apply.startTime - t0, draw: recolour.duration - apply.duration, changed: apply.detail?.changed ?? null };
})()`;

export function kindOf(url: string): string {
	if (url.includes('/geo/tiles/')) return 'tiles';
	if (url.includes('/geo/fonts/')) return 'glyphs';
	if (url.includes('maplibre-gl-worker')) return 'maplibre worker';
	if (url.includes('/_app/')) return url.endsWith('.css') ? 'css' : 'app + maplibre js';
	if (url.includes('/api/')) return 'api';
	return 'html + other';
}
