import { describe, expect, it } from 'vitest';
import {
	HOUSEHOLD_BYTES,
	SHARD_BUDGET_BYTES,
	VISIT_BYTES,
	retentionPlan
} from '../../src/lib/domain/visit-retention.ts';

describe('retentionPlan', () => {
	it('uses the README figures: 630 B a household, 1.001 B a visit, 8 GB', () => {
		expect([HOUSEHOLD_BYTES, VISIT_BYTES, SHARD_BUDGET_BYTES]).toEqual([630, 1_001, 8e9]);
	});

	// Hand-computed: visits a month = visits in 30 days × 30,4375 ÷ 30;
	// capacity = ⌊(8e9 − households × 630) ÷ (visits a month × 1.001)⌋.
	it.each([
		// 1.217,5 a month × 1.001 = 1.218.717,5 B; 7.996.850.000 ÷ that = 6.561,7
		['a small shard keeps the configured months', 5_000, 1_200, 24, 6_561, 24, false],
		['a small shard keeps longer months when configured', 5_000, 1_200, 36, 6_561, 36, false],
		// 426.125 a month (2,6 visits a household a year) → 426.551.125 B; 6,74e9 ÷ that = 15,8
		['a 2 M-household shard with heavy visits keeps fewer', 2_000_000, 420_000, 24, 15, 15, false],
		['the configured months stay the upper bound', 2_000_000, 420_000, 13, 15, 13, false],
		// 852.250 a month → 853.102.250 B; 5,48e9 ÷ that = 6,4: under 13
		[
			'a shard where even 13 months do not fit keeps 13 and alarms',
			4_000_000,
			840_000,
			24,
			6,
			13,
			true
		],
		// 13 M × 630 B = 8,19e9 > 8e9
		['households alone over the budget leave no month', 13_000_000, 1_000, 24, 0, 13, true],
		[
			'a shard without visits in the window keeps the configured months',
			1_000_000,
			0,
			24,
			null,
			24,
			false
		]
	])('%s', (_, households, visitsInWindow, configuredMonths, capacity, months, alarm) => {
		const plan = retentionPlan({ households, visitsInWindow }, { configuredMonths });
		expect(plan).toMatchObject({ capacityMonths: capacity, months, alarm });
	});

	it('reports the month rate from the 30-day count', () => {
		expect(
			retentionPlan({ households: 0, visitsInWindow: 420_000 }, { configuredMonths: 24 })
		).toMatchObject({ visitsPerMonth: 426_125 });
	});

	// 30 visits in 30 days: 30,4375 a month × 1.001 B = 30.467,9375 B; × 13 = 396.083,19 B.
	it.each([
		[396_084, 13, false],
		[396_083, 12, true]
	])('with a budget of %i B, %i months fit (alarm: %s)', (budgetBytes, capacity, alarm) => {
		const plan = retentionPlan(
			{ households: 0, visitsInWindow: 30 },
			{ configuredMonths: 24, budgetBytes }
		);
		expect(plan).toMatchObject({ capacityMonths: capacity, months: 13, alarm });
	});

	it('never keeps fewer than 13 months, whatever is configured', () => {
		expect(
			retentionPlan({ households: 10, visitsInWindow: 10 }, { configuredMonths: 6 }).months
		).toBe(13);
	});

	it.each([
		[{ households: -1, visitsInWindow: 0 }, {}],
		[{ households: 1.5, visitsInWindow: 0 }, {}],
		[{ households: 0, visitsInWindow: Number.NaN }, {}],
		[{ households: 0, visitsInWindow: 0 }, { budgetBytes: 0 }]
	])('refuses a count or budget that is not one: %o %o', (load, extra) => {
		expect(() => retentionPlan(load, { configuredMonths: 24, ...extra })).toThrow(RangeError);
	});
});
