/**
 * K nearest neighbours of every point, through a uniform grid: the candidate lists that keep
 * 2-opt and Or-opt near-linear (a move is only tried towards a near neighbour).
 */

/** For each point, up to `k` other points by rising distance. */
export function nearestNeighbours(xs: Float64Array, ys: Float64Array, k: number): Int32Array[] {
	const n = xs.length;
	if (n === 0) return [];
	let minX = Infinity,
		minY = Infinity,
		maxX = -Infinity,
		maxY = -Infinity;
	for (let i = 0; i < n; i++) {
		minX = Math.min(minX, xs[i]!);
		maxX = Math.max(maxX, xs[i]!);
		minY = Math.min(minY, ys[i]!);
		maxY = Math.max(maxY, ys[i]!);
	}
	const side = Math.max(1, Math.ceil(Math.sqrt(n / 2)));
	const cell = Math.max(maxX - minX, maxY - minY, 1e-6) / side;
	const cols = Math.floor((maxX - minX) / cell) + 1;
	const rows = Math.floor((maxY - minY) / cell) + 1;
	const buckets: number[][] = Array.from({ length: cols * rows }, () => []);
	const cx = (i: number) => Math.floor((xs[i]! - minX) / cell);
	const cy = (i: number) => Math.floor((ys[i]! - minY) / cell);
	for (let i = 0; i < n; i++) buckets[cy(i) * cols + cx(i)]!.push(i);
	const want = Math.min(k, n - 1);
	return Array.from({ length: n }, (_, i) => {
		const ids: number[] = [];
		const ds: number[] = [];
		const x0 = cx(i);
		const y0 = cy(i);
		for (let r = 0; ; r++) {
			if (ids.length >= want && (r - 1) * cell > ds[ds.length - 1]!) break;
			if (r > cols + rows) break;
			for (let gy = y0 - r; gy <= y0 + r; gy++) {
				if (gy < 0 || gy >= rows) continue;
				const edge = gy === y0 - r || gy === y0 + r;
				for (let gx = x0 - r; gx <= x0 + r; gx += edge ? 1 : 2 * r || 1) {
					if (gx < 0 || gx >= cols) continue;
					for (const j of buckets[gy * cols + gx]!) {
						if (j === i) continue;
						const d = Math.hypot(xs[i]! - xs[j]!, ys[i]! - ys[j]!);
						if (ids.length === want && d >= ds[want - 1]!) continue;
						let p = Math.min(ids.length, want - 1);
						if (ids.length < want) {
							ids.push(j);
							ds.push(d);
							p = ids.length - 1;
						}
						while (p > 0 && ds[p - 1]! > d) {
							ids[p] = ids[p - 1]!;
							ds[p] = ds[p - 1]!;
							p--;
						}
						ids[p] = j;
						ds[p] = d;
					}
				}
			}
		}
		return Int32Array.from(ids);
	});
}
