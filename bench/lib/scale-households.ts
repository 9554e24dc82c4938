/**
 * Hamlets and households of one scale-simulation commune, built from the demo generator's pure
 * parts (names, addresses, points inside the real commune outline): hamlets of a realistic size
 * (a few hundred households, as a khu phố or an ấp has), houses in blocks of 14–30 along their
 * alleys in town, scattered round the hamlet centre in the country. Pure: same seed → same rows.
 */
import type { HamletInput } from '../../src/lib/server/db/schema/hamlets.input.ts';
import type { HouseholdInput } from '../../src/lib/server/db/schema/households.input.ts';
import {
	alongAlley,
	nearInside,
	randomInside,
	type CommuneShape,
	type LonLat
} from '../../src/lib/server/demo/geo.ts';
import { demoPhone, personName, streetsOf } from '../../src/lib/server/demo/names.ts';
import {
	hamletName,
	ruralAddresses,
	urbanAddresses,
	type HouseAddress
} from '../../src/lib/server/demo/places.ts';
import type { Rng } from '../../src/lib/server/demo/rng.ts';
import { DAY_MS } from '../../src/lib/server/demo/types.ts';

/** One commune to fill: reference facts, its outline, and how many households it gets. */
export interface ScaleCommune {
	code: string;
	provinceCode: string;
	name: string;
	/** "Xã", "Phường" or "Đặc khu" */
	unitType: string;
	shape: CommuneShape;
	households: number;
}

/** Households per hamlet (khu phố in town, ấp in the country), on average. */
export const HOUSEHOLDS_PER_HAMLET = { urban: 350, rural: 300 } as const;

/** Adults per household, as the demo draws them. */
const ADULTS = [10, 35, 25, 18, 8, 4].flatMap((weight, i) => Array<number>(weight).fill(i + 1));

export const isUrban = (c: ScaleCommune) => c.unitType !== 'Xã';

/** The commune's hamlets: one per HOUSEHOLDS_PER_HAMLET households, at least one. */
export function makeHamlets(rng: Rng, c: ScaleCommune, now: number): HamletInput[] {
	const urban = isUrban(c);
	const per = urban ? HOUSEHOLDS_PER_HAMLET.urban : HOUSEHOLDS_PER_HAMLET.rural;
	const count = Math.max(1, Math.round(c.households / per));
	const taken = new Set<string>();
	return Array.from({ length: count }, (_, i) => {
		const createdAt = now - rng.int(400, 600) * DAY_MS;
		const [lon, lat] = randomInside(rng, c.shape);
		return {
			id: rng.uuid7(createdAt),
			provinceCode: c.provinceCode,
			communeCode: c.code,
			...hamletName(rng, c.provinceCode, urban, i, taken),
			lon,
			lat,
			isDemo: false,
			createdAt
		};
	});
}

/** Where each house of one block stands. */
function placeBlock(rng: Rng, shape: CommuneShape, centre: LonLat, houses: HouseAddress[]) {
	const alleys = new Map<number, { start: LonLat; angle: number }>();
	return houses.map((h): LonLat => {
		if (h.number === null) return nearInside(rng, shape, centre, 150);
		let alley = alleys.get(h.alley);
		if (!alley) {
			alley = { start: nearInside(rng, shape, centre, 60), angle: rng.float() * 2 * Math.PI };
			alleys.set(h.alley, alley);
		}
		return alongAlley(shape, alley.start, alley.angle, h.number) ?? alley.start;
	});
}

function household(
	rng: Rng,
	c: ScaleCommune,
	hamletId: string,
	house: HouseAddress,
	point: LonLat,
	now: number
): HouseholdInput {
	const createdAt = now - rng.int(200, 560) * DAY_MS;
	return {
		id: rng.uuid7(createdAt),
		provinceCode: c.provinceCode,
		communeCode: c.code,
		hamletId,
		address: house.address,
		lon: point[0],
		lat: point[1],
		locationStatus: 'exact',
		adults: rng.pick(ADULTS),
		headName: rng.chance(0.7)
			? personName(rng, c.provinceCode, rng.chance(0.5) ? 'male' : 'female')
			: null,
		headPhone: rng.chance(0.35) ? demoPhone(rng) : null,
		isDemo: false,
		createdAt
	};
}

/** `count` households of one hamlet, block by block (a block: one set of alleys). */
export function makeHouseholds(
	rng: Rng,
	c: ScaleCommune,
	hamlet: HamletInput,
	count: number,
	now: number
): HouseholdInput[] {
	const urban = isUrban(c);
	const streets = rng.shuffle(streetsOf(c.provinceCode)).slice(0, 4);
	const centre: LonLat = [hamlet.lon!, hamlet.lat!];
	const out: HouseholdInput[] = [];
	while (out.length < count) {
		const size = Math.min(count - out.length, rng.int(14, 30));
		const houses = urban
			? urbanAddresses(rng, c.provinceCode, streets, size)
			: ruralAddresses(rng, hamlet.name, size);
		const blockCentre = nearInside(rng, c.shape, centre, urban ? 250 : 600);
		const points = placeBlock(rng, c.shape, blockCentre, houses);
		houses.forEach((h, i) => out.push(household(rng, c, hamlet.id, h, points[i]!, now)));
	}
	return out;
}

/** Splits `total` over `parts` as evenly as whole numbers allow. */
export function spread(total: number, parts: number): number[] {
	const base = Math.floor(total / parts);
	return Array.from({ length: parts }, (_, i) => base + (i < total % parts ? 1 : 0));
}
