import { describe, expect, it } from 'vitest';
import type { Polygon } from 'geojson';
import { generateCommune, generateDemo } from '../../src/lib/server/demo/generate.ts';
import { communeShape, isInside } from '../../src/lib/server/demo/geo.ts';
import { selectDemoCommunes } from '../../src/lib/server/demo/select.ts';
import type { DemoCommune } from '../../src/lib/server/demo/types.ts';
import { parseAddress } from '../../src/lib/domain/address.ts';
import { hamletInput } from '../../src/lib/server/db/schema/hamlets.input.ts';
import { memberInput, teamInput } from '../../src/lib/server/db/schema/teams.input.ts';
import { householdInput } from '../../src/lib/server/db/schema/households.input.ts';
import { visitInput } from '../../src/lib/server/db/schema/visits.input.ts';

const NOW = Date.UTC(2026, 10, 23);

/** A 3 × 3 km square near Thái Nguyên with a 1 km hole: points must avoid the hole too. */
const square: Polygon = {
	type: 'Polygon',
	coordinates: [
		[
			[105.8, 21.6],
			[105.83, 21.6],
			[105.83, 21.63],
			[105.8, 21.63],
			[105.8, 21.6]
		],
		[
			[105.81, 21.61],
			[105.81, 21.62],
			[105.82, 21.62],
			[105.82, 21.61],
			[105.81, 21.61]
		]
	]
};

const commune = (code: string, provinceCode: string, unitType: string): DemoCommune => ({
	code,
	provinceCode,
	name: 'Đồng Tâm',
	unitType,
	shape: communeShape(square, [105.805, 21.605])
});

const COMMUNES = [
	commune('01840', '19', 'Phường'),
	commune('01849', '19', 'Xã'),
	commune('05986', '20', 'Phường'),
	commune('00004', '01', 'Phường'),
	commune('25747', '79', 'Phường'),
	commune('20194', '48', 'Phường'),
	...Array.from({ length: 14 }, (_, i) => commune(`0${6001 + i}`, '20', 'Xã'))
];

