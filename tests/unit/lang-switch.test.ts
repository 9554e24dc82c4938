import { describe, expect, it } from 'vitest';
import { langSwitchHref } from '../../src/lib/i18n/lang-switch.ts';

const at = (href: string) => new URL(href, 'http://tungngo.test');

describe('the language switch link', () => {
	it.each([
		['/', 'en', '/?lang=en'],
		[
			'/?metric=adoption_vneid&province=19&commune=05569',
			'en',
			'/?metric=adoption_vneid&province=19&commune=05569&lang=en'
		],
		['/?province=19&lang=en', 'vi', '/?province=19&lang=vi'],
		['/?lang=vi&province=19&lang=en', 'en', '/?province=19&lang=en'],
		['/xa/05569#nhom', 'en', '/xa/05569?lang=en#nhom'],
		[
			'/quan-ly/xa/05569/ke-hoach?date=2026-12-02',
			'vi',
			'/quan-ly/xa/05569/ke-hoach?date=2026-12-02&lang=vi'
		]
	] as const)('keeps %s as it is, in %s', (href, locale, expected) => {
		expect(langSwitchHref(at(href), locale)).toBe(expected);
	});
});
