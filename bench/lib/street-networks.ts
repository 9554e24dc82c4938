/**
 * Synthetic street networks for bench/street-graph.ts, in metres then lon/lat: a rural
 * commune (15 hamlets of lanes, alleys and field paths joined by meandering roads, ~2,000
 * households, some in the fields) and an urban ward (a 2 × 2 km street grid, alleys every 25 m
 * off the streets, sub-alleys off the alleys, 50,000 households). Seeded: the same every run.
 */
import { M_PER_DEG } from '../../src/lib/domain/routing/geometry.ts';
import { seededRandom } from '../../src/lib/domain/routing/tsp.ts';
import type { LonLat } from '../../src/lib/domain/routing/types.ts';
import type { StreetKind, StreetLine } from '../../src/lib/domain/streets/types.ts';

type XY = [number, number];
export interface Network {
	name: string;
	lines: StreetLine[];
	houses: LonLat[];
	/** Metres → lon/lat around the network's corner. */
	toLonLat: (p: XY) => LonLat;
}

const projector = (lon0: number, lat0: number) => {
	const kx = M_PER_DEG * Math.cos((lat0 * Math.PI) / 180);
	return ([x, y]: XY): LonLat => [lon0 + x / kx, lat0 + y / M_PER_DEG];
};

/**
 * A polyline through the control points (kept exact: junctions), with a vertex every `step`
 * metres between them, moved sideways by up to `jitter` metres (a drawn street's bends).
 */
function densify(ctrl: XY[], step: number, jitter: number, rnd: () => number): XY[] {
	const out: XY[] = [ctrl[0]!];
	for (let i = 1; i < ctrl.length; i++) {
		const [ax, ay] = ctrl[i - 1]!;
		const [bx, by] = ctrl[i]!;
		const len = Math.hypot(bx - ax, by - ay);
		const k = Math.max(1, Math.round(len / step));
		for (let j = 1; j < k; j++) {
			const off = (rnd() - 0.5) * 2 * jitter;
			out.push([
				ax + ((bx - ax) * j) / k - ((by - ay) / len) * off,
				ay + ((by - ay) * j) / k + ((bx - ax) / len) * off
			]);
		}
		out.push(ctrl[i]!);
	}
	return out;
}

/** Houses along lines (by length), set back `minOff`–`maxOff` metres to either side. */
function housesAlong(
	lines: XY[][],
	count: number,
	minOff: number,
	maxOff: number,
	rnd: () => number
): XY[] {
	const segs: { a: XY; b: XY; cum: number }[] = [];
	let total = 0;
	for (const l of lines)
		for (let i = 1; i < l.length; i++) {
			total += Math.hypot(l[i]![0] - l[i - 1]![0], l[i]![1] - l[i - 1]![1]);
			segs.push({ a: l[i - 1]!, b: l[i]!, cum: total });
		}
	const out: XY[] = [];
	for (let h = 0; h < count; h++) {
		const r = rnd() * total;
		let lo = 0;
		for (let hi = segs.length - 1; lo < hi;) {
			const mid = (lo + hi) >> 1;
			if (segs[mid]!.cum < r) lo = mid + 1;
			else hi = mid;
		}
		const { a, b } = segs[lo]!;
		const t = rnd();
		const len = Math.hypot(b[0] - a[0], b[1] - a[1]) || 1;
		const off = (minOff + rnd() * (maxOff - minOff)) * (rnd() < 0.5 ? -1 : 1);
		out.push([
			a[0] + t * (b[0] - a[0]) - ((b[1] - a[1]) / len) * off,
			a[1] + t * (b[1] - a[1]) + ((b[0] - a[0]) / len) * off
		]);
	}
	return out;
}

