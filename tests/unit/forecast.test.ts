import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
	burnUp,
	forecastCompletion,
	HORIZON_WEEKS,
	type Forecast,
	type WeeklyHistory
} from '../../src/lib/domain/forecast.ts';
import {
	forecastWeeks,
	publicBurnUp,
	weeklyHistory
} from '../../src/lib/domain/forecast-history.ts';
import { addDays } from '../../src/lib/domain/vn-time.ts';

const TODAY = '2026-12-03'; // a Thursday
const WEEKS = forecastWeeks(TODAY, 14);

/** A history of 13 completed weeks with the throughput given (oldest first) and this week's. */
function history(
	throughput: number[],
	opts: { scope?: number; added?: number[]; thisWeek?: number } = {}
): WeeklyHistory {
	const visited = [...throughput, opts.thisWeek ?? 0];
	const weeks = forecastWeeks(TODAY, visited.length);
	return {
		weeks,
		added: opts.added ?? weeks.map(() => 0),
		visited,
		scopeBefore: opts.scope ?? 1000,
		doneBefore: 0
	};
}

const dated = (f: Forecast) => {
	if (f.status !== 'forecast') throw new Error(`expected dates, got ${f.status}`);
	return f;
};
const weeksBetween = (a: string, b: string) => (Date.parse(b) - Date.parse(a)) / 7 / 86_400_000;

describe('burn-up', () => {
	it('adds each week to the totals before the period', () => {
		const h: WeeklyHistory = {
			weeks: WEEKS.slice(0, 3),
			added: [5, 0, 20],
			visited: [0, 3, 4],
			scopeBefore: 100,
			doneBefore: 40
		};
		expect(burnUp(h)).toEqual([
			{ week: WEEKS[0], scope: 105, done: 40 },
			{ week: WEEKS[1], scope: 105, done: 43 },
			{ week: WEEKS[2], scope: 125, done: 47 }
		]);
	});

	it('sums a hamlet’s rows per week, and rows before the period into the starting totals', () => {
		const weeks = forecastWeeks(TODAY, 3);
		const h = weeklyHistory(
			[
				{ hamletId: 'a', week: null, added: 50, visited: 10 },
				{ hamletId: 'a', week: weeks[1]!, added: 2, visited: 7 },
				{ hamletId: 'b', week: weeks[1]!, added: 9, visited: 9 },
				{ hamletId: 'a', week: '2020-01-06', added: 1, visited: 1 } // older than the period
			],
			weeks,
			'a'
		);
		expect(h).toEqual({
			weeks,
			added: [0, 2, 0],
			visited: [0, 7, 0],
			scopeBefore: 51,
			doneBefore: 11
		});
		expect(
			weeklyHistory([{ hamletId: 'b', week: weeks[2]!, added: 3, visited: 1 }], weeks, null)
		).toMatchObject({ added: [0, 0, 3], visited: [0, 0, 1] });
	});

	it('ends the period with the week holding today, Mondays only', () => {
		expect(forecastWeeks(TODAY, 3)).toEqual(['2026-11-16', '2026-11-23', '2026-11-30']);
	});

	it.each([
		[{ scope: 500, done: 5 }, true], // 1–10 visited
		[{ scope: 8, done: 0 }, true], // 1–10 known
		[{ scope: 500, done: 495 }, true], // 1–10 left
		[{ scope: 500, done: 0 }, false],
		[{ scope: 500, done: 500 }, false],
		[{ scope: 0, done: 0 }, false]
	])('publicly hides a week of %o: %s', (p, hidden) => {
		const [shown] = publicBurnUp([{ week: WEEKS[0]!, ...p }]);
		expect(shown!.scope === null).toBe(hidden);
		expect(shown!.done === null).toBe(hidden);
	});
});

