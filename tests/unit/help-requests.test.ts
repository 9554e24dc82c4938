import { describe, expect, it } from 'vitest';
import {
	CODE_ALPHABET,
	helpRequestInput,
	makeRequestCode,
	open311Status,
	parseRequestCode
} from '../../src/lib/domain/help-requests.ts';

describe('help request codes', () => {
	it('makes codes of the province and six unambiguous characters', () => {
		for (let i = 0; i < 200; i++) {
			const code = makeRequestCode('19', crypto.getRandomValues(new Uint8Array(6)));
			expect(code).toMatch(/^19-[A-Z0-9]{6}$/);
			expect([...code.slice(3)].every((c) => CODE_ALPHABET.includes(c))).toBe(true);
			expect(parseRequestCode(code)).toEqual({ code, provinceCode: '19' });
		}
	});

	it.each([
		['19-K7M4QX', '19-K7M4QX'],
		['19k7m4qx', '19-K7M4QX'],
		[' 19 k7m 4qx ', '19-K7M4QX'],
		['19\u2011K7M4QX', '19-K7M4QX'],
		['19–K7M4QX', '19-K7M4QX']
	])('reads %j as typed by a person', (raw, code) => {
		expect(parseRequestCode(raw)?.code).toBe(code);
	});

	it.each(['', '19-K7M4Q', '19-K7M4QXX', 'AB-K7M4QX', '19-K0M4QX', '19-K7M4QO', '19-ILSZB8'])(
		'refuses %j (wrong length, no province, or ambiguous characters)',
		(raw) => {
			expect(parseRequestCode(raw)).toBeNull();
		}
	);
});

describe('the request body', () => {
	const ok = {
		communeCode: '05569',
		services: ['vneid', 'vneid', 'vssid'],
		phone: '+84 912 345 678',
		consent: true
	};

	it('normalises the phone, drops repeated services, defaults the time to any', () => {
		const r = helpRequestInput.parse(ok);
		expect(r).toMatchObject({
			phone: '0912345678',
			services: ['vneid', 'vssid'],
			timeOfDay: 'any',
			hamletId: null,
			address: null
		});
	});

	it.each([
		[{ consent: false }, 'consent'],
		[{ consent: undefined }, 'consent'],
		[{ services: [] }, 'services'],
		[{ phone: '123' }, 'phone'],
		[{ timeOfDay: 'night' }, 'timeOfDay'],
		[{ address: 'x'.repeat(201) }, 'address'],
		[{ communeCode: '5569' }, 'communeCode']
	])('refuses %j naming the field', (over, field) => {
		const r = helpRequestInput.safeParse({ ...ok, ...over });
		expect(r.success).toBe(false);
		expect(r.error!.issues[0]!.path[0]).toBe(field);
	});
});

describe('Open311 status', () => {
	it.each([
		['received', 'open'],
		['scheduled', 'open'],
		['visited', 'closed'],
		['closed', 'closed']
	] as const)('maps %s to %s', (s, o) => {
		expect(open311Status(s)).toBe(o);
	});
});
