/**
 * CPU slowdown calibrated to the host (issue 16 §9), as Chrome DevTools' "calibrated" CPU
 * throttling presets and Lighthouse's benchmark index do: a fixed "×4" means a different phone on
 * every machine (a figure taken at ×4 on a fast host reads 2.5× better than the same page at ×4
 * on a slow one). Instead, the page runs a small benchmark — the benchmark index: iterations per
 * second of a string-building loop that makes garbage and of an array-copying loop that does
 * not, averaged — first unthrottled, then at throttling rates found by bisection, until the
 * throttled index matches the target device's. Every figure is then taken at that rate, so
 * figures compare across machines.
 *
 * Targets are the benchmark indexes DevTools uses for its presets: 1,000 for a mid-tier phone
 * (Pixel 5 class) and 264 for a low-tier one (Moto G Power 2022 class).
 * The method and figures: chrome-devtools-frontend, panels/mobile_throttling/CalibrationController.ts;
 * Lighthouse docs/throttling.md (benchmarkIndex).
 */
import type { Cdp } from './cdp.ts';

export const TARGET_INDEX = { mid: 1000, low: 264 } as const;

/** Milliseconds each benchmark loop runs (as DevTools' calibration: 250 ms). */
const LOOP_MS = 250;

/**
 * Evaluated in the page: the benchmark index, the mean of two loops' iterations per second.
 * Own code following the published method (not a copy of Lighthouse's).
 */
export const BENCHMARK_INDEX = `(() => {
	let t0 = performance.now();
	let garbage = 0;
	while (garbage % 10 !== 0 || performance.now() - t0 < ${LOOP_MS}) {
		let s = '';
		for (let j = 0; j < 10000; j++) s += 'a';
		if (s.length !== 10000) throw new Error('benchmark');
		garbage++;
	}
	const withGarbage = garbage / ((performance.now() - t0) / 1000);
	const a = [], b = [];
	for (let i = 0; i < 100000; i++) a[i] = b[i] = i;
	t0 = performance.now();
	let copies = 0;
	while (copies % 10 !== 0 || performance.now() - t0 < ${LOOP_MS}) {
		const from = copies % 2 ? a : b, to = copies % 2 ? b : a;
		for (let j = 0; j < from.length; j++) to[j] = from[j];
		copies++;
	}
	const noGarbage = copies / ((performance.now() - t0) / 1000);
	return Math.round((withGarbage + noGarbage) / 2);
})()`;

export interface Calibration {
	/** The host's benchmark index, unthrottled (best of 5 cold runs). */
	hostIndex: number;
	targetIndex: number;
	/** The CPU throttling rate whose throttled index is closest to the target. */
	rate: number;
	/** The index measured at that rate. */
	reachedIndex: number;
}

/**
 * Finds the throttling rate that makes this host run like the target device. Needs a page
 * target's session (about:blank is enough); leaves it unthrottled.
 */
export async function calibrateCpu(
	cdp: Cdp,
	sessionId: string,
	targetIndex: number
): Promise<Calibration> {
	let runs = 0;
	// Each run is a new script (a unique comment), so it starts cold as Lighthouse's single run in
	// a fresh page does: the same script again would run the optimising compiler's code, 5–10×
	// faster, and the index would no longer be on the targets' scale.
	const once = async () =>
		(
			await cdp.send<{ result: { value: number } }>(
				'Runtime.evaluate',
				{ expression: `${BENCHMARK_INDEX} // run ${++runs}`, returnByValue: true },
				sessionId
			)
		).result.value;
	/** The best of a few runs: other processes and the JIT's tiers only ever slow a run down. */
	const index = async (rate: number, runs = 3) => {
		await cdp.send('Emulation.setCPUThrottlingRate', { rate }, sessionId);
		let best = 0;
		for (let i = 0; i < runs; i++) best = Math.max(best, await once());
		return best;
	};
	const host = await index(1, 5);
	let best = { rate: 1, reached: host };
	if (host > targetIndex) {
		// The index falls about as 1/rate: start from the ratio, then bisect on what is measured.
		let lo = 1;
		let hi = Math.max(2, (host / targetIndex) * 2);
		for (let i = 0; i < 8; i++) {
			const rate = Math.round(((lo + hi) / 2) * 100) / 100;
			const reached = await index(rate);
			if (Math.abs(reached - targetIndex) < Math.abs(best.reached - targetIndex))
				best = { rate, reached };
			if (Math.abs(reached - targetIndex) / targetIndex < 0.03) break;
			if (reached > targetIndex) lo = rate;
			else hi = rate;
		}
	}
	await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 }, sessionId);
	return { hostIndex: host, targetIndex, rate: best.rate, reachedIndex: best.reached };
}
