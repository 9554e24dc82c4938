import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { orderHouseholds } from '../../src/lib/domain/routing/walk-order.ts';
import {
	alleyWalkOrder,
	buildWalkUnits,
	houseNumberOf,
	isAlleyWalk
} from '../../src/lib/domain/routing/walk-units.ts';
import type { PlanHousehold } from '../../src/lib/domain/routing/types.ts';

describe('walk units', () => {
	it.each([
		['lo duc|45/3', true],
		['le van si|210/14', true],
		['nguyen trai', true],
		['thon dong|3', true],
		['thon dong tam', false],
		['xom na huong', false],
		['to dan pho 5', false],
		['', false]
	])('treats alley key "%s" as an alley walk: %s', (key, want) => {
		expect(isAlleyWalk(key)).toBe(want);
	});

	it('reads the house number out of an address key', () => {
		expect(houseNumberOf('lo duc|45/3#12a')).toEqual({ number: 12, suffix: 'a' });
		expect(houseNumberOf('thon dong tam')).toBeNull();
	});

	it('orders houses of one alley by number: odd side in, even side back', () => {
		const houses = [4, 1, 7, 2, 3, 8, 5].map((number, index) => ({ index, number, suffix: '' }));
		const order = alleyWalkOrder(houses).map((i) => houses[i]!.number);
		expect(order).toEqual([1, 3, 5, 7, 8, 4, 2]);
	});

	it('puts 12A after 12 on its side', () => {
		const houses = [
			{ index: 0, number: 12, suffix: 'a' },
			{ index: 1, number: 12, suffix: '' },
			{ index: 2, number: 10, suffix: '' }
		];
		expect(alleyWalkOrder(houses)).toEqual([0, 1, 2]);
	});

	it('makes one unit per alley and one per rural house', () => {
		const hs = [
			{ alleyKey: 'lo duc|45', addressKey: 'lo duc|45#1', x: 0, y: 0 },
			{ alleyKey: 'lo duc|45', addressKey: 'lo duc|45#2', x: 5, y: 0 },
			{ alleyKey: 'lo duc|45', addressKey: 'lo duc|45', x: 9, y: 0 },
			{ alleyKey: 'thon dong tam', addressKey: 'thon dong tam', x: 100, y: 0 },
			{ alleyKey: 'thon dong tam', addressKey: 'thon dong tam', x: 200, y: 0 }
		];
		const units = buildWalkUnits(hs);
		expect(units.map((u) => u.members.length).sort()).toEqual([1, 1, 3]);
		expect(units.find((u) => u.alleyKey === 'lo duc|45')?.members).toHaveLength(3);
	});
});

const STREETS = ['lo duc', 'kim ma', 'hue'];

/** Random households: numbered houses in a few alleys, rural houses, some do-not-contact. */
const householdsArb = fc
	.array(
		fc.record({
			kind: fc.constantFrom('alley', 'alley', 'rural', 'bare'),
			street: fc.constantFrom(...STREETS),
			alley: fc.integer({ min: 1, max: 6 }),
			number: fc.integer({ min: 1, max: 120 }),
			x: fc.double({ min: 0, max: 3000, noNaN: true }),
			y: fc.double({ min: 0, max: 3000, noNaN: true }),
			dnc: fc.boolean().map((b) => b && Math.random() < 0.2),
			located: fc.integer({ min: 0, max: 30 }).map((n) => n > 0)
		}),
		{ minLength: 0, maxLength: 260 }
	)
	.map((rows) =>
		rows.map((r, i): PlanHousehold => {
			const alleyKey = r.kind === 'rural' ? 'thon dong tam' : `${r.street}|${r.alley}`;
			const addressKey = r.kind === 'alley' ? `${alleyKey}#${r.number}` : alleyKey;
			return {
				id: `h${i}`,
				lon: r.located ? 105.6 + r.x / 100_000 : null,
				lat: r.located ? 21.9 + r.y / 110_000 : null,
				alleyKey,
				addressKey,
				doNotContact: r.dnc
			};
		})
	);

describe('the walk through a selection', () => {
	it('keeps each alley contiguous and orders it by number, odd side up, even side down', () => {
		fc.assert(
			fc.property(householdsArb, (hs) => {
				const kept = hs.filter((h) => h.lon !== null && !h.doNotContact);
				const order = orderHouseholds(kept, null).houses.map((l) => l.h.id);
				const byId = new Map(hs.map((h) => [h.id, h]));
				const numbered = new Map<string, number[]>();
				order.forEach((id, pos) => {
					const h = byId.get(id)!;
					if (houseNumberOf(h.addressKey) && isAlleyWalk(h.alleyKey))
						numbered.set(h.alleyKey, [...(numbered.get(h.alleyKey) ?? []), pos]);
				});
				for (const [key, positions] of numbered) {
					if (positions.length < 2) continue;
					// Every house of the alley (numbered or not) lies inside one stretch of the walk.
					const inAlley = order
						.map((id, pos) => (byId.get(id)!.alleyKey === key ? pos : -1))
						.filter((p) => p >= 0);
					expect(inAlley[inAlley.length - 1]! - inAlley[0]!).toBe(inAlley.length - 1);
					const nums = positions.map((p) => houseNumberOf(byId.get(order[p]!)!.addressKey)!.number);
					const odd = nums.filter((x) => x % 2 === 1);
					const even = nums.filter((x) => x % 2 === 0);
					expect(nums).toEqual([...odd, ...even]);
					expect(odd).toEqual([...odd].sort((a, b) => a - b));
					expect(even).toEqual([...even].sort((a, b) => b - a));
				}
			}),
			{ numRuns: 150 }
		);
	});

	it('starts the walk near the chosen start point', () => {
		const hs: PlanHousehold[] = Array.from({ length: 30 }, (_, i) => ({
			id: `h${i}`,
			lon: 105.6 + i * 0.001,
			lat: 21.9,
			alleyKey: 'thon a',
			addressKey: 'thon a',
			doNotContact: false
		}));
		const first = (start: [number, number]) => orderHouseholds(hs, start).houses[0]!.h.id;
		expect(first([105.64, 21.9])).toBe('h29');
		expect(first([105.59, 21.9])).toBe('h0');
	});
});
