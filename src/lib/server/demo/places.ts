/**
 * Hamlet names and house addresses in the forms each region uses: ngõ / ngách / phố in the north,
 * kiệt in Huế, Đà Nẵng and Quảng Trị, hẻm with slashes in the south; thôn, xóm, bản and ấp in the
 * countryside, tổ dân phố / khu phố in towns.
 */
import type { HamletKind } from '../../domain/choices.ts';
import { placeName } from './names.ts';
import type { Rng } from './rng.ts';

export type Region = 'north' | 'central' | 'south';

/** Alley vocabulary by province code: kiệt in 44/46/48, hẻm from Quảng Ngãi (51) south. */
export function regionOf(provinceCode: string): Region {
	if (['44', '46', '48'].includes(provinceCode)) return 'central';
	return Number(provinceCode) >= 51 ? 'south' : 'north';
}

const KIND_WORD: Record<HamletKind, string> = {
	thon: 'Thôn',
	xom: 'Xóm',
	ban: 'Bản',
	ap: 'Ấp',
	to_dan_pho: 'Tổ dân phố'
};

/** Rural hamlet kinds by province: xóm in Thái Nguyên, thôn and bản in Lạng Sơn, ấp in the south. */
function ruralKind(rng: Rng, provinceCode: string, region: Region): HamletKind {
	if (region === 'south') return 'ap';
	if (region === 'central') return 'thon';
	if (provinceCode === '19') return rng.weighted({ xom: 6, thon: 3, ban: 1 });
	if (provinceCode === '20') return rng.weighted({ thon: 6, ban: 3, xom: 1 });
	if (['04', '11', '12', '14', '15'].includes(provinceCode))
		return rng.weighted({ ban: 5, thon: 5 });
	return rng.weighted({ thon: 8, xom: 2 });
}

export interface HamletName {
	kind: HamletKind;
	/** As people write it: "Xóm Na Hương", "Tổ dân phố 5", "Khu phố 3". */
	name: string;
}

/** The name and kind of the `index`-th hamlet of a commune. */
export function hamletName(
	rng: Rng,
	provinceCode: string,
	urban: boolean,
	index: number,
	taken: Set<string>
): HamletName {
	const region = regionOf(provinceCode);
	if (urban) {
		// Southern towns call residential groups "khu phố"; elsewhere "tổ dân phố".
		if (region === 'south') return { kind: 'to_dan_pho', name: `Khu phố ${index + 1}` };
		const label = rng.chance(0.3) ? placeName(rng, provinceCode, taken) : String(index + 1);
		return { kind: 'to_dan_pho', name: `Tổ dân phố ${label}` };
	}
	const kind = ruralKind(rng, provinceCode, region);
	const label = rng.chance(0.1) ? String(index + 1) : placeName(rng, provinceCode, taken);
	return { kind, name: `${KIND_WORD[kind]} ${label}` };
}

/** One house: its address and where it lies along its alley. */
export interface HouseAddress {
	address: string;
	/** Index of the alley (or road) within the hamlet: houses sharing it are walked together. */
	alley: number;
	/** House number (its position along the alley), or null for rural houses without one. */
	number: number | null;
	/** In town: the index (in the streets given) of the street the house or its alley is on. */
	street?: number;
	/** In town: the alley's name on the map ("Ngõ 45", "Kiệt 31", "Hẻm 120"); none on a street. */
	alleyName?: string;
	/** In town: the sub-alley the house is on, off that alley ("Ngách 12", "Hẻm 120/15"). */
	subName?: string;
}

/** "Thôn Đồng Tâm" → "thôn Đồng Tâm" (inside a sentence-like address). */
const lowerFirst = (s: string) => s.charAt(0).toLowerCase() + s.slice(1);

/** Rural houses: about half carry a number along the hamlet road, the rest only the hamlet. */
export function ruralAddresses(rng: Rng, hamlet: string, count: number): HouseAddress[] {
	const numbered = rng.chance(0.5);
	let n = 0;
	return Array.from({ length: count }, () => {
		n += rng.int(1, 3);
		if (!numbered || rng.chance(0.15)) return { address: hamlet, alley: 0, number: null };
		return { address: `Số ${n}, ${lowerFirst(hamlet)}`, alley: 0, number: n };
	});
}

interface AlleyFormat {
	address: (house: number) => string;
	street: string;
	name: string;
	subName?: string;
}

/** One alley of a town street, in the region's own way of writing it and naming it on the map. */
function alleyFormat(rng: Rng, region: Region, street: string, streetWord: string): AlleyFormat {
	const a = rng.int(2, 320);
	if (region === 'south') {
		const sub = rng.chance(0.35) ? `/${rng.int(1, 60)}` : '';
		return {
			address: (n) =>
				rng.chance(0.2) ? `Số ${n} hẻm ${a}${sub} ${street}` : `${a}${sub}/${n} ${street}`,
			street,
			name: `Hẻm ${a}`,
			...(sub ? { subName: `Hẻm ${a}${sub}` } : {})
		};
	}
	if (region === 'central') {
		return {
			address: (n) => (rng.chance(0.3) ? `K${a}/${n} ${street}` : `Số ${n} kiệt ${a} ${street}`),
			street,
			name: `Kiệt ${a}`
		};
	}
	const ngach = rng.chance(0.3) ? rng.int(1, 40) : null;
	return {
		address: (n) =>
			// Some writers abbreviate: "12 Ngh.3 Ng.45 Lò Đúc"; the parser gives both the same key.
			rng.chance(0.15)
				? `${n} ${ngach ? `Ngh.${ngach} ` : ''}Ng.${a} ${street}`
				: `Số ${n}, ${ngach ? `ngách ${ngach}, ` : ''}ngõ ${a}, ${streetWord} ${street}`,
		street,
		name: `Ngõ ${a}`,
		...(ngach ? { subName: `Ngách ${ngach}` } : {})
	};
}

/**
 * Town houses of one residential group: 2–4 alleys off the commune's streets, houses numbered
 * along each alley (odd and even sides), and a few houses on the street itself.
 */
export function urbanAddresses(
	rng: Rng,
	provinceCode: string,
	streets: readonly string[],
	count: number
): HouseAddress[] {
	const region = regionOf(provinceCode);
	const streetWord = provinceCode === '01' ? 'phố' : 'đường';
	const alleys = Array.from({ length: rng.int(2, 4) }, () =>
		alleyFormat(rng, region, rng.pick(streets), streetWord)
	);
	const next = alleys.map(() => 0);
	const onStreet = rng.pick(streets);
	let streetNo = rng.int(1, 150);
	return Array.from({ length: count }, (): HouseAddress => {
		if (rng.chance(0.12)) {
			streetNo += rng.int(1, 4);
			const address =
				region === 'north' ? `Số ${streetNo} ${streetWord} ${onStreet}` : `${streetNo} ${onStreet}`;
			return { address, alley: alleys.length, number: streetNo, street: streets.indexOf(onStreet) };
		}
		const i = rng.int(0, alleys.length - 1);
		next[i]! += rng.int(1, 2);
		const f = alleys[i]!;
		return {
			address: f.address(next[i]!),
			alley: i,
			number: next[i]!,
			street: streets.indexOf(f.street),
			alleyName: f.name,
			...(f.subName ? { subName: f.subName } : {})
		};
	});
}
