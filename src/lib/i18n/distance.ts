/**
 * A distance as the member reads it, in vi-VN numbers whatever the language: "120 m",
 * "1,2 km" (rounded as roundDistance says: GPS is not finer than that).
 */
import { roundDistance } from '../domain/field/wayfinding.ts';
import { formatNumber } from './index.ts';

/** Metres → "85 m", "120 m", "1 km", "1,2 km". */
export function formatDistance(m: number): string {
	const r = roundDistance(m);
	return `${formatNumber(r.value, r.unit === 'km' ? 1 : 0)} ${r.unit}`;
}
