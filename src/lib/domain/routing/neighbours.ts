/**
 * Candidate neighbours of every point, through a uniform grid: the lists that keep 2-opt and
 * Or-opt near-linear (a move is only tried towards a candidate). Besides the k nearest, a point
 * can keep the nearest few in each quadrant around it: where houses stand in hamlets or alleys,
 * the k nearest all lie in the same cluster, and the edges between clusters, which decide the
 * order the clusters are walked in, would never be tried.
 */

/** A uniform grid over the points, about two points a cell, as flat bucket arrays. */
interface Grid {
	cell: number;
	cols: number;
	rows: number;
	/** Cell of each point. */
	cx: Int32Array;
	cy: Int32Array;
	/** Points of cell c are items[start[c] .. start[c + 1] - 1]. */
	start: Int32Array;
	items: Int32Array;
}

function gridOf(xs: Float64Array, ys: Float64Array): Grid {
	const n = xs.length;
	let [minX, minY, maxX, maxY] = [Infinity, Infinity, -Infinity, -Infinity];
	for (let i = 0; i < n; i++) {
		[minX, maxX] = [Math.min(minX, xs[i]!), Math.max(maxX, xs[i]!)];
		[minY, maxY] = [Math.min(minY, ys[i]!), Math.max(maxY, ys[i]!)];
	}
	const side = Math.max(1, Math.ceil(Math.sqrt(n / 2)));
	const cell = Math.max(maxX - minX, maxY - minY, 1e-6) / side;
	const cols = Math.floor((maxX - minX) / cell) + 1;
	const rows = Math.floor((maxY - minY) / cell) + 1;
	const cx = Int32Array.from(xs, (x) => Math.floor((x - minX) / cell));
	const cy = Int32Array.from(ys, (y) => Math.floor((y - minY) / cell));
	const start = new Int32Array(cols * rows + 1);
	for (let i = 0; i < n; i++) start[cy[i]! * cols + cx[i]! + 1]!++;
	for (let c = 0; c < cols * rows; c++) start[c + 1]! += start[c]!;
	const fill = start.slice(0, cols * rows);
	const items = new Int32Array(n);
	for (let i = 0; i < n; i++) items[fill[cy[i]! * cols + cx[i]!]!++] = i;
	return { cell, cols, rows, cx, cy, start, items };
}

/** Keeps ids/ds sorted by distance and at most `cap` long. */
function keep(ids: number[], ds: number[], cap: number, j: number, d: number): void {
	if (cap === 0 || (ids.length >= cap && d >= ds[cap - 1]!)) return;
	let p = ids.length;
	if (p < cap) {
		ids.push(j);
		ds.push(d);
	} else p = cap - 1;
	while (p > 0 && ds[p - 1]! > d) {
		ids[p] = ids[p - 1]!;
		ds[p] = ds[p - 1]!;
		p--;
	}
	ids[p] = j;
	ds[p] = d;
}

/** Lists still short, or holding a point farther than `reach`: the search must go on. */
const open = (ds: number[], cap: number, reach: number) =>
	cap > 0 && (ds.length < cap || ds[cap - 1]! > reach);

/** Sorted candidate lists being filled: the k nearest, and the q nearest per quadrant. */
class Lists {
	readonly near: number[] = [];
	readonly nearD: number[] = [];
	readonly quad: number[][] = [[], [], [], []];
	readonly quadD: number[][] = [[], [], [], []];
	private readonly k: number;
	private readonly q: number;

	constructor(k: number, q: number) {
		this.k = k;
		this.q = q;
	}

	add(j: number, d: number, quadrant: number): void {
		keep(this.near, this.nearD, this.k, j, d);
		keep(this.quad[quadrant]!, this.quadD[quadrant]!, this.q, j, d);
	}

	/** True when no point farther than `reach` can enter any list. */
	full(reach: number): boolean {
		if (open(this.nearD, this.k, reach)) return false;
		for (let t = 0; t < 4; t++) if (open(this.quadD[t]!, this.q, reach)) return false;
		return true;
	}

	/** All kept points once, by rising distance. */
	merged(): Int32Array {
		const ids = [...this.near];
		const ds = [...this.nearD];
		for (let t = 0; t < 4; t++)
			this.quad[t]!.forEach((j, u) => {
				if (!ids.includes(j)) keep(ids, ds, Infinity, j, this.quadD[t]![u]!);
			});
		return Int32Array.from(ids);
	}
}

/** Candidates of point i: its k nearest and the q nearest in each quadrant, by distance. */
function candidatesOf(
	g: Grid,
	xs: Float64Array,
	ys: Float64Array,
	i: number,
	k: number,
	q: number
) {
	const lists = new Lists(k, q);
	const [x0, y0] = [g.cx[i]!, g.cy[i]!];
	for (let r = 0; r <= g.cols + g.rows; r++) {
		if (r > 0 && lists.full((r - 1) * g.cell)) break;
		for (let gy = Math.max(0, y0 - r); gy <= Math.min(g.rows - 1, y0 + r); gy++) {
			const edge = gy === y0 - r || gy === y0 + r;
			const step = edge ? 1 : 2 * r;
			for (let gx = edge ? Math.max(0, x0 - r) : x0 - r; gx <= x0 + r && gx < g.cols; gx += step) {
				if (gx < 0) continue;
				const c = gy * g.cols + gx;
				for (let t = g.start[c]!; t < g.start[c + 1]!; t++) {
					const j = g.items[t]!;
					if (j === i) continue;
					const dx = xs[j]! - xs[i]!;
					const dy = ys[j]! - ys[i]!;
					lists.add(j, Math.sqrt(dx * dx + dy * dy), (dx < 0 ? 1 : 0) + (dy < 0 ? 2 : 0));
				}
			}
		}
	}
	return lists.merged();
}

/**
 * For each point, its `k` nearest other points and the `perQuadrant` nearest in each of the four
 * quadrants around it (at most k + 4 · perQuadrant points), by rising distance.
 */
export function candidateNeighbours(
	xs: Float64Array,
	ys: Float64Array,
	k: number,
	perQuadrant = 0
): Int32Array[] {
	const n = xs.length;
	if (n === 0) return [];
	const g = gridOf(xs, ys);
	return Array.from({ length: n }, (_, i) =>
		candidatesOf(g, xs, ys, i, Math.min(k, n - 1), perQuadrant)
	);
}

/** For each point, up to `k` other points by rising distance. */
export function nearestNeighbours(xs: Float64Array, ys: Float64Array, k: number): Int32Array[] {
	return candidateNeighbours(xs, ys, k, 0);
}
