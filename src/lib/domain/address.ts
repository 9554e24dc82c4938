/**
 * Vietnamese address parser: finds the house number, the alley (ngõ / ngách / hẻm / kiệt), the
 * street (phố / đường) and the hamlet (thôn / xóm / bản / ấp / tổ dân phố) in free text, with or
 * without diacritics and with the usual abbreviations ("Ng.", "P.", "Số", "K5/12", "210/14/5").
 *
 * Its keys feed `households.alleyKey` / `addressKey`: every house of one alley gets the same
 * alley key, whatever way it was written, and `position` + `side` order houses along the alley.
 *
 * Alley numbers form a path under the street: "ngách 3, ngõ 45" = "ngách 45/3" = [45, 3];
 * "Hẻm 210/14 Lê Văn Sỹ" = [210, 14]; in "210/14/5 Lê Văn Sỹ" the last number is the house.
 */
import {
	KEYWORDS,
	NUMBER_RE,
	nameKey,
	tokenize,
	type AlleyWord,
	type HamletWord,
	type Keyword,
	type Token
} from './address-lexicon.ts';

export type { HamletWord } from './address-lexicon.ts';

export interface HouseNumber {
	/** Numeric part: the position along the alley. */
	number: number;
	/** Letters after the number ("12A" → "a"), sorted after the bare number. */
	suffix: string;
	/** "12a" */
	key: string;
}

export interface ParsedAddress {
	house: HouseNumber | null;
	/** Alley numbers from the street inwards: ["45", "3"] for ngách 3 of ngõ 45. */
	alleyPath: string[];
	street: { name: string; key: string } | null;
	hamlet: { kind: HamletWord; name: string; key: string } | null;
	/** Same for every house of one alley (or of one street / hamlet when there is no alley). */
	alleyKey: string;
	/** Normalised whole address: alley key plus house number, for duplicate detection. */
	addressKey: string;
	/** House number along the alley, or null when the address has none. */
	position: number | null;
	/** Odd and even numbers usually lie on opposite sides of an alley. */
	side: 'odd' | 'even' | null;
}

interface State {
	house: HouseNumber | null;
	/** Alley numbers written in front of the house number ("210/14" of "210/14/5"). */
	houseChain: string[];
	alleys: { kind: AlleyWord; chain: string[] }[];
	street: Token[] | null;
	hamlet: { kind: HamletWord; tokens: Token[] } | null;
	rest: Token[];
}

interface Match {
	kw: Keyword;
	length: number;
}

const isNumber = (t: Token | undefined): t is Token => !!t && !t.sep && NUMBER_RE.test(t.key);

/** The keyword starting at tokens[i], honouring its "before a number / a name" condition. */
function matchKeyword(tokens: readonly Token[], i: number): Match | null {
	for (const kw of KEYWORDS) {
		const n = kw.words.length;
		const fits = kw.words.every((forms, j) => {
			const t = tokens[i + j];
			return !!t && !t.sep && forms.includes(t.lower);
		});
		if (!fits) continue;
		const next = tokens[i + n];
		if (kw.before === 'number' && !isNumber(next)) continue;
		if (kw.before === 'name' && (!next || next.sep || isNumber(next))) continue;
		return { kw, length: n };
	}
	return null;
}

/** Reads a name up to a separator or a (non-weak) keyword; the first word is always taken. */
function readName(tokens: readonly Token[], i: number): { name: Token[]; next: number } {
	const name: Token[] = [];
	let j = i;
	for (; j < tokens.length; j++) {
		const t = tokens[j]!;
		if (t.sep) break;
		const kw = name.length > 0 ? matchKeyword(tokens, j)?.kw : undefined;
		if (kw && !kw.weak) break;
		name.push(t);
	}
	return { name, next: j };
}

function parseHouse(key: string): HouseNumber | null {
	const m = /^(\d+)([a-z]*)(?:-\d+[a-z]*)?$/.exec(key); // "12-14": a double plot, at 12
	return m ? { number: Number(m[1]), suffix: m[2] ?? '', key } : null;
}

function setHouse(st: State, chainKey: string): void {
	const chain = chainKey.split('/');
	const house = parseHouse(chain.pop() ?? '');
	if (st.house || !house) return;
	st.house = house;
	st.houseChain = chain;
}

function applyAlley(st: State, kwToken: Token, kind: AlleyWord, numberKey: string): void {
	const chain = numberKey.split('/');
	// "K5/12 Trần Phú" (Huế, Đà Nẵng) is house 12 in kiệt 5; "Kiệt 5/12" names the alley.
	if (kind === 'kiet' && kwToken.glued && chain.length > 1) {
		setHouse(st, chain.pop()!);
	}
	st.alleys.push({ kind, chain });
}

function applyHamlet(st: State, tokens: readonly Token[], i: number, kind: HamletWord): number {
	let j = i;
	if (tokens[j]?.key === 'so' && isNumber(tokens[j + 1])) j++; // "TDP số 5"
	const read = isNumber(tokens[j]) ? { name: [tokens[j]!], next: j + 1 } : readName(tokens, j);
	if (!st.hamlet && read.name.length > 0) st.hamlet = { kind, tokens: read.name };
	return read.next;
}

