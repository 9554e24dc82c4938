import { describe, expect, it } from 'vitest';
import { sameSitePath } from '../../src/lib/domain/safe-path.ts';

describe('where a login may lead', () => {
	it.each([
		['/xa/05569?metric=vneid#ban-do', '/xa/05569?metric=vneid#ban-do'],
		['/quan-ly', '/quan-ly'],
		['/tuyen/3f2a', '/tuyen/3f2a']
	])('keeps a path of this site: %s', (raw, path) => {
		expect(sameSitePath(raw)).toBe(path);
	});

	it.each([
		['a tab that turns the path protocol-relative', '/\t/evil.example'],
		['a line break that does the same', '/\n/evil.example'],
		['a backslash read as a slash', '/\\evil.example'],
		['two slashes', '//evil.example/x'],
		['a dot segment that leaves two slashes', '/..//evil.example'],
		['another scheme', 'javascript:alert(1)'],
		['a full URL', 'https://evil.example/'],
		['nothing', ''],
		['no value', null]
	])('refuses %s', (_why, raw) => {
		expect(sameSitePath(raw)).toBeNull();
	});

	it('drops CR and LF instead of printing them into a header', () => {
		const path = sameSitePath('/xa/05569\r\nSet-Cookie: a=b');
		expect(path).not.toMatch(/[\r\n]/);
		expect(path!.startsWith('/xa/05569')).toBe(true);
	});
});
