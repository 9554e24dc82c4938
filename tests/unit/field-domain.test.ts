import { describe, expect, it } from 'vitest';
import { backoffDelay, SYNC_TIMING } from '../../src/lib/domain/field/backoff.ts';
import { classifySyncResponse } from '../../src/lib/domain/field/sync-response.ts';
import { householdStatus, latestVisit } from '../../src/lib/domain/field/household-status.ts';
import { draftIssues, emptyDraft, toVisitPayload } from '../../src/lib/domain/field/visit-draft.ts';
import { pointsBbox, tilesForBbox, tileUrl } from '../../src/lib/domain/field/tiles.ts';
import { inAppBrowser, isIos } from '../../src/lib/domain/field/user-agent.ts';
import { isFieldData, isFieldPage } from '../../src/lib/offline/sw/policy.ts';

describe('sync backoff', () => {
	it.each([
		[0, 0, 1_000],
		[0, 0.999_999, 2_000],
		[1, 0.5, 3_000],
		[3, 0, 8_000],
		[20, 1, SYNC_TIMING.maxDelayMs]
	])('waits between half and all of the exponential step (attempt %i, random %f)', (a, r, ms) => {
		expect(backoffDelay(a, r)).toBe(ms);
	});

	it('never exceeds the cap, whatever the attempt', () => {
		for (let a = 0; a < 60; a++)
			expect(backoffDelay(a, 1)).toBeLessThanOrEqual(SYNC_TIMING.maxDelayMs);
	});
});

describe('what the device does with a sync answer', () => {
	const ids = ['a', 'b'];
	it.each([
		[
			200,
			{
				results: [
					{ id: 'a', status: 'inserted' },
					{ id: 'b', status: 'duplicate' }
				]
			},
			{ kind: 'accepted', synced: ['a', 'b'], conflicts: [] }
		],
		[
			409,
			{
				results: [
					{ id: 'a', status: 'conflict' },
					{ id: 'b', status: 'inserted' }
				]
			},
			{ kind: 'accepted', synced: ['b'], conflicts: ['a'] }
		],
		[401, { code: 'unauthenticated' }, { kind: 'unauthorized' }],
		[
			400,
			{ code: 'invalid_visit', details: { index: 1, id: null } },
			{ kind: 'invalid', ids: ['b'] }
		],
		[
			400,
			{
				code: 'invalid_visit',
				message: 'visits.0.visitedAt: in the future',
				details: {
					index: 0,
					id: 'a',
					rejected: [
						{ index: 0, id: 'a', reasons: [{ message: 'in the future' }] },
						{ index: 1, id: null, reasons: [{ message: 'too old' }, { message: 'bad note' }] }
					]
				}
			},
			{
				kind: 'invalid',
				ids: ['a', 'b'],
				reasons: { a: 'in the future', b: 'too old; bad note' }
			}
		],
		[
			403,
			{ code: 'visit_out_of_scope', details: { ids: ['a'] } },
			{ kind: 'forbidden', ids: ['a'] }
		],
		[500, { code: 'internal' }, { kind: 'retry' }],
		[503, null, { kind: 'retry' }],
		[400, { code: 'invalid_json' }, { kind: 'retry' }],
		[403, { code: 'csrf' }, { kind: 'retry' }]
	])('HTTP %i %j → %j', (status, body, verdict) => {
		expect(classifySyncResponse(status, body, ids)).toMatchObject(verdict);
	});
});

describe('household status', () => {
	const v = (id: string, at: number, outcome: 'met' | 'not_home' | 'refused', pending = false) => ({
		id,
		visitedAt: at,
		outcome,
		pending
	});
	it('is "not visited" without any visit', () => {
		expect(householdStatus(null, [])).toEqual({ status: 'not_visited', at: null, unsynced: false });
	});
	it('takes the latest visit, the device’s own included, and says when it is not sent yet', () => {
		expect(householdStatus(v('s', 10, 'not_home'), [v('d', 20, 'met', true)])).toEqual({
			status: 'met',
			at: 20,
			unsynced: true
		});
		expect(householdStatus(v('s', 30, 'refused'), [v('d', 20, 'met', true)])).toMatchObject({
			status: 'refused',
			unsynced: false
		});
	});
	it('breaks a tie on time by id, as the server does', () => {
		expect(latestVisit([v('a', 5, 'met'), v('b', 5, 'refused')])?.id).toBe('b');
	});
});

