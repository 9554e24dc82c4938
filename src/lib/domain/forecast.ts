/**
 * When will every household have been visited? (issue 17 §2). Pure: a team's or a commune's
 * weekly history goes in — households added to the scope and households visited for the first
 * time, per Vietnam week — and a burn-up series and a completion forecast come out.
 *
 * The forecast is a Monte Carlo over the last weeks' throughput: each trial first redraws the
 * window's completed weeks with replacement (a bootstrap: twelve weeks are a small sample, and
 * the pace's own uncertainty must widen the range), then walks forward week by week, drawing
 * each week from that pool — its first visits (weeks without any visit included) and the
 * households found in it (so scope growth is a range drawn from what happened, not a guess) —
 * until nothing is left. The weeks at which 50 % and 85 % of the trials have finished give the
 * dates, each the Sunday ending that week.
 * With fewer than MIN_ACTIVE_WEEKS weeks of visits in the window, or none in the last
 * RECENT_WEEKS, there is nothing honest to say: the answer is "insufficient" with its reason.
 */
import { seededRandom } from './routing/tsp.ts';
import { addDays, weekdayOf } from './vn-time.ts';
import { weekStartOf } from './progress.ts';

/** Completed weeks the throughput is drawn from. */
export const FORECAST_WINDOW_WEEKS = 12;
/** Weeks with at least one first visit needed in the window. */
export const MIN_ACTIVE_WEEKS = 5;
/** A forecast needs some progress in these last completed weeks. */
export const RECENT_WEEKS = 4;
/** Trials per forecast (the benchmark times them: ≤ 50 ms). */
export const FORECAST_TRIALS = 10_000;
/** Trials still running after this many weeks (three years) are counted as not finishing. */
export const HORIZON_WEEKS = 156;
/** Weeks the burn-up chart shows by default (half a year). */
export const BURN_UP_WEEKS = 26;

/**
 * A weekly history, oldest week first; the last week is the current (unfinished) one.
 * `scopeBefore` / `doneBefore` count what was there before the first week shown.
 */
export interface WeeklyHistory {
	/** Mondays, YYYY-MM-DD, consecutive. */
	weeks: string[];
	/** Households added to the scope per week. */
	added: number[];
	/** Households visited for the first time per week. */
	visited: number[];
	scopeBefore: number;
	doneBefore: number;
}

/** One week of the burn-up chart: totals at the week's end (or today, for the current week). */
export interface BurnUpPoint {
	week: string;
	/** Households known. */
	scope: number;
	/** Households visited at least once. */
	done: number;
}

/** The burn-up series of a history: running totals per week. */
export function burnUp(h: WeeklyHistory): BurnUpPoint[] {
	let scope = h.scopeBefore;
	let done = h.doneBefore;
	return h.weeks.map((week, i) => {
		scope += h.added[i] ?? 0;
		done += h.visited[i] ?? 0;
		return { week, scope, done };
	});
}

/** Why no dates are given. */
export type InsufficientReason = 'few_active_weeks' | 'no_recent_progress';

export type Forecast =
	/** No household known. */
	| { status: 'empty' }
	/** Every known household has been visited. */
	| { status: 'done'; scope: number }
	| { status: 'insufficient'; reason: InsufficientReason; activeWeeks: number; remaining: number }
	| {
			/** Dates given; p85 null when fewer than 85 % of trials finish within HORIZON_WEEKS. */
			status: 'forecast';
			remaining: number;
			/** YYYY-MM-DD: the Sunday by which 50 % / 85 % of the trials had finished. */
			p50: string | null;
			p85: string | null;
			/** Households visited per week in the window (mean), and the window's length. */
			meanThroughput: number;
			windowWeeks: number;
			activeWeeks: number;
			/** Households likely still to be found before the end (15th–85th percentile). */
			scopeGrowth: { low: number; high: number };
			trials: number;
	  };

export interface ForecastOptions {
	/** Today in Vietnam, YYYY-MM-DD (inside the history's last week). */
	today: string;
	trials?: number;
	seed?: number;
	windowWeeks?: number;
}

