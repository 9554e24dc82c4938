import { describe, expect, it } from 'vitest';
import { v7 } from 'uuid';
import { parseDeviceVisits, parseVisits } from '../../src/lib/server/db/writes/visits.ts';
import { WriteValidationError } from '../../src/lib/server/db/writes/errors.ts';

const NOW = Date.UTC(2026, 11, 2, 9, 0);
const DAY = 86_400_000;

const visitAt = (visitedAt: number, over: object = {}) => ({
	id: v7({ msecs: visitedAt }),
	provinceCode: '19',
	communeCode: '05569',
	householdId: 'hh-1',
	visitedAt,
	outcome: 'not_home' as const,
	adults: 2,
	...over
});

const issues = (f: () => unknown) => {
	try {
		f();
		return [];
	} catch (e) {
		if (!(e instanceof WriteValidationError)) throw e;
		return e.issues.map((i) => [i.index, i.path]);
	}
};

describe('visit times in the write functions', () => {
	it('stamps device visits as real and received now, whatever server fields they carry', () => {
		const sent = visitAt(NOW - DAY, { receivedAt: 1_000_000_000_000, isDemo: true });
		const [row] = parseDeviceVisits([sent], NOW);
		expect(row).toMatchObject({ receivedAt: NOW, isDemo: false });
	});

	it('refuses device visits beyond the bounds, naming each one', () => {
		const sent = [visitAt(NOW - DAY), visitAt(NOW + DAY), visitAt(NOW - 400 * DAY)];
		expect(issues(() => parseDeviceVisits(sent, NOW))).toEqual([
			[1, 'visitedAt'],
			[2, 'visitedAt']
		]);
	});

	it('lets a replay of history keep an old visit received soon after it was made', () => {
		const old = NOW - 500 * DAY;
		const [row] = parseVisits([visitAt(old, { receivedAt: old + 3_600_000 })], NOW);
		expect(row!.receivedAt).toBe(old + 3_600_000);
	});

	it('refuses a replayed visit received more than a year after it was made, or received in the future', () => {
		const old = NOW - 500 * DAY;
		expect(issues(() => parseVisits([visitAt(old)], NOW))).toEqual([[0, 'visitedAt']]);
		expect(issues(() => parseVisits([visitAt(NOW - DAY, { receivedAt: NOW + DAY })], NOW))).toEqual(
			[[0, 'receivedAt']]
		);
	});
});
