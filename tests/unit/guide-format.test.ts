/** Reading and checking an uploaded guide (domain/guides): every problem names its line. */
import { describe, expect, it } from 'vitest';
import { parseGuideText } from '../../src/lib/domain/guides/guide-format.ts';
import { checkGuideUpload, imageProblem } from '../../src/lib/domain/guides/guide-files.ts';

const SERVICES = ['vneid', 'vssid'];
const enc = (s: string) => new TextEncoder().encode(s);
const SVG =
	'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><rect width="10" height="10"/></svg>';

const GOOD = `---
id: vneid-muc-2
service: vneid
title: Cài VNeID
summary: Từng bước cài đặt.
official: https://onetouch.mic.gov.vn | OneTouch
---

## Chuẩn bị
Mang theo căn cước.
Điện thoại có mạng.

Dòng đoạn thứ hai.
![Điện thoại và thẻ căn cước](chuan-bi.svg)

## Tải ứng dụng
Mở CH Play, tìm VNeID.
`;

describe('parseGuideText', () => {
	it('reads the front matter and one card per "## " heading, paragraphs joined', () => {
		const { guide, errors } = parseGuideText(GOOD, SERVICES);
		expect(errors).toEqual([]);
		expect(guide).toMatchObject({
			slug: 'vneid-muc-2',
			service: 'vneid',
			title: 'Cài VNeID',
			official: { url: 'https://onetouch.mic.gov.vn', label: 'OneTouch' }
		});
		expect(guide!.steps.map((s) => s.title)).toEqual(['Chuẩn bị', 'Tải ứng dụng']);
		expect(guide!.steps[0]!.text).toEqual([
			'Mang theo căn cước. Điện thoại có mạng.',
			'Dòng đoạn thứ hai.'
		]);
		expect(guide!.steps[0]!.image).toEqual({
			file: 'chuan-bi.svg',
			alt: 'Điện thoại và thẻ căn cước',
			line: 14
		});
	});

	it.each([
		['no front matter', '## Bước\nChữ', 1, 'front matter'],
		['an unknown service', GOOD.replace('service: vneid', 'service: zalo'), 3, 'service'],
		['an id with capitals', GOOD.replace('id: vneid-muc-2', 'id: VNeID'), 2, 'id'],
		['a missing title', GOOD.replace('title: Cài VNeID\n', ''), 1, 'title'],
		[
			'an http (not https) official link',
			GOOD.replace('https://onetouch', 'http://onetouch'),
			6,
			'official'
		],
		['an unknown key', GOOD.replace('summary:', 'tomtat:'), 5, 'tomtat'],
		[
			'text before the first step',
			GOOD.replace('\n## Chuẩn bị', 'Lời mở đầu\n## Chuẩn bị'),
			8,
			'bước'
		],
		['a step without text', GOOD.replace('Mở CH Play, tìm VNeID.\n', ''), 16, 'bước'],
		[
			'a picture without a description',
			GOOD.replace('[Điện thoại và thẻ căn cước]', '[]'),
			14,
			'hình'
		],
		[
			'two pictures in one step',
			GOOD.replace('(chuan-bi.svg)', '(chuan-bi.svg)\n![Hai](b.svg)'),
			15,
			'hình'
		],
		['a "#" heading', GOOD.replace('## Tải', '# Tải'), 16, 'bước']
	])('refuses %s, naming line %i and the field', (_, text, line, field) => {
		const { guide, errors } = parseGuideText(text, SERVICES);
		expect(guide).toBeNull();
		expect(errors).toContainEqual(expect.objectContaining({ line, field }));
		for (const e of errors) expect(e.message.length).toBeGreaterThan(5);
	});

	it('refuses a step whose text is too long to read at the door', () => {
		const { errors } = parseGuideText(
			GOOD.replace('Mở CH Play, tìm VNeID.', 'chữ '.repeat(200)),
			SERVICES
		);
		expect(errors).toEqual([
			expect.objectContaining({ line: 16, message: expect.stringMatching(/7\d\d ký tự/) })
		]);
	});
});

describe('checkGuideUpload', () => {
	it('accepts guide.md with its pictures, inside one zipped folder', () => {
		const { checked, errors } = checkGuideUpload(
			{ 'vneid/guide.md': enc(GOOD), 'vneid/chuan-bi.svg': enc(SVG), '__MACOSX/x': enc('') },
			SERVICES
		);
		expect(errors).toEqual([]);
		expect([...checked!.images.keys()]).toEqual(['chuan-bi.svg']);
	});

	it.each([
		['no guide.md', { 'x.md': enc(GOOD) }, 'guide.md'],
		['a missing picture', { 'guide.md': enc(GOOD) }, 'chuan-bi.svg'],
		[
			'an unused file',
			{ 'guide.md': enc(GOOD), 'chuan-bi.svg': enc(SVG), 'old.svg': enc(SVG) },
			'old.svg'
		],
		[
			'a PNG named .svg',
			{ 'guide.md': enc(GOOD), 'chuan-bi.svg': new Uint8Array([0x89, 0x50, 0x4e, 0x47]) },
			'chuan-bi.svg'
		],
		[
			'a picture over 1 MB',
			{ 'guide.md': enc(GOOD), 'chuan-bi.svg': enc(`<svg>${' '.repeat(1_100_000)}</svg>`) },
			'chuan-bi.svg'
		]
	])('refuses %s', (_, files, field) => {
		const { checked, errors } = checkGuideUpload(files, SERVICES);
		expect(checked).toBeNull();
		expect(errors).toContainEqual(expect.objectContaining({ field }));
	});
});

describe('checkGuideUpload, all at once', () => {
	it('reports a step without text and a missing picture in one go', () => {
		const text = GOOD.replace('Mở CH Play, tìm VNeID.\n', '');
		const { errors } = checkGuideUpload({ 'guide.md': enc(text) }, SERVICES);
		expect(errors).toEqual([
			expect.objectContaining({ line: 16, field: 'bước' }),
			expect.objectContaining({ line: 14, field: 'chuan-bi.svg' })
		]);
	});
});

describe('imageProblem', () => {
	it.each([
		['<svg><script>alert(1)</script></svg>', /script/],
		['<svg onload="x()"></svg>', /sự kiện/],
		['<svg><image href="https://evil.example/x.png"/></svg>', /liên kết/],
		['<svg><foreignObject/></svg>', /foreignObject/],
		['<html></html>', /không phải tệp SVG/]
	])('refuses the SVG %s', (svg, why) => {
		expect(imageProblem('svg', enc(svg))).toMatch(why);
	});

	it('accepts a drawing that links only within itself', () => {
		expect(
			imageProblem('svg', enc('<svg><defs><g id="a"/></defs><use href="#a"/></svg>'))
		).toBeNull();
	});

	it.each([
		['png', [0x89, 0x50, 0x4e, 0x47, 0x0d], null],
		['jpg', [0xff, 0xd8, 0xff, 0xe0], null],
		['jpg', [0x89, 0x50, 0x4e, 0x47], 'không phải ảnh JPEG'],
		['webp', [...enc('RIFF'), 0, 0, 0, 0, ...enc('WEBP')], null]
	] as const)('checks a %s by its first bytes', (ext, bytes, problem) => {
		expect(imageProblem(ext, new Uint8Array(bytes))).toBe(problem);
	});
});
