/**
 * Words and tokens of Vietnamese street addresses, for domain/address.ts.
 *
 * Keywords are matched on the lower-cased token *with* its diacritics when the writer typed
 * them, so "Dương" (a surname) is not "đường" (street) and "Tô" (Tô Hiến Thành) is not "tổ";
 * a token typed without diacritics ("duong", "to") matches the plain form.
 */

export type KeywordRole = 'house' | 'alley' | 'street' | 'hamlet' | 'admin';
export type AlleyWord = 'ngo' | 'ngach' | 'hem' | 'kiet';
export type HamletWord = 'thon' | 'xom' | 'ban' | 'ap' | 'to_dan_pho' | 'khu_pho';

export interface Keyword {
	role: KeywordRole;
	/** Accepted forms of each word, lower case (NFC), with and without diacritics. */
	words: readonly (readonly string[])[];
	/** alley / hamlet kind this keyword introduces. */
	kind?: AlleyWord | HamletWord;
	/** 'number': only before a number ("tổ 5"); 'name': only before a non-number ("P. Lò Đúc"). */
	before?: 'number' | 'name';
	/** Weak keywords never end a name that is being read (abbreviations, plain short words). */
	weak?: boolean;
}

const k = (
	role: KeywordRole,
	words: string[][],
	opts: Omit<Keyword, 'role' | 'words'> = {}
): Keyword => ({ role, words, ...opts });

/** Longest phrases first, so "tổ dân phố" wins over "tổ". */
export const KEYWORDS: readonly Keyword[] = [
	k(
		'hamlet',
		[
			['tổ', 'to'],
			['dân', 'dan'],
			['phố', 'pho']
		],
		{ kind: 'to_dan_pho' }
	),
	k('admin', [
		['thành', 'thanh'],
		['phố', 'pho']
	]),
	k('admin', [
		['thị', 'thi'],
		['xã', 'xa']
	]),
	k('admin', [
		['thị', 'thi'],
		['trấn', 'tran']
	]),
	k('admin', [['đặc', 'dac'], ['khu']]),
	k('hamlet', [['khu'], ['phố', 'pho']], { kind: 'khu_pho' }),
	k(
		'house',
		[
			['số', 'so'],
			['nhà', 'nha']
		],
		{ before: 'number' }
	),
	k(
		'house',
		[
			['nhà', 'nha'],
			['số', 'so']
		],
		{ before: 'number' }
	),
	k('house', [['số', 'so', 'sn', 'nhà', 'nha', 'no']], { before: 'number' }),
	k('alley', [['ngách', 'ngach', 'ngh']], { kind: 'ngach', before: 'number' }),
	k('alley', [['ngõ', 'ngo', 'ng']], { kind: 'ngo', before: 'number' }),
	k('alley', [['hẻm', 'hem', 'h']], { kind: 'hem', before: 'number' }),
	k('alley', [['kiệt', 'kiet', 'k']], { kind: 'kiet', before: 'number' }),
	k('street', [['phố', 'pho', 'p']], { before: 'name' }),
	k('street', [['đường', 'duong', 'đ', 'd', 'đg', 'dg']], { before: 'name' }),
	k('hamlet', [['tdp']], { kind: 'to_dan_pho' }),
	k('hamlet', [['kp']], { kind: 'khu_pho' }),
	k('hamlet', [['tổ', 'to']], { kind: 'to_dan_pho', before: 'number' }),
	k('hamlet', [['thôn', 'thon']], { kind: 'thon' }),
	k('hamlet', [['xóm', 'xom']], { kind: 'xom' }),
	k('hamlet', [['bản', 'ban']], { kind: 'ban', weak: true }),
	k('hamlet', [['buôn', 'buon']], { kind: 'ban' }),
	k('hamlet', [['ấp', 'ap']], { kind: 'ap', weak: true }),
	k('hamlet', [['khóm', 'khom']], { kind: 'ap' }),
	k('admin', [['phường', 'phuong']]),
	k('admin', [['p', 'f']], { before: 'number', weak: true }),
	k('admin', [['xã', 'xa']]),
	k('admin', [['tt', 'tx', 'tp']], { weak: true }),
	k('admin', [['quận', 'quan', 'q']]),
	k('admin', [['huyện', 'huyen']]),
	k('admin', [['h']], { before: 'name', weak: true }),
	k('admin', [['tỉnh', 'tinh']])
];

export interface Token {
	/** As written (NFC), trailing dots removed. */
	raw: string;
	/** Lower case, diacritics kept: matched against keyword forms. */
	lower: string;
	/** Lower case, no diacritics, đ → d: used for keys. */
	key: string;
	/** A part separator (comma, semicolon, spaced dash). */
	sep: boolean;
	/** An abbreviation written straight onto a number ("K" of "K5/12"). */
	glued?: boolean;
}

/** Lower case without diacritics; đ → d. */
export function fold(s: string): string {
	return s
		.normalize('NFD')
		.replace(/[\u0300-\u036f]/g, '')
		.replace(/[đĐ]/g, 'd')
		.toLowerCase();
}

/** A house or alley number: "12", "12a", "210/14/5", or a double plot "12-14". */
export const NUMBER_RE = /^\d+[a-z]{0,3}(\/\d+[a-z]{0,3})*(-\d+[a-z]{0,3})?$/;

/** Abbreviations written straight onto a number: "K5/12", "P.12", "QL1A", "TDP5", "Ng.45". */
const GLUED_RE = /^(ngh|ng|kp|tdp|ql|tl|sn|so|to|k|h|p|q)\.?(\d[\da-z/]*)$/;

function token(raw: string): Token {
	const lower = raw.normalize('NFC').toLowerCase();
	return { raw, lower, key: fold(lower), sep: false };
}

/** Splits an address into tokens: "Số 12, ngách 3" → [số, 12, ',', ngách, 3]. */
export function tokenize(input: string): Token[] {
	const text = input
		.normalize('NFC')
		.replace(/[,;()]|\s[-–—]\s/g, ' , ')
		.replace(/\.(?=[^\s\d])/g, '. ');
	const out: Token[] = [];
	for (const piece of text.split(/\s+/)) {
		const raw = piece.replace(/^[#:]+|[.:]+$/g, '');
		if (raw === ',') out.push({ raw, lower: ',', key: ',', sep: true });
		if (raw === '' || raw === ',') continue;
		const glued = GLUED_RE.exec(fold(raw).replace(/\.(?=\d)/, ''));
		if (glued && glued[1] && glued[2]) {
			out.push({ ...token(raw.slice(0, glued[1].length)), glued: true }, token(glued[2]));
		} else {
			out.push(token(raw));
		}
	}
	return out;
}

/** Word replacements inside names, so abbreviations and spelling variants share a key. */
const NAME_WORDS: Readonly<Record<string, string>> = { ql: 'quoc lo', tl: 'tinh lo' };

/**
 * Key of a name: folded, single spaces, and the y/i spelling variants merged
 * ("Lê Văn Sỹ" = "Lê Văn Sĩ", "Quy Nhơn" = "Qui Nhơn"); "uy", "ay" and "ây" stay as they are.
 */
export function nameKey(tokens: readonly Token[]): string {
	return tokens
		.map((t) => NAME_WORDS[t.key] ?? t.key)
		.join(' ')
		.split(' ')
		.map((w) => w.replace(/^(ch|gh|kh|ngh|ng|nh|ph|th|tr|gi|qu|[bcdghklmnpqrstvx])y$/, '$1i'))
		.join(' ');
}
