/**
 * A synthetic team area for the planning benchmarks: rural hamlets strung along valley roads
 * (hamletLayout) beside a small town of numbered alleys (alleyHouseholds), from
 * bench/lib/route-layouts.ts. Every hamlet (thôn) and every side of a town street (tổ dân phố)
 * gets an id and a cultural house at the middle of its houses; addresses go through the address
 * parser for the alley keys, as stored households do. Seeded: the same call gives the same area.
 */
import { parseAddress } from '../../src/lib/domain/address.ts';
import type { TeamHamlet, TeamHousehold } from '../../src/lib/domain/routing/team-plan-types.ts';
import { lonLatOf } from './route-fixtures.ts';
import { alleyHouseholds, hamletLayout } from './route-layouts.ts';
import seedrandom from 'seedrandom';

export interface AreaHousehold extends TeamHousehold {
	lon: number;
	lat: number;
	address: string;
}

export interface AreaHamlet extends TeamHamlet {
	name: string;
	kind: 'thon' | 'to_dan_pho';
}

export interface TeamArea {
	households: AreaHousehold[];
	hamlets: AreaHamlet[];
}

type Pt = [x: number, y: number];

/**
 * The hamlet sizes hamletLayout draws first from its seeded generator (its points come hamlet
 * by hamlet in this order). Mirrors route-layouts.ts; `checkHamlets` notices if that changes.
 */
function hamletSizes(count: number, seed: string): number[] {
	const rng = seedrandom(`hamlets:${seed}`);
	const sizes: number[] = [];
	for (let left = count; left > 0;) {
		const s = Math.min(left, 20 + Math.floor(rng() * 131));
		sizes.push(s);
		left -= s;
	}
	return sizes;
}

const centroid = (pts: readonly Pt[]): Pt => [
	pts.reduce((a, p) => a + p[0], 0) / pts.length,
	pts.reduce((a, p) => a + p[1], 0) / pts.length
];

/** Throws unless almost every house stands nearer its own hamlet's middle than any other's. */
function checkHamlets(groups: readonly Pt[][]) {
	const mids = groups.map(centroid);
	let own = 0;
	let all = 0;
	groups.forEach((g, i) =>
		g.forEach(([x, y]) => {
			const d = mids.map(([mx, my]) => Math.hypot(mx - x, my - y));
			if (d.indexOf(Math.min(...d)) === i) own++;
			all++;
		})
	);
	if (own < 0.9 * all)
		throw new Error('team-fixtures: hamlet sizes no longer match route-layouts.ts hamletLayout');
}

/** The rural part: houses of each hamlet, metres, in the hamlet layout's own frame. */
function ruralGroups(count: number, seed: string): Pt[][] {
	const p = hamletLayout(count, seed);
	const groups: Pt[][] = [];
	let k = 1; // node 0 is the layout's start point, not a house
	for (const size of hamletSizes(count, seed)) {
		const g: Pt[] = [];
		for (let i = 0; i < size; i++, k++) g.push([p.xs[k]!, p.ys[k]!]);
		groups.push(g);
	}
	checkHamlets(groups);
	return groups;
}

const toMetres = (lon: number, lat: number): Pt => {
	const [lon0, lat0] = lonLatOf(0, 0);
	const [lon1, lat1] = lonLatOf(1, 1);
	return [(lon - lon0) / (lon1 - lon0), (lat - lat0) / (lat1 - lat0)];
};

function household(id: string, at: Pt, address: string, hamletId: string): AreaHousehold {
	const [lon, lat] = lonLatOf(at[0], at[1]);
	const { alleyKey, addressKey } = parseAddress(address);
	const base = { id, lon, lat, alleyKey, addressKey, address, hamletId };
	return { ...base, doNotContact: false, priority: false, revisit: null };
}

function hamlet(id: string, name: string, kind: AreaHamlet['kind'], pts: readonly Pt[]) {
	const [lon, lat] = lonLatOf(...centroid(pts));
	return { id, name, kind, lon, lat };
}

/**
 * `count` households: 60 % in rural hamlets, 40 % in a town of alleys east of them.
 * @param offsetM shifts the whole area east (metres), to set it beside other households.
 */
export function teamArea(count: number, seed = 'team', offsetM = 0): TeamArea {
	const households: AreaHousehold[] = [];
	const hamlets: AreaHamlet[] = [];
	const rural = ruralGroups(Math.round(count * 0.6), seed);
	let side = 0;
	rural.forEach((g, i) => {
		const id = `${seed}-thon-${i + 1}`;
		const pts = g.map(([x, y]): Pt => [x + offsetM, y]);
		hamlets.push(hamlet(id, `Thôn ${i + 1}`, 'thon', pts));
		pts.forEach((p) =>
			households.push(household(`${id}-${households.length}`, p, `Thôn ${i + 1}`, id))
		);
		side = Math.max(side, ...g.map((p) => Math.max(p[0], p[1])));
	});
	const town = alleyHouseholds(count - households.length, seed).households;
	const pts = town.map((h) => toMetres(h.lon, h.lat));
	const [cx, cy] = centroid(pts);
	const shift: Pt = [side + 900 - cx + offsetM, side / 2 - cy];
	const byTo = new Map<string, { name: string; pts: Pt[] }>();
	town.forEach((h, i) => {
		const alley = Number(/ngõ (\d+)/.exec(h.address)![1]);
		const key = `${seed}-to-${h.group}-${alley % 2}`;
		const at: Pt = [pts[i]![0] + shift[0], pts[i]![1] + shift[1]];
		const to = byTo.get(key) ?? { name: `Tổ dân phố ${2 * h.group - (alley % 2)}`, pts: [] };
		to.pts.push(at);
		byTo.set(key, to);
		households.push(household(`${key}-${households.length}`, at, h.address, key));
	});
	for (const [id, to] of byTo) hamlets.push(hamlet(id, to.name, 'to_dan_pho', to.pts));
	return { households, hamlets };
}

/**
 * The same households as one hamlet (a hamlet team's area, as the browser benchmark stores
 * it): one id, one cultural house at the middle of all of them.
 */
export function asOneHamlet(area: TeamArea, id: string, name: string): TeamArea {
	const households = area.households.map((h) => ({ ...h, hamletId: id }));
	const lon = households.reduce((a, h) => a + h.lon, 0) / households.length;
	const lat = households.reduce((a, h) => a + h.lat, 0) / households.length;
	return { households, hamlets: [{ id, name, kind: 'thon', lon, lat }] };
}
