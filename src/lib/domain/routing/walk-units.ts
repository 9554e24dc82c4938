/**
 * Walk units: what the tour planner orders. A house with a number in an alley (or along a street)
 * joins its alley's unit, walked in along one side and back along the other, so the alley is
 * done in one go; a house with no alley (a rural hamlet, an address without a number) is a unit
 * of its own, placed by the tour planner.
 */

/** Hamlet-level keys from the address parser (no alley, no street): houses are placed singly. */
const HAMLET_KEY_PREFIXES = ['thon ', 'xom ', 'ban ', 'ap ', 'to dan pho ', 'khu pho '];

/** True when houses with this alley key are walked as one alley (or one street). */
export function isAlleyWalk(alleyKey: string): boolean {
	if (alleyKey === '') return false;
	if (alleyKey.includes('|')) return true;
	return !HAMLET_KEY_PREFIXES.some((p) => alleyKey.startsWith(p));
}

export interface HouseNumberKey {
	number: number;
	suffix: string;
}

/** The house number in an address key (`alley#12a` → 12, "a"), or null. */
export function houseNumberOf(addressKey: string): HouseNumberKey | null {
	const i = addressKey.lastIndexOf('#');
	if (i < 0) return null;
	const m = /^(\d+)([a-z]*)/.exec(addressKey.slice(i + 1));
	return m ? { number: Number(m[1]), suffix: m[2] ?? '' } : null;
}

export interface NumberedHouse extends HouseNumberKey {
	index: number;
}

const byNumber = (a: NumberedHouse, b: NumberedHouse) =>
	a.number - b.number || a.suffix.localeCompare(b.suffix) || a.index - b.index;

/**
 * The walk through one alley: odd side by rising number, then even side by falling number
 * (in along one side, back along the other; both ends near the alley's mouth).
 * @returns the houses' indices in walking order.
 */
export function alleyWalkOrder(houses: readonly NumberedHouse[]): number[] {
	const odd = houses.filter((h) => h.number % 2 === 1).sort(byNumber);
	const even = houses
		.filter((h) => h.number % 2 === 0)
		.sort(byNumber)
		.reverse();
	return [...odd, ...even].map((h) => h.index);
}

export interface WalkUnit {
	/** Indices of the unit's households, in walking order. */
	members: number[];
	/** The alley walked, or null for a single house. */
	alleyKey: string | null;
	/** Where the unit is entered and left (metres, local projection). */
	x: number;
	y: number;
}

export interface UnitInput {
	alleyKey: string;
	addressKey: string;
	x: number;
	y: number;
}

const dist = (a: UnitInput, b: UnitInput) => Math.hypot(a.x - b.x, a.y - b.y);

/** Puts each house at the cheapest place in an open walk. */
function insertCheapest(walk: number[], index: number, hs: readonly UnitInput[]): void {
	let best = walk.length;
	let bestCost = dist(hs[walk[walk.length - 1]!]!, hs[index]!);
	const cost0 = dist(hs[index]!, hs[walk[0]!]!);
	if (cost0 < bestCost) {
		best = 0;
		bestCost = cost0;
	}
	for (let k = 1; k < walk.length; k++) {
		const a = hs[walk[k - 1]!]!;
		const b = hs[walk[k]!]!;
		const c = dist(a, hs[index]!) + dist(hs[index]!, b) - dist(a, b);
		if (c < bestCost) {
			best = k;
			bestCost = c;
		}
	}
	walk.splice(best, 0, index);
}

function unitOf(members: number[], alleyKey: string | null, hs: readonly UnitInput[]): WalkUnit {
	const first = hs[members[0]!]!;
	const last = hs[members[members.length - 1]!]!;
	return { members, alleyKey, x: (first.x + last.x) / 2, y: (first.y + last.y) / 2 };
}

/**
 * Groups households into walk units. An alley with two or more numbered houses is one unit
 * (houses without a number in that alley are inserted where they cost the least); every other
 * household is a unit of its own.
 */
export function buildWalkUnits(hs: readonly UnitInput[]): WalkUnit[] {
	const alleys = new Map<string, { numbered: NumberedHouse[]; bare: number[] }>();
	const singles: number[] = [];
	hs.forEach((h, index) => {
		if (!isAlleyWalk(h.alleyKey)) return singles.push(index);
		let a = alleys.get(h.alleyKey);
		if (!a) alleys.set(h.alleyKey, (a = { numbered: [], bare: [] }));
		const n = houseNumberOf(h.addressKey);
		if (n) a.numbered.push({ index, ...n });
		else a.bare.push(index);
	});
	const units: WalkUnit[] = [];
	for (const [key, a] of alleys) {
		if (a.numbered.length < 2) {
			singles.push(...a.numbered.map((n) => n.index), ...a.bare);
			continue;
		}
		const walk = alleyWalkOrder(a.numbered);
		for (const b of a.bare) insertCheapest(walk, b, hs);
		units.push(unitOf(walk, key, hs));
	}
	for (const s of singles) units.push(unitOf([s], null, hs));
	return units;
}
