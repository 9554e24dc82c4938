import { describe, expect, it } from 'vitest';
import { cleanText, searchKey } from '../../src/lib/domain/text.ts';
import { duplicateKey } from '../../src/lib/domain/household-keys.ts';
import { parseEmail, parsePhone } from '../../src/lib/domain/csv-fields.ts';

describe('cleanText: the one rule for free text entering the system', () => {
	it.each([
		['drops a zero-width space inside a word', 'Ngu\u200byễn', 'Nguyễn'],
		['drops NUL and other C0/C1 controls', 'Số 12\u0000, ngõ\u0007 45\u0085', 'Số 12, ngõ 45'],
		['drops a right-to-left override and its pop', '\u202eSố 12\u202c', 'Số 12'],
		['drops bidi isolates and marks', '\u2066Lan\u2069\u200f', 'Lan'],
		['drops a byte-order mark and a soft hyphen', '\ufeffĐồng\u00adTâm', 'ĐồngTâm'],
		['drops zero-width joiners and word joiners', 'Thôn\u200d\u2060 Đông', 'Thôn Đông'],
		['turns line breaks and tabs into single spaces', 'Số 1\r\nngõ\t2', 'Số 1 ngõ 2'],
		['collapses no-break and ideographic spaces', 'Số\u00a01\u3000ngõ  2', 'Số 1 ngõ 2'],
		['composes combining tone marks (NFC)', 'Hoa\u0300', 'Hoà'],
		['keeps diacritics and case', 'Đặng Thị Hồng', 'Đặng Thị Hồng'],
		['leaves nothing of text made only of invisible characters', '\u200b\u202e\u0000 ', '']
	])('%s', (_, raw, want) => {
		expect(cleanText(raw)).toBe(want);
	});

	it('is idempotent', () => {
		const raw = ' \u202eSố\u200b 12,\u00a0ngõ\u0000 45 ';
		expect(cleanText(cleanText(raw))).toBe(cleanText(raw));
	});

	it('gives text that looks the same the same search key', () => {
		expect(searchKey('Thôn Đồng\u200b Tâm')).toBe(searchKey('Thôn Đồng Tâm'));
		expect(searchKey('Đồ\u200bng')).toBe('dong');
	});

	it('lets the household duplicate check see through invisible characters', () => {
		const plain = duplicateKey('Số 12, ngõ 45, phố Lò Đúc', null);
		expect(duplicateKey(cleanText('Số 1\u200b2, ngõ 45, phố Lò Đúc'), null)).toBe(plain);
		expect(duplicateKey(cleanText('Số 12\u0000, ngõ 45, phố \u202eLò Đúc'), null)).toBe(plain);
	});

	it('reads phone numbers and e-mails copied with invisible bidi marks', () => {
		expect(parsePhone('\u202a0912 345 678\u202c')).toEqual({ ok: true, value: '0912345678' });
		expect(parseEmail('lan\u200b@example.vn')).toEqual({ ok: true, value: 'lan@example.vn' });
	});
});
