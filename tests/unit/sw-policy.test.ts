import { describe, expect, it } from 'vitest';
import {
	APP_VERSION_HEADER,
	CACHED_AT_HEADER,
	isGeoAsset,
	isGuideFile,
	isPublicApi,
	isPublicPage,
	isStorable,
	LANG_HEADER,
	PAGE_FIRST_MAX_AGE_MS,
	RENDERED_FOR,
	renderedFor,
	renderedForMessage,
	servableFirst,
	SIGNED_IN_HEADER
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

	it("answers only the guides' content-addressed files from the saved guides", () => {
		expect(isGuideFile(`/api/guides/files/${'a'.repeat(64)}.svg`)).toBe(true);
		expect(isGuideFile('/api/guides')).toBe(false);
		expect(isGuideFile('/api/guides/vneid-muc-2/versions')).toBe(false);
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

describe('opening the map page from its stored copy', () => {
	const now = Date.parse('2026-11-23T10:00:00Z');
	const stamps = (over: Record<string, string | null> = {}) => {
		const h = new Headers({
			[APP_VERSION_HEADER]: 'v42',
			[SIGNED_IN_HEADER]: '0',
			[LANG_HEADER]: 'vi',
			[CACHED_AT_HEADER]: new Date(now - 60_000).toISOString()
		});
		for (const [k, v] of Object.entries(over)) {
			if (v === null) h.delete(k);
			else h.set(k, v);
		}
		return h;
	};
	const anonymousVi = { signedIn: '0', lang: 'vi' };

	it('serves a recent anonymous copy of this version at once', () => {
		expect(servableFirst('/', stamps(), anonymousVi, 'v42', now)).toBe(true);
	});

	it.each([
		['another page', '/xa/05569', stamps(), anonymousVi],
		['a copy from another app version', '/', stamps({ [APP_VERSION_HEADER]: 'v41' }), anonymousVi],
		['a copy without a version', '/', stamps({ [APP_VERSION_HEADER]: null }), anonymousVi],
		[
			'a copy rendered for someone signed in',
			'/',
			stamps({ [SIGNED_IN_HEADER]: '1' }),
			anonymousVi
		],
		['someone signed in since', '/', stamps(), { signedIn: '1', lang: 'vi' }],
		['a language switch since', '/', stamps(), { signedIn: '0', lang: 'en' }],
		['nothing seen yet', '/', stamps(), null],
		['a copy without stamps', '/', stamps({ [LANG_HEADER]: null }), anonymousVi],
		[
			'a copy over a week old',
			'/',
			stamps({ [CACHED_AT_HEADER]: new Date(now - PAGE_FIRST_MAX_AGE_MS - 1).toISOString() }),
			anonymousVi
		],
		[
			'a copy from the future',
			'/',
			stamps({ [CACHED_AT_HEADER]: new Date(now + 60_000).toISOString() }),
			anonymousVi
		],
		['a copy without its time', '/', stamps({ [CACHED_AT_HEADER]: null }), anonymousVi]
	])('asks the network first for %s', (_what, path, stored, seen) => {
		expect(servableFirst(path, stored, seen, 'v42', now)).toBe(false);
	});

	it('reads who a page was rendered for from its stamps', () => {
		expect(renderedFor(stamps())).toEqual(anonymousVi);
		expect(renderedFor(new Headers())).toBeNull();
	});

	it.each([
		[
			{ type: RENDERED_FOR, signedIn: '1', lang: 'en' },
			{ signedIn: '1', lang: 'en' }
		],
		[{ type: RENDERED_FOR, signedIn: true, lang: 'en' }, null],
		[{ type: RENDERED_FOR, signedIn: '0', lang: '<script>' }, null],
		[{ type: 'SKIP_WAITING' }, null],
		['RENDERED_FOR', null],
		[null, null]
	])("takes the app's word on who its data is for from %j: %j", (data, expected) => {
		expect(renderedForMessage(data)).toEqual(expected);
	});
});
