import { describe, expect, it } from 'vitest';
import {
	bearingDeg,
	compassPoint,
	legBetween,
	roundDistance
} from '../../src/lib/domain/field/wayfinding.ts';
import { directionsUrl } from '../../src/lib/domain/field/directions.ts';
import { positionErrorState } from '../../src/lib/domain/field/geolocation.ts';
import { formatDistance } from '../../src/lib/i18n/distance.ts';
import type { LonLat } from '../../src/lib/domain/routing/types.ts';

/** A house in Chợ Chu (Định Hoá, Thái Nguyên). */
const HOME: LonLat = [105.6393, 21.9089];
const moved = (dLon: number, dLat: number): LonLat => [HOME[0] + dLon, HOME[1] + dLat];

describe('compass point of a bearing', () => {
	it.each([
		[0, 'N'],
		[22.4, 'N'],
		[22.5, 'NE'],
		[45, 'NE'],
		[90, 'E'],
		[135, 'SE'],
		[180, 'S'],
		[225, 'SW'],
		[270, 'W'],
		[292.4, 'W'],
		[315, 'NW'],
		[337.4, 'NW'],
		[337.5, 'N'],
		[359.9, 'N'],
		[-45, 'NW'],
		[720 + 90, 'E']
	])('calls %f° %s', (deg, point) => {
		expect(compassPoint(deg)).toBe(point);
	});
});

describe('bearing between two houses', () => {
	it.each([
		['due north', moved(0, 0.001), 0],
		['due east', moved(0.001, 0), 90],
		['due south', moved(0, -0.001), 180],
		['due west', moved(-0.001, 0), 270],
		[
			'north-east (a metre east per metre north)',
			moved(0.001 / Math.cos((HOME[1] * Math.PI) / 180), 0.001),
			45
		]
	])('points %s', (_, to, deg) => {
		const b = bearingDeg(HOME, to);
		expect(Math.min(Math.abs(b - deg), 360 - Math.abs(b - deg))).toBeLessThan(0.5);
		expect(b).toBeGreaterThanOrEqual(0);
		expect(b).toBeLessThan(360);
	});
});

describe('leg to the next house', () => {
	it.each([
		['a house 111 m north', moved(0, 0.001), 111, 'N', false],
		['a house 8 m away: already there', moved(0, 0.00007), 8, 'N', true],
		['a house about 1,2 km south-west', moved(-0.0082, -0.0077), 1_200, 'SW', false]
	])('measures %s', (_, to, metres, compass, arrived) => {
		const leg = legBetween(HOME, to);
		expect(Math.abs(leg.distanceM - metres) / metres).toBeLessThan(0.05);
		expect(leg.compass).toBe(compass);
		expect(leg.arrived).toBe(arrived);
	});
});

describe('distance as the member reads it (vi-VN)', () => {
	it.each([
		[3, '5 m', { value: 5, unit: 'm' }],
		[42, '40 m', { value: 40, unit: 'm' }],
		[97, '95 m', { value: 95, unit: 'm' }],
		[120.4, '120 m', { value: 120, unit: 'm' }],
		[994, '990 m', { value: 990, unit: 'm' }],
		[995, '1 km', { value: 1, unit: 'km' }],
		[1_000, '1 km', { value: 1, unit: 'km' }],
		[1_234, '1,2 km', { value: 1.2, unit: 'km' }],
		[12_345, '12,3 km', { value: 12.3, unit: 'km' }]
	])('says %f m as "%s"', (m, text, parts) => {
		expect(formatDistance(m)).toBe(text);
		expect(roundDistance(m)).toEqual(parts);
	});
});

describe('"Chỉ đường" opens the phone’s map app', () => {
	const ANDROID =
		'Mozilla/5.0 (Linux; Android 14; Pixel 7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Mobile Safari/537.36';
	const ZALO_ANDROID = `${ANDROID} Zalo android/12110690`;
	const IPHONE =
		'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1';
	const IPADOS =
		'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Safari/605.1.15';
	const DESKTOP =
		'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Safari/537.36';
	const P = { lon: 105.63931234, lat: 21.9089 };

	it.each([
		['Android: a geo: URI', ANDROID, 'foot', 0, 'geo:21.9089,105.639312?q=21.9089,105.639312'],
		[
			'Android in Zalo: a geo: URI',
			ZALO_ANDROID,
			'motorbike',
			0,
			'geo:21.9089,105.639312?q=21.9089,105.639312'
		],
		[
			'iPhone on foot: Apple Maps walking',
			IPHONE,
			'foot',
			5,
			'https://maps.apple.com/?daddr=21.9089,105.639312&dirflg=w'
		],
		[
			'iPhone by motorbike: Apple Maps driving',
			IPHONE,
			'motorbike',
			5,
			'https://maps.apple.com/?daddr=21.9089,105.639312&dirflg=d'
		],
		[
			'iPhone by bicycle: Apple Maps, its own choice',
			IPHONE,
			'bicycle',
			5,
			'https://maps.apple.com/?daddr=21.9089,105.639312'
		],
		[
			'iPad (says Mac, has touch): Apple Maps',
			IPADOS,
			'foot',
			5,
			'https://maps.apple.com/?daddr=21.9089,105.639312&dirflg=w'
		],
		[
			'a Mac without touch: Google Maps',
			IPADOS,
			'foot',
			0,
			'https://www.google.com/maps/dir/?api=1&destination=21.9089%2C105.639312&travelmode=walking'
		],
		[
			'elsewhere on foot: Google Maps walking',
			DESKTOP,
			'foot',
			0,
			'https://www.google.com/maps/dir/?api=1&destination=21.9089%2C105.639312&travelmode=walking'
		],
		[
			'elsewhere by motorbike: Google Maps two-wheeler',
			DESKTOP,
			'motorbike',
			0,
			'https://www.google.com/maps/dir/?api=1&destination=21.9089%2C105.639312&travelmode=two-wheeler'
		],
		[
			'elsewhere by bicycle: Google Maps bicycling',
			DESKTOP,
			'bicycle',
			0,
			'https://www.google.com/maps/dir/?api=1&destination=21.9089%2C105.639312&travelmode=bicycling'
		]
	] as const)('%s', (_, ua, mode, touch, url) => {
		expect(directionsUrl(ua, P, mode, touch)).toBe(url);
	});
});

describe('position errors', () => {
	it.each([
		[1, 'denied'],
		[2, 'unavailable'],
		[3, 'timeout'],
		[99, 'unavailable']
	])('reads browser error code %i as %s', (code, state) => {
		expect(positionErrorState(code)).toBe(state);
	});
});
