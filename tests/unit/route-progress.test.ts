import { describe, expect, it } from 'vitest';
import {
	nextStopIndex,
	routeProgress,
	routeVisitFacts,
	type DeviceVisitFact,
	type StopVisitFacts
} from '../../src/lib/domain/routing/progress.ts';
import { numberStops } from '../../src/lib/domain/routing/stop-numbers.ts';

const ROUTE = 'route-a';
const stop = (id: string, over: Partial<StopVisitFacts> = {}): StopVisitFacts => ({
	householdId: id,
	doNotContact: false,
	visitedOnRoute: null,
	metElsewhere: false,
	...over
});
const device = (id: string, over: Partial<DeviceVisitFact> = {}): DeviceVisitFact => ({
	householdId: id,
	routeId: ROUTE,
	outcome: 'met',
	visitedAt: 1_000,
	state: 'pending',
	...over
});
const onRoute = (outcome: 'met' | 'not_home' = 'met', visitedAt = 500) => ({
	visitedOnRoute: { outcome, visitedAt }
});

describe('progress of a route ("visits on this route")', () => {
	it.each<[string, StopVisitFacts[], DeviceVisitFact[], number]>([
		['counts nothing on a fresh route', [stop('a'), stop('b')], [], 0],
		['counts a visit the server has on this route', [stop('a', onRoute()), stop('b')], [], 1],
		[
			'counts a "not home" on this route: a visit was recorded',
			[stop('a', onRoute('not_home'))],
			[],
			1
		],
		['counts a visit still in the outbox for this route', [stop('a'), stop('b')], [device('b')], 1],
		['counts a sent visit the outbox keeps', [stop('a')], [device('a', { state: 'synced' })], 1],
		[
			'counts a household once when server and device both have it',
			[stop('a', onRoute())],
			[device('a')],
			1
		],
		[
			'does not count a visit on another route',
			[stop('a', { metElsewhere: true })],
			[device('a', { routeId: 'other' })],
			0
		],
		[
			'does not count a visit the server refused',
			[stop('a')],
			[device('a', { state: 'rejected' }), device('a', { state: 'invalid' })],
			0
		],
		[
			'does not count a household only marked as visited in an older pack (no on-route facts)',
			[{ householdId: 'a', doNotContact: false }],
			[],
			0
		]
	])('%s', (_, stops, visits, done) => {
		const p = routeProgress(ROUTE, stops, visits);
		expect(p.done).toBe(done);
		expect(p.total).toBe(stops.length);
	});

	it.each<[string, StopVisitFacts, DeviceVisitFact[], boolean]>([
		[
			'marks a household met on another route (server)',
			stop('a', { metElsewhere: true }),
			[],
			true
		],
		[
			'marks a household met on another route (device)',
			stop('a'),
			[device('a', { routeId: 'other' })],
			true
		],
		[
			'does not mark a "not home" on another route as met',
			stop('a'),
			[device('a', { routeId: null, outcome: 'not_home' })],
			false
		],
		[
			'drops the mark once the household is visited on this route',
			stop('a', { metElsewhere: true }),
			[device('a')],
			false
		]
	])('%s', (_, s, visits, marked) => {
		expect(routeProgress(ROUTE, [s], visits).stops['a']!.metElsewhere).toBe(marked);
	});

	it('keeps the latest on-route visit of server and device', () => {
		const p = routeProgress(
			ROUTE,
			[stop('a', onRoute('not_home', 500))],
			[device('a', { visitedAt: 900 })]
		);
		expect(p.stops['a']!.onRoute).toEqual({ outcome: 'met', visitedAt: 900 });
	});
});

describe('the next house', () => {
	it.each<[string, StopVisitFacts[], DeviceVisitFact[], number]>([
		['is the first house on a fresh route', [stop('a'), stop('b')], [], 0],
		['skips houses visited on this route', [stop('a', onRoute()), stop('b')], [], 1],
		['skips do-not-contact houses', [stop('a', { doNotContact: true }), stop('b')], [], 1],
		[
			'still sends the member to a house met only on another route',
			[stop('a', { metElsewhere: true })],
			[],
			0
		],
		['follows walking order, not visit order', [stop('a'), stop('b'), stop('c')], [device('c')], 0],
		['is none (-1) when every house is done', [stop('a', onRoute()), stop('b')], [device('b')], -1]
	])('%s', (_, stops, visits, index) => {
		expect(nextStopIndex(stops, routeProgress(ROUTE, stops, visits))).toBe(index);
	});
});

describe('what the server tells the device per stop', () => {
	const v = (
		id: string,
		h: string,
		routeId: string | null,
		outcome: 'met' | 'not_home',
		at: number
	) => ({
		id,
		householdId: h,
		routeId,
		outcome,
		visitedAt: at
	});

	it('keeps the latest visit on this route and notes a meeting on another', () => {
		const facts = routeVisitFacts(ROUTE, [
			v('1', 'a', ROUTE, 'not_home', 100),
			v('2', 'a', ROUTE, 'met', 300),
			v('3', 'a', ROUTE, 'not_home', 200),
			v('4', 'b', 'other', 'met', 100),
			v('5', 'c', null, 'met', 100),
			v('6', 'd', 'other', 'not_home', 100)
		]);
		expect(facts.get('a')).toEqual({
			visitedOnRoute: { outcome: 'met', visitedAt: 300 },
			metElsewhere: false
		});
		expect(facts.get('b')).toEqual({ visitedOnRoute: null, metElsewhere: true });
		expect(facts.get('c')).toEqual({ visitedOnRoute: null, metElsewhere: true });
		expect(facts.get('d')).toEqual({ visitedOnRoute: null, metElsewhere: false });
	});
});

describe('stop numbers', () => {
	it.each([
		['numbers from 1 when the database counts from 0', [0, 1, 2], [1, 2, 3]],
		['numbers from 1 when the database counts from 1', [1, 2, 3], [1, 2, 3]],
		['closes the gaps a cancelled route leaves', [2, 5, 6, 11], [1, 2, 3, 4]]
	])('%s', (_, seqs, numbers) => {
		expect(numberStops(seqs.map((seq) => ({ seq }))).map((s) => s.n)).toEqual(numbers);
	});
});
