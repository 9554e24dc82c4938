import { describe, expect, it } from 'vitest';
import { fieldRouteView, nextLeg } from '../../src/lib/components/field/route-view.ts';
import type { PackStop, RoutePack } from '../../src/lib/offline/field/saved-route-types.ts';
import type { OutboxVisit } from '../../src/lib/offline/field/db.ts';

const ROUTE = 'r1';
const stop = (seq: number, over: Partial<PackStop> = {}): PackStop => ({
	seq,
	revisit: false,
	householdId: `h${seq}`,
	address: `Số ${seq}, ngõ 5`,
	alleyKey: 'ngo-5',
	adults: 2,
	lon: 105.64 + seq * 0.0004,
	lat: 21.91,
	doNotContact: false,
	lastOutcome: null,
	lastVisitAt: null,
	revisitOn: null,
	visitedOnRoute: null,
	metElsewhere: false,
	...over
});
const pack = (stops: PackStop[]): RoutePack => ({
	route: {
		id: ROUTE,
		name: 'Tuyến ngõ 5',
		plannedOn: null,
		status: 'assigned',
		provinceCode: '19',
		communeCode: '05923',
		distanceM: null,
		estimatedMinutes: null
	},
	commune: null,
	stops,
	memberId: 'm1',
	basemapStyleUrl: null,
	packedAt: 0
});
const outbox = (householdId: string, routeId: string, state = 'pending'): OutboxVisit => ({
	id: `v-${householdId}-${routeId}`,
	seq: 1,
	state: state as OutboxVisit['state'],
	savedAt: 2_000,
	attempts: 0,
	payload: {
		provinceCode: '19',
		communeCode: '05923',
		householdId,
		routeId,
		memberId: 'm1',
		id: `v-${householdId}-${routeId}`,
		visitedAt: 2_000,
		outcome: 'met',
		adults: 2,
		peopleHelped: 1,
		note: null,
		revisitOn: null,
		services: []
	} as OutboxVisit['payload']
});

describe('the field route page’s view of a pack and the outbox', () => {
	// seq 3, 7, 8, 12: the database's sort key after a cancelled route kept some stops
	const stops = [
		stop(3, {
			lastOutcome: 'met',
			lastVisitAt: 1_000,
			visitedOnRoute: { outcome: 'met', visitedAt: 1_000 }
		}),
		stop(7, { lastOutcome: 'met', lastVisitAt: 900, metElsewhere: true }),
		stop(8),
		stop(12, { doNotContact: true })
	];

	it('numbers the stops 1…n whatever their seq', () => {
		expect(fieldRouteView(pack(stops), []).stops.map((s) => s.n)).toEqual([1, 2, 3, 4]);
	});

	it('counts only visits on this route, the device’s included', () => {
		expect(fieldRouteView(pack(stops), []).progress).toEqual({ done: 1, total: 4 });
		const v = fieldRouteView(pack(stops), [outbox('h8', ROUTE), outbox('h7', 'other')]);
		expect(v.progress).toEqual({ done: 2, total: 4 });
	});

	it('shows a household met on another route as such, coloured by its latest visit', () => {
		const s = fieldRouteView(pack(stops), []).stops[1]!;
		expect(s).toMatchObject({ metElsewhere: true, onRoute: null, status: 'met' });
	});

	it('sends the member to the first house not done here, skipping do-not-contact', () => {
		expect(fieldRouteView(pack(stops), []).next).toBe(1);
		expect(fieldRouteView(pack(stops), [outbox('h7', ROUTE), outbox('h8', ROUTE)]).next).toBe(-1);
	});

	it.each([
		['from the member when the position is known', { lon: 105.6428, lat: 21.9109 }, 'you', null],
		['from the previous house without a position', null, 'previous', 1]
	] as const)('measures the way to the next house %s', (_, fix, from, fromN) => {
		const v = fieldRouteView(pack(stops), []);
		const you = fix ? { ...fix, accuracyM: 10, at: 0 } : null;
		const way = nextLeg(v.stops, v.next, you)!;
		expect(way.from).toBe(from);
		expect(way.fromN).toBe(fromN);
		expect(way.leg.distanceM).toBeGreaterThan(0);
	});

	it('gives no way when the first house is next and there is no position', () => {
		const v = fieldRouteView(pack([stop(1), stop(2)]), []);
		expect(nextLeg(v.stops, v.next, null)).toBeNull();
	});
});
