/**
 * LIKE patterns that D1 accepts. SQLite's LIKE refuses a pattern longer than
 * SQLITE_MAX_LIKE_PATTERN_LENGTH, which D1 sets to 50 bytes ("LIKE or GLOB pattern too complex"):
 * counted in UTF-8, where a Vietnamese letter takes 2–3 bytes. Every LIKE on user input builds
 * its pattern here.
 */

/** The longest LIKE pattern D1 runs, in UTF-8 bytes. */
export const MAX_LIKE_PATTERN_BYTES = 50;

const encoder = new TextEncoder();

/** The longest prefix of `text` of at most `maxBytes` UTF-8 bytes, never splitting a character. */
export function utf8Prefix(text: string, maxBytes: number): string {
	if (encoder.encode(text).length <= maxBytes) return text;
	let out = '';
	let used = 0;
	for (const ch of text) {
		const size = encoder.encode(ch).length;
		if (used + size > maxBytes) break;
		out += ch;
		used += size;
	}
	return out;
}

/**
 * `%text%` for a "contains" filter: LIKE wildcards (`%`, `_`) dropped and the text cut to fit
 * MAX_LIKE_PATTERN_BYTES. A cut pattern matches a superset of the rows that contain the whole
 * text, so callers that rank or filter afterwards on the whole text stay exact.
 */
export function containsPattern(text: string): string {
	const plain = text.replace(/[%_]/g, '');
	return `%${utf8Prefix(plain, MAX_LIKE_PATTERN_BYTES - 2)}%`;
}
