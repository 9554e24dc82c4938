/**
 * The weekly histories the forecast reads (issue 17 §2), from the shard's counts: households
 * added and first visited per hamlet and Vietnam week, with everything older than the period
 * summed into one "before" row. Also the public burn-up, with small counts hidden. Pure.
 */
import { addDays } from './vn-time.ts';
import { weekStartOf } from './progress.ts';
import { isSmallCount } from './metric-disclosure.ts';
import {
	BURN_UP_WEEKS,
	burnUp,
	forecastCompletion,
	type BurnUpPoint,
	type Forecast,
	type WeeklyHistory
} from './forecast.ts';

/** One row of the shard's counts: a hamlet's households added / first visited in a week. */
export interface ForecastCount {
	hamletId: string | null;
	/** Monday YYYY-MM-DD, or null for everything before the period. */
	week: string | null;
	added: number;
	visited: number;
}

/** The Mondays of the period: `weeks` weeks ending with the one holding `today`. */
export function forecastWeeks(today: string, weeks = BURN_UP_WEEKS): string[] {
	const current = weekStartOf(today);
	return Array.from({ length: weeks }, (_, i) => addDays(current, -7 * (weeks - 1 - i)));
}

/**
 * The weekly history of an area: the rows of `hamletId` (null: every row, the whole commune)
 * summed per week of `weeks`; rows before the period go to scopeBefore / doneBefore.
 */
export function weeklyHistory(
	rows: readonly ForecastCount[],
	weeks: readonly string[],
	hamletId: string | null
): WeeklyHistory {
	const index = new Map(weeks.map((w, i) => [w, i]));
	const h: WeeklyHistory = {
		weeks: [...weeks],
		added: weeks.map(() => 0),
		visited: weeks.map(() => 0),
		scopeBefore: 0,
		doneBefore: 0
	};
	for (const r of rows) {
		if (hamletId !== null && r.hamletId !== hamletId) continue;
		const i = r.week === null ? undefined : index.get(r.week);
		if (i === undefined) {
			h.scopeBefore += r.added;
			h.doneBefore += r.visited;
		} else {
			h.added[i]! += r.added;
			h.visited[i]! += r.visited;
		}
	}
	return h;
}

/** A burn-up week as published: a figure of 1–10 (or a remainder of 1–10) is null. */
export interface PublicBurnUpPoint {
	week: string;
	scope: number | null;
	done: number | null;
}

/**
 * The burn-up for the public page: the primary small-count rule of metric-disclosure.ts on each
 * week's totals — households known, visited, and not yet visited (the remainder a reader could
 * work out). The totals are stocks: a week-to-week difference is a net change, not a count of
 * anyone (disclosure-series.ts), so no secondary rule over time.
 */
export function publicBurnUp(points: readonly BurnUpPoint[]): PublicBurnUpPoint[] {
	return points.map((p) => {
		const hide = isSmallCount(p.scope) || isSmallCount(p.done) || isSmallCount(p.scope - p.done);
		return { week: p.week, scope: hide ? null : p.scope, done: hide ? null : p.done };
	});
}

/** An area's burn-up and forecast, as the API returns them. */
export interface AreaForecast {
	burnUp: BurnUpPoint[];
	forecast: Forecast;
}

/**
 * The burn-up and forecast of one area from the shard's counts: a hamlet's rows, or every row
 * for the whole commune (`hamletId` null). Seeded: the same counts give the same dates.
 */
export function areaForecast(
	rows: readonly ForecastCount[],
	today: string,
	hamletId: string | null
): AreaForecast {
	const h = weeklyHistory(rows, forecastWeeks(today), hamletId);
	return { burnUp: burnUp(h), forecast: forecastCompletion(h, { today }) };
}