/** Applies one keyword match at tokens[i]; returns the index after what it consumed. */
function applyKeyword(st: State, tokens: readonly Token[], i: number, m: Match): number {
	const after = i + m.length;
	const next = tokens[after];
	switch (m.kw.role) {
		case 'house':
			setHouse(st, next!.key);
			return after + 1;
		case 'alley':
			applyAlley(st, tokens[i]!, m.kw.kind as AlleyWord, next!.key);
			return after + 1;
		case 'street': {
			const read = readName(tokens, after);
			st.street ??= read.name;
			return read.next;
		}
		case 'hamlet':
			return applyHamlet(st, tokens, after, m.kw.kind as HamletWord);
		case 'admin': {
			// Administrative units ("phường 12", "xã Bình Thành") never shape the alley.
			let j = after;
			while (j < tokens.length && !tokens[j]!.sep) j++;
			return j;
		}
	}
}

/**
 * A token that starts with no keyword: a bare number (house) or a bare name: the street, unless
 * a street or hamlet is known already ("Xóm 5 Bình Thành": Bình Thành is the commune).
 */
function applyBare(st: State, tokens: readonly Token[], i: number): number {
	const t = tokens[i]!;
	if (isNumber(t)) {
		if (st.house) st.rest.push(t);
		else setHouse(st, t.key);
		return i + 1;
	}
	const read = readName(tokens, i);
	if (st.street || st.hamlet) st.rest.push(...read.name);
	else st.street = read.name;
	return read.next;
}

const ALLEY_LEVEL: Record<AlleyWord, number> = { ngo: 1, kiet: 1, ngach: 2, hem: 1 };

const startsWith = (chain: string[], path: string[]) => path.every((p, i) => chain[i] === p);

/**
 * Merges alley chains from the street inwards. A chain longer than the path that repeats it
 * ("ngách 45/3" after "ngõ 45") replaces it; a shorter one ("ngách 3") is appended.
 */
function alleyPath(st: State): string[] {
	const hasNgo = st.alleys.some((a) => a.kind === 'ngo' || a.kind === 'ngach');
	// In the north hẻm is the level below ngách; elsewhere it is the first level.
	const level = (kind: AlleyWord) => (kind === 'hem' && hasNgo ? 3 : ALLEY_LEVEL[kind]);
	let path: string[] = [];
	for (const { chain } of [...st.alleys].sort((a, b) => level(a.kind) - level(b.kind))) {
		path = chain.length > path.length && startsWith(chain, path) ? chain : path.concat(chain);
	}
	// "210/14/5" written beside "hẻm 210/14" names the same alley twice.
	const hc = st.houseChain;
	if (hc.length > 0) path = hc.length >= path.length && startsWith(hc, path) ? hc : path.concat(hc);
	return path;
}

const HAMLET_KEY_WORD: Record<HamletWord, string> = {
	thon: 'thon',
	xom: 'xom',
	ban: 'ban',
	ap: 'ap',
	to_dan_pho: 'to dan pho',
	khu_pho: 'khu pho'
};

const display = (tokens: readonly Token[]) => tokens.map((t) => t.raw).join(' ');

function build(st: State): ParsedAddress {
	const street = st.street?.length ? { name: display(st.street), key: nameKey(st.street) } : null;
	const hamlet = st.hamlet
		? {
				kind: st.hamlet.kind,
				name: display(st.hamlet.tokens),
				key: `${HAMLET_KEY_WORD[st.hamlet.kind]} ${nameKey(st.hamlet.tokens)}`
			}
		: null;
	const path = alleyPath(st);
	const base = street?.key ?? hamlet?.key ?? '';
	let alleyKey = path.length > 0 ? `${base}|${path.join('/')}` : base;
	if (alleyKey === '') alleyKey = nameKey(st.rest);
	const { house } = st;
	return {
		house,
		alleyPath: path,
		street,
		hamlet,
		alleyKey,
		addressKey: house ? `${alleyKey}#${house.key}` : alleyKey,
		position: house?.number ?? null,
		side: house ? (house.number % 2 === 0 ? 'even' : 'odd') : null
	};
}

/**
 * Parses a free-text Vietnamese address. Never throws: text it cannot place is ignored for the
 * keys unless nothing else was found (then the key is the folded text itself).
 * @returns the parts, `alleyKey`, `addressKey`, `position` and `side`.
 */
export function parseAddress(input: string): ParsedAddress {
	const tokens = tokenize(input);
	const st: State = {
		house: null,
		houseChain: [],
		alleys: [],
		street: null,
		hamlet: null,
		rest: []
	};
	let i = 0;
	while (i < tokens.length) {
		if (tokens[i]!.sep) {
			i++;
			continue;
		}
		const m = matchKeyword(tokens, i);
		i = m ? applyKeyword(st, tokens, i, m) : applyBare(st, tokens, i);
	}
	return build(st);
}

/** The alley key of an address (see parseAddress). */
export function alleyKeyOf(input: string): string {
	return parseAddress(input).alleyKey;
}