describe('the visit form', () => {
	const ctx = {
		id: '0192f0c0-0000-7000-8000-000000000001',
		provinceCode: '19',
		communeCode: '05569',
		householdId: 'h1',
		routeId: 'r1',
		memberId: 'm1',
		visitedAt: 1
	};
	it('needs an outcome and counts that fit the household', () => {
		const d = emptyDraft(2, ['vneid']);
		expect(draftIssues(d)).toEqual([{ field: 'outcome', code: 'required' }]);
		d.outcome = 'met';
		d.services[0] = { code: 'vneid', already: 2, helped: 1 };
		expect(draftIssues(d)).toEqual([{ field: 'services.vneid', code: 'more_than_adults' }]);
	});
	it('turns "already using" and "helped today" into adults using after the visit', () => {
		const d = { ...emptyDraft(3, ['vneid', 'vssid']), outcome: 'met' as const, note: '  Bà Lan  ' };
		d.services = [
			{ code: 'vneid', already: 1, helped: 2 },
			{ code: 'vssid', already: 0, helped: 1 }
		];
		expect(toVisitPayload(d, ctx)).toMatchObject({
			outcome: 'met',
			peopleHelped: 2,
			note: 'Bà Lan',
			revisitOn: null,
			services: [
				{ serviceCode: 'vneid', adultsUsing: 3, helped: 2 },
				{ serviceCode: 'vssid', adultsUsing: 1, helped: 1 }
			]
		});
	});
	it('records no services when nobody was met', () => {
		const d = {
			...emptyDraft(3, ['vneid']),
			outcome: 'not_home' as const,
			revisitOn: '2026-11-30'
		};
		d.services = [{ code: 'vneid', already: 1, helped: 1 }];
		expect(toVisitPayload(d, ctx)).toMatchObject({
			services: [],
			peopleHelped: 0,
			revisitOn: '2026-11-30'
		});
	});
});

describe('tiles to save for a route', () => {
	it('covers a small area with one tile per low zoom and a few at walking zooms', () => {
		const box = pointsBbox(
			[
				{ lon: 105.65, lat: 21.9 },
				{ lon: 105.652, lat: 21.901 }
			],
			100
		)!;
		const tiles = tilesForBbox(box, [5, 16]);
		expect(tiles.filter((t) => t.z === 5)).toHaveLength(1);
		expect(tiles.filter((t) => t.z === 16).length).toBeGreaterThan(1);
		expect(tiles.filter((t) => t.z === 16).length).toBeLessThan(20);
		expect(tileUrl('/t/{z}/{x}/{y}.pbf', tiles[0]!)).toBe(`/t/5/${tiles[0]!.x}/${tiles[0]!.y}.pbf`);
	});
	it('has no box without located points', () => {
		expect(pointsBbox([])).toBeNull();
	});
});

describe('browser facts', () => {
	it.each([
		[
			'Mozilla/5.0 (Linux; Android 13) AppleWebKit/537.36 Chrome/120 Mobile Safari/537.36 Zalo android/12100',
			'Zalo'
		],
		['Mozilla/5.0 (iPhone; CPU iPhone OS 17_0) [FBAN/FBIOS;FBAV/440.0]', 'Facebook'],
		['Mozilla/5.0 (Linux; Android 13) Chrome/120 Mobile Safari/537.36', null]
	])('tells an in-app browser: %s → %s', (ua, name) => {
		expect(inAppBrowser(ua)).toBe(name);
	});
	it('recognises iOS, iPadOS included', () => {
		expect(isIos('Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X)')).toBe(true);
		expect(isIos('Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7)', 5)).toBe(true);
		expect(isIos('Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7)', 0)).toBe(false);
	});
});

describe('service-worker policy for field pages', () => {
	it.each([
		['/thuc-dia', true, false],
		['/thuc-dia/tuyen/abc', true, false],
		['/thuc-dia/tuyen/abc/__data.json', true, true],
		['/thuc-diax', false, false],
		['/api/field/routes', false, false]
	])('%s: field page %s, field data %s', (path, page, data) => {
		expect(isFieldPage(path)).toBe(page);
		expect(isFieldData(path)).toBe(data);
	});
});
