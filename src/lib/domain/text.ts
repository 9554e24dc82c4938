/**
 * Text normalisation for Vietnamese names. Search and name matching ignore case and
 * diacritics ("dinh hoa" finds "Định Hóa" and "Định Hoá"); joins never use names.
 */

/** NFC-normalises and collapses white space; keeps diacritics. */
export function cleanText(s: string): string {
	return s.normalize('NFC').replace(/\s+/g, ' ').trim();
}

/**
 * Search key: lower case, no diacritics, đ → d, single spaces.
 * Old- and new-style tone placement ("Hoá" / "Hóa") give the same key.
 */
export function searchKey(s: string): string {
	return s
		.normalize('NFD')
		.replace(/[\u0300-\u036f]/g, '')
		.replace(/[đĐ]/g, 'd')
		.toLowerCase()
		.replace(/[^a-z0-9]+/g, ' ')
		.trim();
}
