/**
 * Two settlement layouts for the ordering benchmark, beside the mixed one of route-fixtures.ts
 * (issue 12): hamlet clusters (rural) and parallel alleys with houses on both sides (urban).
 * The solver is weakest where points cluster, so these are the layouts its quality is judged on.
 * Every house is its own stop; node 0 is the start (the commune or ward office, mid-area).
 * Seeded: the same (count, seed) always gives the same points.
 */
import seedrandom from 'seedrandom';
import type { PathProblem } from '../../src/lib/domain/routing/walk.ts';
import { lonLatOf, type BenchHousehold } from './route-fixtures.ts';

type Rng = () => number;
type Pt = [x: number, y: number];

const between = (rng: Rng, lo: number, hi: number) => lo + rng() * (hi - lo);

/** A standard normal draw (Box–Muller). */
function gauss(rng: Rng): number {
	return Math.sqrt(-2 * Math.log(1 - rng())) * Math.cos(2 * Math.PI * rng());
}

/** Node 0 at the middle of the points' bounding box, then the points. */
function withStart(points: readonly Pt[]): PathProblem {
	let [x0, y0, x1, y1] = [Infinity, Infinity, -Infinity, -Infinity];
	for (const [x, y] of points) {
		[x0, y0] = [Math.min(x0, x), Math.min(y0, y)];
		[x1, y1] = [Math.max(x1, x), Math.max(y1, y)];
	}
	const xs = Float64Array.from([(x0 + x1) / 2, ...points.map((p) => p[0])]);
	const ys = Float64Array.from([(y0 + y1) / 2, ...points.map((p) => p[1])]);
	return { xs, ys };
}

/** Hamlet centres at least 500 m apart in a square of about 1.3 km² per hamlet. */
function hamletCentres(rng: Rng, count: number): Pt[] {
	const side = Math.sqrt(count * 1.3e6);
	const out: Pt[] = [];
	for (let tries = 0; out.length < count; tries++) {
		const p: Pt = [rng() * side, rng() * side];
		const minGap = tries > 50 * count ? 0 : 500;
		if (out.every(([x, y]) => Math.hypot(x - p[0], y - p[1]) >= minGap)) out.push(p);
	}
	return out;
}

/** A bending valley road through a centre: two straight pieces each way. */
function valleyRoad(rng: Rng, [cx, cy]: Pt, length: number): Pt[] {
	const road: Pt[] = [[cx, cy]];
	const angle = rng() * 2 * Math.PI;
	const piece = length / 4;
	for (const way of [1, -1]) {
		let [x, y] = [cx, cy];
		let a = way === 1 ? angle : angle + Math.PI;
		for (let s = 0; s < 2; s++) {
			a += between(rng, -0.5, 0.5);
			[x, y] = [x + Math.cos(a) * piece, y + Math.sin(a) * piece];
			if (way === 1) road.push([x, y]);
			else road.unshift([x, y]);
		}
	}
	return road;
}

/** A point along the road, set back from it on either side. */
function alongRoad(rng: Rng, road: readonly Pt[], setback: number): Pt {
	const s = Math.floor(rng() * (road.length - 1));
	const [[ax, ay], [bx, by]] = [road[s]!, road[s + 1]!];
	const t = rng();
	const len = Math.hypot(bx - ax, by - ay) || 1;
	const off = (rng() < 0.5 ? -1 : 1) * (6 + Math.abs(gauss(rng)) * setback);
	return [
		ax + (bx - ax) * t - ((by - ay) / len) * off,
		ay + (by - ay) * t + ((bx - ax) / len) * off
	];
}

/** One hamlet's houses: along a valley road (2 in 3) or round a centre; a third in compounds. */
function hamletHouses(rng: Rng, centre: Pt, size: number): Pt[] {
	const elongated = rng() < 2 / 3;
	const road = valleyRoad(rng, centre, between(rng, 250, 750));
	const setback = between(rng, 10, 35);
	const radius = between(rng, 100, 300);
	const out: Pt[] = [];
	while (out.length < size) {
		if (out.length > 0 && rng() < 1 / 3) {
			// A family compound: next to a house already placed.
			const [x, y] = out[Math.floor(rng() * out.length)]!;
			const t = rng() * 2 * Math.PI;
			const r = between(rng, 8, 25);
			out.push([x + Math.cos(t) * r, y + Math.sin(t) * r]);
		} else if (elongated) out.push(alongRoad(rng, road, setback));
		else {
			const r = Math.sqrt(rng()) * radius;
			const t = rng() * 2 * Math.PI;
			out.push([centre[0] + Math.cos(t) * r, centre[1] + Math.sin(t) * r]);
		}
	}
	return out;
}