describe('generateDemo', () => {
	const data = generateDemo(COMMUNES, 'test-seed', NOW);

	it('is deterministic: same seed and day, same records and ids', () => {
		expect(generateDemo(COMMUNES, 'test-seed', NOW)).toEqual(data);
		const other = generateDemo(COMMUNES, 'other-seed', NOW);
		expect(other.households.map((h) => h.id)).not.toEqual(data.households.map((h) => h.id));
	});

	it('gives a commune the same records whatever other communes are generated', () => {
		const alone = generateCommune(COMMUNES[1]!, 'test-seed', NOW);
		const inAll = data.households.filter((h) => h.communeCode === COMMUNES[1]!.code);
		expect(alone.households).toEqual(inAll);
	});

	it('produces records the write schemas accept, all marked as demo', () => {
		for (const [schema, rows] of [
			[hamletInput, data.hamlets],
			[teamInput, data.teams],
			[memberInput, data.members],
			[householdInput, data.households],
			[visitInput, data.visits]
		] as const) {
			expect(rows.length).toBeGreaterThan(0);
			for (const row of rows) {
				expect(schema.safeParse(row).success).toBe(true);
				expect(row.isDemo).toBe(true);
			}
		}
	});

	it('puts every hamlet and house inside the commune polygon, outside its hole', () => {
		const shape = COMMUNES[0]!.shape;
		for (const p of [...data.hamlets, ...data.households]) {
			expect(isInside(shape, [p.lon!, p.lat!])).toBe(true);
		}
	});

	it('gives teams 2–10 members, with a leader first', () => {
		for (const t of data.teams) {
			const ms = data.members.filter((m) => m.teamId === t.id);
			expect(ms.length).toBeGreaterThanOrEqual(2);
			expect(ms.length).toBeLessThanOrEqual(10);
			expect(ms[0]!.teamRole).toBe('to_truong');
		}
	});

	it('keeps visit counts consistent with the household’s adults', () => {
		const adults = new Map(data.households.map((h) => [h.id, h.adults]));
		for (const v of data.visits) {
			expect(v.adults).toBe(adults.get(v.householdId));
			for (const s of v.services ?? []) {
				expect(s.adultsUsing).toBeLessThanOrEqual(v.adults);
				expect(s.helped).toBeLessThanOrEqual(s.adultsUsing);
			}
		}
	});

	it('dates visits mostly in the last 12 months, some older, none in the future', () => {
		const yearAgo = NOW - 365 * 86_400_000;
		const older = data.visits.filter((v) => v.visitedAt < yearAgo).length;
		expect(older).toBeGreaterThan(0);
		expect(older / data.visits.length).toBeLessThan(0.3);
		expect(Math.max(...data.visits.map((v) => v.visitedAt))).toBeLessThan(NOW);
		const outcomes = new Set(data.visits.map((v) => v.outcome));
		expect([...outcomes].sort()).toEqual(['do_not_contact', 'met', 'moved', 'not_home', 'refused']);
	});

	it('writes addresses in each region’s own way', () => {
		const of = (code: string) =>
			data.households.filter((h) => h.communeCode === code).map((h) => h.address);
		expect(of('00004').some((a) => /ngõ \d+, phố /.test(a))).toBe(true);
		expect(of('25747').some((a) => /^\d+(\/\d+)+ /.test(a) || /hẻm/.test(a))).toBe(true);
		expect(of('20194').some((a) => /kiệt|^K\d/.test(a))).toBe(true);
		const rural = data.hamlets.filter((h) => h.communeCode.startsWith('060')).map((h) => h.name);
		expect(rural.some((n) => /^(Thôn|Bản|Xóm) /.test(n))).toBe(true);
	});

	it('writes the houses of one town alley so that they share one alley key', () => {
		const ward = data.households.filter((h) => h.communeCode === '00004');
		const keys = new Set(ward.map((h) => parseAddress(h.address).alleyKey));
		// Many houses, few alleys: every hamlet has 2–4 alleys plus its street.
		expect(keys.size).toBeLessThan(ward.length / 3);
		for (const k of keys) expect(k).toMatch(/^[a-z ]+(\|\d+(\/\d+)?)?$/);
	});
});

describe('selectDemoCommunes', () => {
	const all = [
		{ code: '01840', provinceCode: '19', unitType: 'Phường' },
		{ code: '01849', provinceCode: '19', unitType: 'Xã' },
		{ code: '05986', provinceCode: '20', unitType: 'Phường' },
		{ code: '00004', provinceCode: '01', unitType: 'Phường' },
		{ code: '00008', provinceCode: '01', unitType: 'Phường' },
		{ code: '00010', provinceCode: '01', unitType: 'Xã' },
		{ code: '00012', provinceCode: '01', unitType: 'Xã' },
		{ code: '20333', provinceCode: '48', unitType: 'Đặc khu' },
		{ code: '99999', provinceCode: '96', unitType: 'Xã' }
	];

	it('takes every commune of Thái Nguyên and Lạng Sơn and 1–3 of the sprinkled provinces', () => {
		const codes = selectDemoCommunes(all, 'tung-ngo-demo');
		expect(codes).toEqual(expect.arrayContaining(['01840', '01849', '05986']));
		const hanoi = codes.filter((c) => c.startsWith('000'));
		expect(hanoi.length).toBeGreaterThanOrEqual(1);
		expect(hanoi.length).toBeLessThanOrEqual(3);
		expect(hanoi.some((c) => c === '00004' || c === '00008')).toBe(true); // at least one phường
		expect(codes).not.toContain('20333'); // no special zones (Hoàng Sa)
		expect(codes).not.toContain('99999'); // Cà Mau is not sprinkled
		expect(selectDemoCommunes(all, 'tung-ngo-demo')).toEqual(codes);
	});
});
