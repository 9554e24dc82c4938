/**
 * The streets and alleys the demo's households stand on, laid out with them: in town, two or
 * three streets through the residential group's centre and its ngõ / ngách (kiệt, hẻm) off
 * them, named as in the addresses; in the country, the hamlet's road through its centre and
 * roads and footpaths branching off it; between hamlets, a connecting road. Lines meet at shared
 * vertices (an alley starts on a vertex of its street), so the street graph built from them is
 * connected. Pure: positions come from the generator's own random stream.
 */
import { isInside, offset, type CommuneShape, type LonLat } from './geo.ts';
import type { Rng } from './rng.ts';

/** A line of the demo base map, in the kinds the street graph and the tiles know. */
export interface DemoStreet {
	communeCode: string;
	kind: 'road' | 'street' | 'alley' | 'path';
	/** "Ngõ 45", "Hẻm 120/15", "Kiệt 31", "Đường Lò Đúc"; null for unnamed paths and roads. */
	name: string | null;
	/** Width in metres: the narrowest alleys (under 2 m) are for walking only. */
	widthM: number;
	coords: LonLat[];
}

/**
 * A straight line from `origin` heading `angle` (radians, east = 0), drawn from station `from`
 * to `to` (metres along it, negative behind the origin) with a vertex at every station where
 * another line joins it.
 */
export class Line {
	readonly origin: LonLat;
	readonly angle: number;
	readonly from: number;
	private end: number;
	private readonly stations = new Set<number>();
	/** Stations whose point is given (a crossing, a road's far end): shared exactly with another line. */
	private readonly pins = new Map<number, LonLat>();

	constructor(origin: LonLat, angle: number, from: number, to: number) {
		[this.origin, this.angle, this.from, this.end] = [origin, angle, from, to];
		this.stations.add(from).add(to);
	}

	get to(): number {
		return this.end;
	}

	/** The point `t` metres along; adds a vertex there when `join` is set. */
	at(t: number, join = false): LonLat {
		if (this.pins.has(t)) return this.pins.get(t)!;
		const s = Math.round(Math.max(this.from, Math.min(this.end, t)));
		if (join) this.stations.add(s);
		return (
			this.pins.get(s) ?? offset(this.origin, s * Math.cos(this.angle), s * Math.sin(this.angle))
		);
	}

	/** Puts the exact point `p` at station `t` (another line passes through it). */
	pin(t: number, p: LonLat): void {
		this.stations.add(t);
		this.pins.set(t, p);
	}

	/** A point `t` along and `side` metres to its left (negative: right). */
	beside(t: number, side: number): LonLat {
		const [e, n] = [Math.cos(this.angle), Math.sin(this.angle)];
		return offset(this.origin, t * e - side * n, t * n + side * e);
	}

	/** Carries the line on to station `t` (an alley's last house). */
	reach(t: number): void {
		this.end = Math.max(this.end, Math.round(t));
		this.stations.add(this.end);
	}

	coords(): LonLat[] {
		return [...this.stations].sort((a, b) => a - b).map((s) => this.at(s));
	}
}

/** A named line waiting for its vertices, and what it becomes on the map. */
export interface LaidLine {
	line: Line;
	kind: DemoStreet['kind'];
	name: string | null;
	widthM: number;
}

/** The commune's lines, emitted once every junction is known. */
export function streetsOf(communeCode: string, lines: readonly LaidLine[]): DemoStreet[] {
	return lines.map((l) => ({
		communeCode,
		kind: l.kind,
		name: l.name,
		widthM: l.widthM,
		coords: l.line.coords()
	}));
}

/** A house `side` metres beside `t` along the line, or `fallback` when that is outside. */
export function houseBeside(
	shape: CommuneShape,
	line: Line,
	t: number,
	side: number,
	fallback: LonLat
): LonLat {
	const p = line.beside(t, side);
	return isInside(shape, p) ? p : fallback;
}