/**
 * Rural layout: hamlets of 20–150 houses (a few hundred metres across, mostly strung along a
 * bending valley road), 0.5–3 km apart over about 1.3 km² per hamlet; no house numbers.
 */
export function hamletLayout(count: number, seed: string): PathProblem {
	const rng = seedrandom(`hamlets:${seed}`);
	const sizes: number[] = [];
	for (let left = count; left > 0;) {
		const s = Math.min(left, 20 + Math.floor(rng() * 131));
		sizes.push(s);
		left -= s;
	}
	const centres = hamletCentres(rng, sizes.length);
	return withStart(sizes.flatMap((s, h) => hamletHouses(rng, centres[h]!, s)));
}

/** A house of the urban layout: where it stands and its address. */
interface AlleyHouse {
	at: Pt;
	street: number;
	alley: number;
	number: number;
}

/** Houses along both sides of one alley: odd numbers on one side, even on the other. */
function alleyHouses(rng: Rng, mouth: Pt, dir: Pt, key: Omit<AlleyHouse, 'at' | 'number'>) {
	const length = 30 + 200 * rng() ** 1.5;
	const offset = between(rng, 4, 6);
	const out: AlleyHouse[] = [];
	for (const side of [1, 2]) {
		const sign = side === 1 ? -1 : 1;
		let k = 0;
		for (let along = between(rng, 3, 8); along <= length; along += between(rng, 4, 8)) {
			k++;
			// One house in ten is not in the selection (vacant, visited, not a household).
			if (rng() < 0.1) continue;
			const off = sign * offset + between(rng, -0.7, 0.7);
			const x = mouth[0] + dir[0] * along - dir[1] * off;
			const y = mouth[1] + dir[1] * along + dir[0] * off;
			out.push({ at: [x, y], ...key, number: 2 * k - (side === 1 ? 1 : 0) });
		}
	}
	return out;
}

/**
 * Urban houses: parallel streets 500 m apart; off both sides of each street, alleys every
 * 40–80 m, 30–230 m long, houses 4–8 m apart on both sides 4–6 m off the centre line.
 */
function alleyTown(count: number, seed: string): AlleyHouse[] {
	const rng = seedrandom(`alleys:${seed}`);
	const turn = rng() * Math.PI;
	const [c, s] = [Math.cos(turn), Math.sin(turn)];
	const out: AlleyHouse[] = [];
	for (let street = 1; out.length < count; street++) {
		const y0 = street * 500;
		for (const side of [1, -1]) {
			let alley = side === 1 ? 1 : 2;
			for (let x = between(rng, 10, 60); x < 600 && out.length < count; x += between(rng, 40, 80)) {
				const mouth: Pt = [x * c - (y0 + side * 6) * s, x * s + (y0 + side * 6) * c];
				const dir: Pt = [-s * side, c * side];
				out.push(...alleyHouses(rng, mouth, dir, { street, alley }));
				alley += 2;
			}
		}
	}
	return out.slice(0, count);
}

/** Urban layout as a raw point problem: the solver must find the alleys itself. */
export function alleyLayout(count: number, seed: string): PathProblem {
	return withStart(alleyTown(count, seed).map((h) => h.at));
}

/**
 * The same urban layout as households with alley keys and house numbers, so that the planner's
 * alley walk units (walkProblem) are exercised; with the start (the area's middle).
 */
export function alleyHouseholds(count: number, seed: string) {
	const town = alleyTown(count, seed);
	const p = withStart(town.map((h) => h.at));
	const households: BenchHousehold[] = town.map((h, i) => {
		const alleyKey = `pho ${h.street}|${h.alley}`;
		const [lon, lat] = lonLatOf(h.at[0], h.at[1]);
		return {
			id: `a${i}`,
			lon,
			lat,
			alleyKey,
			addressKey: `${alleyKey}#${h.number}`,
			doNotContact: false,
			address: `Số ${h.number}, ngõ ${h.alley}, phố ${h.street}`,
			group: h.street
		};
	});
	return { households, start: lonLatOf(p.xs[0]!, p.ys[0]!) };
}
