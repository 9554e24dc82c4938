/**
 * Measuring the planning page in Chromium (bench/route-planning-view.ts): click → result on
 * screen, when the worker answered, the main thread's long tasks, and the gaps between animation
 * frames (a page that stays responsive draws a frame every ~16 ms however long the worker takes).
 */
import type { Page } from '@playwright/test';

/**
 * Runs `action` in the page and times it until the text of `selector` changes (or the element
 * appears) and a frame has been painted: click → result on screen.
 */
export async function timed(
	page: Page,
	action: string,
	selector: string,
	timeoutMs = 60_000
): Promise<number> {
	return page.evaluate(
		async ({ action, selector, timeoutMs }) => {
			// The selection count carries a sequence number; other results are new elements.
			const text = () => {
				const el = document.querySelector(selector);
				return el ? `${el.getAttribute('data-seq')}|${el.textContent}` : null;
			};
			const before = text();
			const t0 = performance.now();
			new Function(action)();
			while (performance.now() - t0 < timeoutMs) {
				await new Promise((r) => requestAnimationFrame(() => r(null)));
				const now = text();
				if (now !== null && now !== before) return performance.now() - t0;
			}
			throw new Error(`no change of ${selector}`);
		},
		{ action, selector, timeoutMs }
	);
}

type Recorder = { longTasks: [number, number][]; frames: number[]; stop: boolean };

/** What happened on the main thread between startRecording and stopRecording. */
export interface Recording {
	/** Long tasks: [start, duration], ms on the page's clock. */
	longTasks: [number, number][];
	/** When each frame was drawn, ms on the page's clock. */
	frames: number[];
	/** When the planning worker answered (see watchWorkerReplies), ms on the page's clock. */
	replies: number[];
}

/**
 * Notes when the planning worker answers (window.planReplies: page clock, ms), so a benchmark
 * can tell the wait for the worker from the page's own work on the answer. MapLibre's workers
 * (blob URLs) are left out by the script's name. Call before the page loads.
 */
export async function watchWorkerReplies(page: Page) {
	await page.addInitScript(() => {
		const Base = window.Worker;
		const replies: number[] = [];
		(window as unknown as { planReplies: number[] }).planReplies = replies;
		window.Worker = class extends Base {
			constructor(url: string | URL, options?: WorkerOptions) {
				super(url, options);
				if (String(url).includes('plan-worker'))
					this.addEventListener('message', () => replies.push(performance.now()));
			}
		};
	});
}

/** Starts collecting long tasks and frame times from now on (returns after two frames). */
export async function startRecording(page: Page) {
	await page.evaluate(async () => {
		const w = window as unknown as { rec?: Recorder; observer?: PerformanceObserver };
		if (w.rec) w.rec.stop = true;
		const rec: Recorder = { longTasks: [], frames: [], stop: false };
		w.rec = rec;
		w.observer?.disconnect();
		w.observer = new PerformanceObserver((l) =>
			l.getEntries().forEach((e) => rec.longTasks.push([e.startTime, e.duration]))
		);
		w.observer.observe({ type: 'longtask', buffered: false });
		const tick = (t: number) => {
			rec.frames.push(t);
			if (!rec.stop) requestAnimationFrame(tick);
		};
		requestAnimationFrame(tick);
		while (rec.frames.length < 2) await new Promise((r) => requestAnimationFrame(r));
	});
}

/** Stops collecting and returns what was collected. */
export async function stopRecording(page: Page): Promise<Recording> {
	return page.evaluate(() => {
		const w = window as unknown as {
			rec: Recorder;
			observer?: PerformanceObserver;
			planReplies?: number[];
		};
		w.rec.stop = true;
		w.observer?.disconnect();
		return { longTasks: w.rec.longTasks, frames: w.rec.frames, replies: w.planReplies ?? [] };
	});
}

/** The main thread over a stretch of time: frame gaps and the longest task. */
export interface Slice {
	/** The gap between frames around `from` (what ran then held the next frame back). */
	first: number;
	/** The longest task that started with `from`, before the next frame. */
	firstTask: number;
	/** The gaps between the frames drawn after that, up to `to`. */
	gaps: number[];
	/** The longest task that started after that first frame, before `to`. */
	longest: number;
}

/** The main thread between `from` and `to` (ms, page clock). */
export function slice(r: Recording, from: number, to: number): Slice {
	const i0 = r.frames.findIndex((t) => t > from);
	const firstEnd = i0 >= 0 ? r.frames[i0]! : to;
	const gaps: number[] = [];
	for (let i = i0 + 1; i0 >= 0 && i < r.frames.length && r.frames[i]! <= to; i++)
		gaps.push(r.frames[i]! - r.frames[i - 1]!);
	const longest = (a: number, b: number) =>
		Math.max(0, ...r.longTasks.filter(([t]) => t >= a && t < b).map(([, d]) => d));
	return {
		first: i0 > 0 ? firstEnd - r.frames[i0 - 1]! : NaN,
		firstTask: longest(from - 1, firstEnd),
		gaps,
		longest: longest(firstEnd, to)
	};
}

/** The first line of the plan result: "N chuyến cho M hộ · lập trong X ms". */
export function parseResult(line: string) {
	const num = (re: RegExp) => Number((re.exec(line)?.[1] ?? 'NaN').replace(/[.,\s]/g, ''));
	return {
		outings: num(/([\d.,]+) chuyến/),
		households: num(/cho ([\d.,]+) hộ/),
		workerMs: num(/lập trong ([\d.,]+) ms/)
	};
}

export const fmt = (ms: number) => `${ms.toFixed(1)} ms`;
export const pct = (xs: number[], p: number) =>
	[...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) * p)] ?? NaN;
