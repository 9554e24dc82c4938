/**
 * Ranking for place-name search. Queries and names are compared on their search keys
 * (domain/text.ts), so case and diacritics never matter: "dinh hoa" = "Định Hoá" = "Định Hóa".
 */
import { searchKey } from './text.ts';

export interface SearchCandidate {
	kind: 'province' | 'commune';
	code: string;
	/** Search key of the short name ("dinh hoa"). */
	key: string;
}

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

/** The best `limit` candidates for a raw query, best first (stable for equal scores). */
export function rankCandidates<T extends SearchCandidate>(
	items: T[],
	raw: string,
	limit = 10
): T[] {
	const query = normaliseQuery(raw);
	if (query.length === 0) return [];
	return items
		.map((item, i) => ({ item, i, s: scoreMatch(item, query) }))
		.filter((r) => r.s > 0)
		.sort((a, b) => b.s - a.s || a.i - b.i)
		.slice(0, limit)
		.map((r) => r.item);
}