/** 15 hamlets on a jittered 5 × 3 grid over ~8 × 5 km, roads between neighbours, field paths. */
export function ruralCommune(): Network {
	const rnd = seededRandom(7);
	const toLonLat = projector(105.5, 21.2);
	const lines: StreetLine[] = [];
	const houseLines: XY[][] = [];
	const add = (kind: StreetKind, pts: XY[], widthM?: number, forHouses = true) => {
		lines.push({ kind, coords: pts.map(toLonLat), ...(widthM ? { widthM } : {}) });
		if (forHouses) houseLines.push(pts);
	};
	const centres: XY[] = [];
	for (let j = 0; j < 3; j++)
		for (let i = 0; i < 5; i++)
			centres.push([i * 1700 + (rnd() - 0.5) * 600, j * 1700 + (rnd() - 0.5) * 600]);
	for (const [cx, cy] of centres) {
		const lanes = [-300, -150, 0, 150, 300].map((dx) => cx + dx + (dx ? (rnd() - 0.5) * 40 : 0)); // the middle lane meets the roads
		add(
			'street',
			densify([[cx - 450, cy], ...lanes.map((x): XY => [x, cy]), [cx + 450, cy]], 30, 4, rnd),
			5
		);
		for (const x of lanes) {
			const north = 150 + rnd() * 200;
			const south = 150 + rnd() * 200;
			const junctions: XY[] = [];
			for (let d = -south + 40; d < north; d += 50 + rnd() * 30)
				if (Math.abs(d) > 15) junctions.push([x, cy + d]);
			const ctrl = [
				[x, cy - south] as XY,
				...junctions.filter((p) => p[1] < cy),
				[x, cy] as XY,
				...junctions.filter((p) => p[1] > cy),
				[x, cy + north] as XY
			];
			add('alley', densify(ctrl, 25, 2, rnd), 2.5 + rnd());
			for (const [jx, jy] of junctions) {
				const side = rnd() < 0.5 ? -1 : 1;
				add(
					'alley',
					densify(
						[
							[jx, jy],
							[jx + side * (40 + rnd() * 80), jy + (rnd() - 0.5) * 20]
						],
						20,
						1.5,
						rnd
					),
					1.2 + rnd() * 1.5
				);
			}
			if (rnd() < 0.5)
				add(
					'path',
					densify(
						[
							[x, cy + north],
							[x + (rnd() - 0.5) * 300, cy + north + 200 + rnd() * 300]
						],
						30,
						5,
						rnd
					),
					undefined,
					false
				);
		}
	}
	const meander = (a: XY, b: XY, kind: StreetKind) => {
		const len = Math.hypot(b[0] - a[0], b[1] - a[1]);
		const ctrl: XY[] = [a];
		for (let s = 1; s < 6; s++)
			ctrl.push([
				a[0] + ((b[0] - a[0]) * s) / 6 + (rnd() - 0.5) * len * 0.08,
				a[1] + ((b[1] - a[1]) * s) / 6 + (rnd() - 0.5) * len * 0.08
			]);
		ctrl.push(b);
		add(kind, densify(ctrl, 40, 3, rnd), kind === 'road' ? 6 : undefined, false);
	};
	for (let j = 0; j < 3; j++)
		for (let i = 0; i < 5; i++) {
			const c = centres[j * 5 + i]!;
			if (i < 4) meander(c, centres[j * 5 + i + 1]!, 'road');
			if (j < 2) meander(c, centres[(j + 1) * 5 + i]!, 'road');
			if (i < 4 && j < 2 && rnd() < 0.6) meander(c, centres[(j + 1) * 5 + i + 1]!, 'path');
		}
	const houses = housesAlong(houseLines, 1960, 4, 25, rnd);
	for (let h = 0; h < 40; h++) houses.push([rnd() * 7000, rnd() * 3500]); // in the fields
	return { name: 'rural commune', lines, houses: houses.map(toLonLat), toLonLat };
}

/** A 2 × 2 km ward: streets every 250 m, alleys every 25 m off them, sub-alleys off the alleys. */
export function urbanWard(): Network {
	const rnd = seededRandom(11);
	const toLonLat = projector(106.68, 10.77);
	const lines: StreetLine[] = [];
	const houseLines: XY[][] = [];
	const add = (kind: StreetKind, pts: XY[], widthM?: number) => {
		lines.push({ kind, coords: pts.map(toLonLat), ...(widthM ? { widthM } : {}) });
		houseLines.push(pts);
	};
	const W = 2000;
	const S = 250;
	for (let k = 0; k <= W / S; k++) {
		const kind = k % 4 === 0 ? 'road' : 'street';
		const stations = Array.from({ length: W / 25 + 1 }, (_, i) => i * 25);
		add(
			kind,
			stations.map((s): XY => [s, k * S])
		);
		add(
			kind,
			stations.map((s): XY => [k * S, s])
		);
	}
	for (let bx = 0; bx < W / S; bx++)
		for (let by = 0; by < W / S; by++)
			for (let a = 1; a < S / 25; a++) {
				const x = bx * S + a * 25;
				const fromSouth = a % 2 === 1;
				const through = rnd() < 0.25;
				const y0 = fromSouth ? by * S : (by + 1) * S;
				const len = through ? S : 100 + rnd() * 20;
				const dir = fromSouth ? 1 : -1;
				const ctrl: XY[] = [[x, y0]];
				const subs: XY[] = [];
				for (let d = 20; d < len - 5; d += 20) {
					ctrl.push([x, y0 + dir * d]);
					if (rnd() < 0.6) subs.push([x, y0 + dir * d]);
				}
				ctrl.push([x, y0 + dir * len]);
				const wide = rnd() < 0.7;
				add('alley', densify(ctrl, 10, 0.5, rnd), wide ? 3 : 1.8);
				for (const [sx, sy] of subs) {
					const side = rnd() < 0.5 ? -1 : 1;
					add(
						'alley',
						densify(
							[
								[sx, sy],
								[sx + side * (8 + rnd() * 10), sy + (rnd() - 0.5) * 4]
							],
							8,
							0.3,
							rnd
						),
						wide && rnd() < 0.3 ? 2.2 : 1.4
					);
				}
			}
	return {
		name: 'urban ward',
		lines,
		houses: housesAlong(houseLines, 50_000, 2, 6, rnd).map(toLonLat),
		toLonLat
	};
}