/** The window's completed weeks: the last `n` before the current one, from the first known. */
function windowOf(h: WeeklyHistory, n: number) {
	const last = h.weeks.length - 1; // the current week, unfinished
	// weeks before any household was known say nothing about the pace
	let first = 0;
	if (h.scopeBefore === 0) while (first < last && (h.added[first] ?? 0) === 0) first++;
	const from = Math.max(first, last - n);
	return {
		throughput: h.visited.slice(from, last),
		growth: h.added.slice(from, last)
	};
}

/** The value at quantile q of sorted numbers (nearest rank). */
function quantile(sorted: ArrayLike<number>, q: number): number {
	const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
	return sorted[i]!;
}

/**
 * The completion forecast of a history (see the module's comment). Deterministic for a seed.
 * Dates are Sundays of weeks from the current one on, so never before `today`.
 */
export function forecastCompletion(h: WeeklyHistory, o: ForecastOptions): Forecast {
	const end = burnUp(h).at(-1) ?? { scope: h.scopeBefore, done: h.doneBefore };
	const remaining = end.scope - end.done;
	if (end.scope <= 0) return { status: 'empty' };
	if (remaining <= 0) return { status: 'done', scope: end.scope };
	const { throughput, growth } = windowOf(h, o.windowWeeks ?? FORECAST_WINDOW_WEEKS);
	const activeWeeks = throughput.filter((n) => n > 0).length;
	if (activeWeeks < MIN_ACTIVE_WEEKS)
		return { status: 'insufficient', reason: 'few_active_weeks', activeWeeks, remaining };
	if (throughput.slice(-RECENT_WEEKS).every((n) => n <= 0))
		return { status: 'insufficient', reason: 'no_recent_progress', activeWeeks, remaining };
	const trials = o.trials ?? FORECAST_TRIALS;
	// The current week has (7 − days gone) days left, today included (Monday: all seven).
	const firstWeek = (7 - ((weekdayOf(o.today) + 6) % 7)) / 7;
	const sim = simulate(remaining, throughput, growth, trials, firstWeek, o.seed ?? 1);
	const monday = weekStartOf(o.today);
	const dateOf = (weeks: number) =>
		Number.isFinite(weeks) ? addDays(monday, 7 * weeks + 6) : null;
	return {
		status: 'forecast',
		remaining,
		p50: dateOf(quantile(sim.weeks, 0.5)),
		p85: dateOf(quantile(sim.weeks, 0.85)),
		meanThroughput: throughput.reduce((s, n) => s + n, 0) / throughput.length,
		windowWeeks: throughput.length,
		activeWeeks,
		scopeGrowth: { low: quantile(sim.added, 0.15), high: quantile(sim.added, 0.85) },
		trials
	};
}

/**
 * The trials: for each, the week (0 = the current one) in which nothing was left, or Infinity
 * past HORIZON_WEEKS, and the households added on the way; both sorted ascending.
 */
function simulate(
	remaining: number,
	throughput: readonly number[],
	growth: readonly number[],
	trials: number,
	firstWeek: number,
	seed: number
): { weeks: Float64Array; added: Float64Array } {
	const random = seededRandom(seed);
	const tp = Float64Array.from(throughput);
	const gr = Float64Array.from(growth);
	const weeks = new Float64Array(trials);
	const added = new Float64Array(trials);
	const n = tp.length;
	const pool = new Int32Array(n);
	for (let t = 0; t < trials; t++) {
		// Each trial first redraws the window itself (a bootstrap of the weeks), so the pace's own
		// uncertainty — 12 weeks are a small sample — widens the range as it should.
		for (let i = 0; i < n; i++) pool[i] = Math.floor(random() * n);
		let left = remaining;
		let found = 0;
		let k = 0;
		for (; k <= HORIZON_WEEKS; k++) {
			const share = k === 0 ? firstWeek : 1;
			const week = pool[Math.floor(random() * n)]!;
			const g = gr[week]! * share;
			left += g - tp[week]! * share;
			found += g;
			if (left <= 0) break;
		}
		weeks[t] = k > HORIZON_WEEKS ? Infinity : k;
		added[t] = Math.round(found);
	}
	return { weeks: weeks.sort(), added: added.sort() };
}
