import { describe, expect, it } from 'vitest';
import {
	VISIT_CLOCK_SKEW_MS,
	VISIT_MAX_AGE_MS,
	visitTimeProblem
} from '../../src/lib/domain/visit-time.ts';

const NOW = Date.UTC(2026, 11, 2, 9, 0);
const MIN = 60_000;
const DAY = 86_400_000;

describe('visitTimeProblem: when a visit may say it happened', () => {
	it.each([
		['a visit made a minute ago', NOW - MIN, null],
		['a visit from a phone clock a few minutes fast', NOW + 9 * MIN, null],
		['a visit exactly at the clock-skew allowance', NOW + VISIT_CLOCK_SKEW_MS, null],
		['a visit eleven minutes in the future', NOW + 11 * MIN, 'in_future'],
		['a visit dated in 2096', Date.UTC(2096, 0, 1), 'in_future'],
		['a visit kept offline for three months', NOW - 90 * DAY, null],
		['a visit synced just under a year later', NOW - VISIT_MAX_AGE_MS + MIN, null],
		['a visit synced more than a year later', NOW - VISIT_MAX_AGE_MS - MIN, 'too_old'],
		['a visit ten years old', NOW - 3650 * DAY, 'too_old'],
		['a visit before 2000', Date.UTC(1999, 11, 31), 'too_old']
	])('judges %s', (_, visitedAt, want) => {
		expect(visitTimeProblem(visitedAt, NOW)).toBe(want);
	});

	it('measures against the receipt time, so a replayed history keeps its old visits', () => {
		const receivedAt = NOW - 400 * DAY;
		expect(visitTimeProblem(receivedAt - DAY, receivedAt)).toBeNull();
	});
});
