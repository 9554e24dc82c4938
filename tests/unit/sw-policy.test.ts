import { describe, expect, it } from 'vitest';
import {
	isGeoAsset,
	isPublicApi,
	isPublicPage,
	isStorable
} from '../../src/lib/offline/sw/policy.ts';

describe('service worker cache policy', () => {
	it.each([
		['/', true],
		['/xa/05569', true],
		['/tinh/19', true],
		['/tinh/19/', true],
		['/xa/5569', false],
		['/quan-ly', false],
		['/api/health', false]
	])('treats page %s as public: %s', (path, expected) => {
		expect(isPublicPage(path)).toBe(expected);
	});

	it.each([
		['/api/provinces', true],
		['/api/communes/05569', true],
		['/api/metrics/communes', true],
		['/api/health', false],
		['/api/households', false],
		['/api/visits', false],
		['/api/auth/me', false]
	])('treats API %s as public: %s', (path, expected) => {
		expect(isPublicApi(path)).toBe(expected);
	});

	it('keeps map geometry under /geo/', () => {
		expect(isGeoAsset('/geo/tiles/v1/5/25/14.pbf')).toBe(true);
		expect(isGeoAsset('/api/geo')).toBe(false);
	});

	it.each([
		[200, 'public, max-age=300', true],
		[200, null, true],
		[200, 'no-store', false],
		[200, 'private, max-age=60', false],
		[200, 'public, no-store', false],
		[404, 'public', false],
		[500, null, false],
		[206, 'public', false]
	])('stores status %s with Cache-Control %s: %s', (status, cc, expected) => {
		expect(isStorable(status, cc)).toBe(expected);
	});
});
