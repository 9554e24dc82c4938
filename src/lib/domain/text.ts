/**
 * Text normalisation for Vietnamese names. Search and name matching ignore case and
 * diacritics ("dinh hoa" finds "Định Hóa" and "Định Hoá"); joins never use names.
 *
 * `cleanText` is the one rule for free text entering the system (API bodies, CSV cells, the
 * demo seed, the write schemas): text that looks the same must be stored the same, so a name
 * cannot hide a second copy of itself from the duplicate checks (issue 13, defect 9).
 */

/** Line and paragraph breaks, tabs and other spacing controls: they become one space. */
const BREAKS = /[\t\n\v\f\r\u0085\u2028\u2029]/g;

/**
 * Characters nobody can see or that change how the others are shown: C0/C1 controls (NUL, …),
 * format characters (zero-width space and joiners, soft hyphen, BOM, word joiner, bidi marks,
 * embeddings, overrides and isolates such as U+202E, tag characters), private-use code points
 * and lone surrogates. None belongs in a name, an address or a note.
 */
const INVISIBLE = /[\p{Cc}\p{Cf}\p{Co}\p{Cs}]/gu;

/**
 * The stored form of free text: line breaks become spaces, invisible, control and bidi
 * characters are removed, the rest is NFC-normalised (so "Hoà" typed as combining marks equals
 * the precomposed form), runs of white space collapse to one space, and the ends are trimmed.
 * Diacritics and case are kept. Idempotent: cleanText(cleanText(s)) === cleanText(s).
 */
export function cleanText(s: string): string {
	return s.replace(BREAKS, ' ').replace(INVISIBLE, '').normalize('NFC').replace(/\s+/g, ' ').trim();
}

/**
 * Search key: lower case, no diacritics, đ → d, single spaces.
 * Old- and new-style tone placement ("Hoá" / "Hóa") give the same key.
 */
export function searchKey(s: string): string {
	return cleanText(s)
		.normalize('NFD')
		.replace(/[\u0300-\u036f]/g, '')
		.replace(/[đĐ]/g, 'd')
		.toLowerCase()
		.replace(/[^a-z0-9]+/g, ' ')
		.trim();
}