describe('completion forecast', () => {
	it('says there is nothing to forecast for no households, and done when all are visited', () => {
		expect(forecastCompletion(history([], { scope: 0 }), { today: TODAY })).toEqual({
			status: 'empty'
		});
		const all = history(Array(13).fill(10), { scope: 130 });
		expect(forecastCompletion(all, { today: TODAY })).toEqual({ status: 'done', scope: 130 });
	});

	it.each([
		['four weeks with visits', [0, 0, 0, 0, 0, 0, 0, 0, 0, 9, 9, 9, 9], 'few_active_weeks'],
		[
			'nothing in the last four weeks',
			[9, 9, 9, 9, 9, 9, 9, 9, 9, 0, 0, 0, 0],
			'no_recent_progress'
		],
		['a team that started two weeks ago', [9, 9], 'few_active_weeks']
	])('gives no dates for %s', (_, throughput, reason) => {
		const f = forecastCompletion(history(throughput), { today: TODAY });
		expect(f).toMatchObject({ status: 'insufficient', reason });
	});

	it('gives a steady team of 50 a week with 500 left one date, the 11th Sunday from now', () => {
		const f = dated(
			forecastCompletion(history(Array(13).fill(50), { scope: 1150 }), {
				today: TODAY,
				trials: 500
			})
		);
		// 650 visited over 13 weeks, 500 left: 4/7 of a week (Thursday to Sunday) makes 28,6, and
		// ten more weeks are needed for the other 471,4
		expect(f.remaining).toBe(500);
		expect(f.p50).toBe(f.p85);
		expect(f.p50).toBe(addDays('2026-11-30', 7 * 10 + 6));
		expect(f.meanThroughput).toBe(50);
		expect(f.windowWeeks).toBe(12);
	});

	it('is the same for the same seed, and gives Sundays', () => {
		const h = history([3, 0, 12, 7, 0, 9, 14, 2, 0, 8, 11, 5, 6], { scope: 300 });
		const a = dated(forecastCompletion(h, { today: TODAY, seed: 7 }));
		expect(forecastCompletion(h, { today: TODAY, seed: 7 })).toEqual(a);
		for (const d of [a.p50!, a.p85!]) expect(new Date(`${d}T00:00:00Z`).getUTCDay()).toBe(0);
		expect(a.p50! <= a.p85!).toBe(true);
	});

	it('moves the dates later when households keep being found, and says how many', () => {
		const steady = history(Array(13).fill(20), { scope: 1000 });
		const growing = history(Array(13).fill(20), {
			scope: 1000,
			added: [...Array(13).fill(10), 0]
		});
		const a = dated(forecastCompletion(steady, { today: TODAY }));
		const b = dated(forecastCompletion(growing, { today: TODAY }));
		expect(b.p50! > a.p50!).toBe(true);
		expect(a.scopeGrowth).toEqual({ low: 0, high: 0 });
		expect(b.scopeGrowth.low).toBeGreaterThan(0);
	});

	it('gives no 85 % date when scope grows as fast as the visits', () => {
		const h = history(Array(13).fill(20), { scope: 1000, added: [...Array(13).fill(20), 0] });
		const f = dated(forecastCompletion(h, { today: TODAY, trials: 300 }));
		expect(f.p85).toBeNull();
		expect(HORIZON_WEEKS).toBeGreaterThan(100);
	});
});

describe('completion forecast, properties', () => {
	const throughputs = fc.array(fc.nat({ max: 60 }), { minLength: 13, maxLength: 13 });
	const days = fc.integer({ min: 0, max: 6 }).map((i) => addDays('2026-11-30', i));

	it('never gives a date before today', () => {
		fc.assert(
			fc.property(throughputs, fc.nat({ max: 3000 }), days, fc.nat(), (tp, left, today, seed) => {
				const h = history(tp, { scope: left + tp.reduce((s, n) => s + n, 0) });
				const f = forecastCompletion(h, { today, seed, trials: 200 });
				if (f.status !== 'forecast') return;
				for (const d of [f.p50, f.p85]) if (d !== null) expect(d >= today).toBe(true);
				if (f.p50 && f.p85) expect(f.p50 <= f.p85).toBe(true);
			}),
			{ numRuns: 200 }
		);
	});

	it('gives a wider 50–85 % range for noisier throughput of the same mean', () => {
		fc.assert(
			fc.property(
				fc.integer({ min: 5, max: 40 }),
				fc.integer({ min: 4, max: 60 }),
				fc.nat(),
				(mean, weeksOfWork, seed) => {
					const left = mean * weeksOfWork;
					// the same mean, ever more uneven: steady; ±50 % week to week; nothing, then double
					const steady: number[] = Array(13).fill(mean);
					const halves = steady.map((_, i) => (i % 2 ? 1.5 * mean : 0.5 * mean));
					const bursts = steady.map((_, i) => (i % 2 ? 2 * mean : 0));
					const spread = (tp: number[]) => {
						const scope = left + tp.reduce((s, n) => s + n, 0);
						const f = dated(forecastCompletion(history(tp, { scope }), { today: TODAY, seed }));
						return weeksBetween(f.p50!, f.p85!);
					};
					const [a, b, c] = [spread(steady), spread(halves), spread(bursts)];
					expect(a).toBe(0);
					expect(b).toBeGreaterThanOrEqual(a);
					expect(c).toBeGreaterThan(b);
				}
			),
			{ numRuns: 40 }
		);
	});
});
