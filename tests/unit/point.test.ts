import { describe, expect, it } from 'vitest';
import { pointIssues, pointOf, VN_BOUNDS } from '../../src/lib/domain/point.ts';
import { readPoint } from '../../src/lib/domain/csv-fields.ts';
import { hamletCreate, hamletPatch } from '../../src/lib/server/api/routes/teams-input.ts';
import {
	householdCreate,
	householdPatch
} from '../../src/lib/server/api/routes/households-input.ts';
import { routePlanBody } from '../../src/lib/server/api/routes/visit-routes-input.ts';
import { hamletInput } from '../../src/lib/server/db/schema/hamlets.input.ts';
import { householdInput } from '../../src/lib/server/db/schema/households.input.ts';

describe('pointIssues: a point is both coordinates or none', () => {
	it.each([
		['no point at all', null, null, []],
		['undefined coordinates as no point', undefined, undefined, []],
		['a whole point in Hà Nội', 105.85, 21.03, []],
		['a point on Trường Sa', 114.3, 8.6, []],
		['a point on Hoàng Sa', 112.3, 16.5, []],
		['a longitude without latitude', 105.85, null, [{ field: 'lat', code: 'half' }]],
		['a latitude without longitude', undefined, 21.03, [{ field: 'lon', code: 'half' }]],
		['swapped coordinates', 21.03, 105.85, ['lon', 'lat']],
		['a zero point', 0, 0, ['lon', 'lat']],
		['a longitude that is not a number', NaN, 21, ['lon']]
	])('judges %s', (_, lon, lat, want) => {
		const issues = pointIssues(lon, lat);
		if (want.length > 0 && typeof want[0] === 'string')
			expect(issues.map((i) => i.field)).toEqual(want);
		else expect(issues).toEqual(want);
	});

	it('covers the commune boundaries (102.144–117.828 °E, 7.184–23.393 °N) with a margin', () => {
		expect(pointIssues(102.144, 23.393)).toEqual([]);
		expect(pointIssues(117.828, 7.184)).toEqual([]);
		expect(VN_BOUNDS.west).toBeLessThan(102.144);
		expect(VN_BOUNDS.north).toBeGreaterThan(23.393);
	});

	it('reads half a stored point, or one outside Vietnam, as no point', () => {
		expect(pointOf({ lon: 105.8, lat: null })).toBeNull();
		expect(pointOf({ lon: 105.8, lat: 6.2 })).toBeNull();
		expect(pointOf({ lon: 105.8, lat: 21 })).toEqual({ lon: 105.8, lat: 21 });
	});
});

describe('every layer applies the same point rule and bounds', () => {
	const hamlet = { communeCode: '05569', name: 'Thôn Đồng Tâm', kind: 'thon' };
	const household = { communeCode: '05569', address: 'Số 1, ngõ 2', adults: 2 };
	const stored = {
		id: 'x',
		provinceCode: '19',
		communeCode: '05569',
		createdAt: Date.UTC(2026, 0, 1)
	};
	const half = { lon: 105.8 };
	const west = { lon: 101.7, lat: 21.5 };
	const cases: [string, (p: object) => boolean][] = [
		['hamlet create (API)', (p) => hamletCreate.safeParse({ ...hamlet, ...p }).success],
		['household create (API)', (p) => householdCreate.safeParse({ ...household, ...p }).success],
		['household patch (API)', (p) => householdPatch.safeParse(p).success],
		['hamlet write schema', (p) => hamletInput.safeParse({ ...stored, ...hamlet, ...p }).success],
		[
			'household write schema',
			(p) => householdInput.safeParse({ ...stored, ...household, ...p }).success
		],
		[
			'CSV cells',
			(p: { lon?: number; lat?: number }) => {
				let ok = true;
				readPoint(p.lon?.toString() ?? '', p.lat?.toString() ?? '', () => (ok = false));
				return ok;
			}
		]
	];
	it.each(cases)('%s refuses half a point and takes the same bounds', (_, accepts) => {
		expect(accepts(half)).toBe(false);
		expect(accepts({ lat: 21 })).toBe(false);
		expect(accepts(west)).toBe(true);
		expect(accepts({ lon: 119, lat: 21 })).toBe(false);
		expect(accepts({ lon: 105, lat: 6 })).toBe(false);
	});

	it('lets a hamlet patch send one coordinate (the handler checks the merged row)', () => {
		expect(hamletPatch.safeParse({ lat: null }).success).toBe(true);
	});

	it('takes route starts as whole points in the same bounds', () => {
		const body = { communeCode: '05569', teamId: 't', routes: [] };
		expect(routePlanBody.safeParse({ ...body, start: [101.7, 21.5] }).success).toBe(true);
		expect(routePlanBody.safeParse({ ...body, start: [105.8] }).success).toBe(false);
		expect(routePlanBody.safeParse({ ...body, start: [119, 21] }).success).toBe(false);
	});
});
