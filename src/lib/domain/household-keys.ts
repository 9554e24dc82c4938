/**
 * Duplicate detection for households: the same normalised address in the same commune. Rural
 * addresses often have no house number ("Thôn Đồng Tâm" for every house), so there the head of
 * household's name tells houses apart, and without a name no duplicate can be told.
 */
import { parseAddress } from './address.ts';
import { searchKey } from './text.ts';

/**
 * The key two records of one household share, or null when the address alone cannot tell
 * (no house number and no head-of-household name).
 */
export function duplicateKey(address: string, headName: string | null): string | null {
	const parsed = parseAddress(address);
	if (parsed.house) return parsed.addressKey;
	if (headName && headName.trim()) return `${parsed.addressKey}~${searchKey(headName)}`;
	return null;
}