/** The hamlet road of a rural hamlet and 2–4 branches (roads or footpaths) off it. */
export function ruralLines(rng: Rng, centre: LonLat, spreadM: number) {
	const half = Math.round(spreadM * (1.6 + rng.float()));
	const main = new Line(centre, rng.float() * Math.PI, -half, half);
	main.at(0, true);
	const lines: LaidLine[] = [{ line: main, kind: 'road', name: null, widthM: 4 }];
	const branchLines: Line[] = [];
	const branches = rng.int(2, 4);
	for (let i = 0; i < branches; i++) {
		const t = Math.round((rng.float() * 2 - 1) * half * 0.8);
		const turn = (rng.chance(0.5) ? 1 : -1) * (Math.PI / 2 + (rng.float() - 0.5) * 0.6);
		const path = rng.chance(0.45);
		const length = Math.round(spreadM * (0.5 + rng.float() * 0.7));
		const line = new Line(main.at(t, true), main.angle + turn, 0, length);
		lines.push({ line, kind: path ? 'path' : 'road', name: null, widthM: path ? 1.5 : 3 });
		branchLines.push(line);
	}
	return { main, branches: branchLines, lines };
}

/** The streets of a residential group: through its centre, spread round the compass. */
export function townStreets(rng: Rng, centre: LonLat, names: readonly string[], word: string) {
	const first = rng.float() * Math.PI;
	return names.map((name, i) => {
		const angle = first + (i * Math.PI) / names.length + (rng.float() - 0.5) * 0.3;
		const line = new Line(centre, angle, -420, 420);
		line.at(0, true);
		const laid: LaidLine = { line, kind: 'street', name: `${word} ${name}`, widthM: 8 };
		return { line, laid };
	});
}

/**
 * Roads joining the hamlet centres (a shortest spanning tree, straight): the commune's road
 * network. The centres must be the exact vertices the hamlets' own lines start from.
 */
export function connectingRoads(centres: readonly LonLat[], urban: boolean): LaidLine[] {
	const d = (a: LonLat, b: LonLat) =>
		Math.hypot((a[0] - b[0]) * Math.cos((a[1] * Math.PI) / 180), a[1] - b[1]);
	const joined = new Set([0]);
	const out: LaidLine[] = [];
	while (joined.size < centres.length) {
		let best: [number, number, number] = [-1, -1, Infinity];
		for (let i = 0; i < centres.length; i++) {
			if (joined.has(i)) continue;
			for (const j of joined) {
				const dist = d(centres[i]!, centres[j]!);
				if (dist < best[2]) best = [j, i, dist];
			}
		}
		const [a, b] = [centres[best[0]]!, centres[best[1]]!];
		const [east, north] = metres(a, b);
		const line = new Line(a, Math.atan2(north, east), 0, Math.hypot(east, north));
		line.pin(0, a);
		line.pin(line.to, b);
		out.push({ line, kind: urban ? 'street' : 'road', name: null, widthM: urban ? 10 : 5 });
		joined.add(best[1]);
	}
	return out;
}

/** Metres east and north from `a` to `b` (flat-earth, as `offset`). */
function metres(a: LonLat, b: LonLat): [number, number] {
	return [(b[0] - a[0]) * 111_320 * Math.cos((a[1] * Math.PI) / 180), (b[1] - a[1]) * 111_320];
}

/**
 * Joins lines where they cross: the crossing point goes into both, so streets of neighbouring
 * residential groups, and the roads between hamlets, meet as they do on the ground.
 */
export function joinCrossings(lines: readonly LaidLine[]): void {
	const ls = lines.map((l) => l.line);
	const o = ls[0]?.origin;
	if (!o) return;
	const geo = ls.map((l) => {
		const [x, y] = metres(o, l.origin);
		return { x, y, dx: Math.cos(l.angle), dy: Math.sin(l.angle) };
	});
	for (let i = 0; i < ls.length; i++) {
		for (let j = i + 1; j < ls.length; j++) {
			const [a, b] = [geo[i]!, geo[j]!];
			const det = a.dx * -b.dy + b.dx * a.dy;
			if (Math.abs(det) < 1e-6) continue;
			const [rx, ry] = [b.x - a.x, b.y - a.y];
			const t = (rx * -b.dy + b.dx * ry) / det;
			const u = (a.dx * ry - a.dy * rx) / det;
			const [li, lj] = [ls[i]!, ls[j]!];
			// Ends that already touch (an alley off its street) are joined already.
			if (t <= li.from + 1 || t >= li.to - 1 || u <= lj.from + 1 || u >= lj.to - 1) continue;
			const p = li.at(t);
			li.pin(t, p);
			lj.pin(u, p);
		}
	}
}
