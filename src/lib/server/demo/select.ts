/**
 * Which communes get demo data: every commune of Thái Nguyên (19) and Lạng Sơn (20), the
 * provinces of the source articles, and a sprinkle of 1–3 communes in eleven other provinces
 * from north to south, so every alley vocabulary and both town and country show up.
 */
import { Rng } from './rng.ts';

export const FULL_PROVINCES = ['19', '20'] as const;
/** Hà Nội, TP HCM, Đà Nẵng, Huế, Hải Phòng, Quảng Ninh, Thanh Hóa, Nghệ An, Cần Thơ, Đắk Lắk, Lào Cai. */
export const SPRINKLE_PROVINCES = [
	'01',
	'79',
	'48',
	'46',
	'31',
	'22',
	'38',
	'40',
	'92',
	'66',
	'15'
] as const;

export interface CommuneChoice {
	code: string;
	provinceCode: string;
	unitType: string;
}

/** 1–3 xã / phường of one province, at least one phường where the province has any. */
function sprinkle(rng: Rng, communes: CommuneChoice[]): string[] {
	const wards = rng.shuffle(communes.filter((c) => c.unitType === 'Phường'));
	const rest = rng.shuffle(communes.filter((c) => c.unitType !== 'Phường'));
	const n = rng.int(1, 3);
	const picked = wards.length > 0 ? [wards[0]!] : [];
	const pool = rng.shuffle([...wards.slice(1), ...rest]);
	return [...picked, ...pool].slice(0, n).map((c) => c.code);
}

/**
 * The demo communes among `communes` (the ones in the database), sorted by code.
 * Special zones (đặc khu: islands such as Hoàng Sa) are left out of the sprinkle.
 */
export function selectDemoCommunes(communes: readonly CommuneChoice[], seed: string): string[] {
	const full = communes.filter((c) =>
		(FULL_PROVINCES as readonly string[]).includes(c.provinceCode)
	);
	const some = SPRINKLE_PROVINCES.flatMap((p) => {
		const candidates = communes
			.filter((c) => c.provinceCode === p && (c.unitType === 'Xã' || c.unitType === 'Phường'))
			.sort((a, b) => (a.code < b.code ? -1 : 1));
		return candidates.length > 0 ? sprinkle(new Rng(`${seed}|sprinkle|${p}`), candidates) : [];
	});
	return [...full.map((c) => c.code), ...some].sort();
}
