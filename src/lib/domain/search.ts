/**
 * Ranking for place-name search. Queries and names are compared on their search keys
 * (domain/text.ts), so case and diacritics never matter: "dinh hoa" = "Định Hoá" = "Định Hóa".
 *
 * People type a place the way it is written on signs and letters, unit word included:
 * "xã Định Hoá", "phuong ba dinh", "tinh thai nguyen", "TP. Hồ Chí Minh", "Dinh Hoa commune".
 * A query is therefore matched twice: as typed (so "Phương Liệt" and "Xa Dung", whose names
 * begin like unit words, still match exactly) and without its unit word, where a place of the
 * typed unit ranks first ("phường Ba Đình" before "xã Ba Đình").
 */
import { searchKey } from './text.ts';

/**
 * A place as GET /api/search answers it (`results`): a province or a commune, with its
 * province (to tell namesakes apart) and its extent [west, south, east, north] when known.
 * The server's query and the map's search box share this one type.
 */
export interface Place {
	kind: 'province' | 'commune';
	code: string;
	name: string;
	fullName: string;
	fullNameEn: string;
	provinceCode: string;
	provinceName: string;
	bbox: [number, number, number, number] | null;
}

/** Units of the two-level system (since 2025-07-01), as search keys of their full names. */
export const PLACE_UNITS = ['xa', 'phuong', 'dac khu', 'tinh', 'thanh pho'] as const;
export type PlaceUnit = (typeof PLACE_UNITS)[number];

/**
 * Unit words as typed, before the name (Vietnamese order), with the unit each means. `null`
 * marks words of units that no longer exist (thị trấn, quận, huyện, thị xã): people still type
 * them, and the commune that took the name is the likeliest target, whatever its unit now.
 */
const LEADING_UNITS: readonly (readonly [string, PlaceUnit | null])[] = [
	['thi tran', null],
	['thi xa', null],
	['thanh pho', 'thanh pho'],
	['dac khu', 'dac khu'],
	['phuong', 'phuong'],
	['tinh', 'tinh'],
	['xa', 'xa'],
	['tp', 'thanh pho'],
	['tt', null],
	['tx', null],
	['quan', null],
	['huyen', null]
];

/** Unit words typed after the name (English order, as in "Dinh Hoa Commune"). */
const TRAILING_UNITS: readonly (readonly [string, PlaceUnit | null])[] = [
	['special zone', 'dac khu'],
	['commune', 'xa'],
	['ward', 'phuong'],
	['province', 'tinh'],
	['city', 'thanh pho'],
	['district', null],
	['town', null]
];

export interface SearchCandidate {
	kind: 'province' | 'commune';
	code: string;
	/** Search key of the short name ("dinh hoa"). */
	key: string;
	/** Full name with its unit ("Xã Định Hoá"), when known: a typed unit word prefers it. */
	fullName?: string;
}

/** A normalised query: the whole key, and the name and unit when a unit word was typed. */
export interface PlaceQuery {
	/** Search key of everything typed ("xa dinh hoa"). */
	key: string;
	/** The key without its unit word ("dinh hoa"); equal to `key` when none was typed. */
	name: string;
	/** The unit the typed word means, or null (none typed, or a unit that no longer exists). */
	unit: PlaceUnit | null;
}

/** Bonus for a place of the typed unit: above the province tie-break, below a match tier. */
const UNIT_BONUS = 20;

/**
 * Score of a candidate for a normalised query, or 0 for no match. Higher is better:
 * exact name > name starts with query > a word starts with query > contains query.
 * Provinces win ties, since a province is the wider, likelier target.
 */
export function scoreMatch(candidate: SearchCandidate, query: string): number {
	const { key } = candidate;
	let score = 0;
	if (key === query) score = 400;
	else if (key.startsWith(query)) score = 300;
	else if (key.includes(` ${query}`)) score = 200;
	else if (key.includes(query)) score = 100;
	if (score === 0) return 0;
	return score + (candidate.kind === 'province' ? 5 : 0) - Math.min(key.length, 40) / 100;
}

/** Normalises raw user input to a query key; empty when nothing searchable is left. */
export function normaliseQuery(raw: string): string {
	return searchKey(raw).slice(0, 60);
}

/**
 * Splits a unit word off a raw query: "Phường Ba Đình" → name "ba dinh", unit "phuong".
 * A unit word alone ("xã") is kept as the name, since it may be the start of one ("Xa Dung").
 */
export function parseQuery(raw: string): PlaceQuery {
	const key = normaliseQuery(raw);
	for (const [word, unit] of LEADING_UNITS) {
		if (key.startsWith(`${word} `)) return { key, name: key.slice(word.length + 1), unit };
	}
	for (const [word, unit] of TRAILING_UNITS) {
		if (key.endsWith(` ${word}`)) return { key, name: key.slice(0, -word.length - 1), unit };
	}
	return { key, name: key, unit: null };
}

/**
 * The text every match of a raw query contains (its name without the unit word), for a
 * database pre-filter that the ranking then narrows: "xa dinh hoa" → "dinh hoa".
 */
export function filterKey(raw: string): string {
	return parseQuery(raw).name;
}

/** The unit of a full name ("Xã Định Hoá" → "xa"), or null when it names none. */
export function unitOf(fullName: string): PlaceUnit | null {
	const key = searchKey(fullName);
	return PLACE_UNITS.find((u) => key === u || key.startsWith(`${u} `)) ?? null;
}

/**
 * Score of a candidate for a parsed query: the better of the match as typed and the match
 * without the unit word. Without it, a place of the typed unit gains UNIT_BONUS; any other
 * place loses a point, so a name that really starts with the word ("Phương Liệt") keeps its
 * exact match ahead of a namesake found by dropping it.
 */
export function scoreQuery(candidate: SearchCandidate, query: PlaceQuery): number {
	const typed = scoreMatch(candidate, query.key);
	if (query.name === query.key) return typed;
	const named = scoreMatch(candidate, query.name);
	if (named === 0) return typed;
	const sameUnit =
		query.unit !== null &&
		candidate.fullName !== undefined &&
		unitOf(candidate.fullName) === query.unit;
	return Math.max(typed, named + (sameUnit ? UNIT_BONUS : -1));
}

/** The best `limit` candidates for a raw query, best first (stable for equal scores). */
export function rankCandidates<T extends SearchCandidate>(
	items: T[],
	raw: string,
	limit = 10
): T[] {
	const query = parseQuery(raw);
	if (query.key.length === 0) return [];
	return items
		.map((item, i) => ({ item, i, s: scoreQuery(item, query) }))
		.filter((r) => r.s > 0)
		.sort((a, b) => b.s - a.s || a.i - b.i)
		.slice(0, limit)
		.map((r) => r.item);
}
