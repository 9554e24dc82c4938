/**
 * The browser side of bench/street-graph-browser.ts: the measured work, run in a Web Worker
 * (street-graph-browser-worker.ts) or on the page's main thread (street-graph-browser-page.ts).
 * Fetches a commune's graph file as a phone would, decodes it, then times 200-stop distance
 * matrices and path queries. Plain DOM-free code: it runs in both contexts.
 */
import { decodeStreetGraph } from '../../src/lib/domain/streets/codec.ts';
import { streetDistanceMatrix, streetPath } from '../../src/lib/domain/streets/paths.ts';
import type { LonLat, TravelMode } from '../../src/lib/domain/streets/types.ts';

export interface BenchRequest {
	/** The encoded graph (graphs/{code}.bin) and the stops: matrices of 200, path pairs. */
	graphUrl: string;
	stopsUrl: string;
	mode: TravelMode;
}

export interface BenchStops {
	matrices: LonLat[][];
	pairs: [LonLat, LonLat][];
}

export interface BenchResult {
	decodeMs: number;
	matrixMs: number[];
	pathMs: number[];
	/** Cells with no street distance, over all matrices; paths found. */
	nullCells: number;
	pathsFound: number;
}

function time(f: () => void): number {
	const t0 = performance.now();
	f();
	return performance.now() - t0;
}

/** Decodes the graph, warms the JIT up (a fresh worker starts cold), then times each query. */
export async function runCase(req: BenchRequest): Promise<BenchResult> {
	const bytes = new Uint8Array(await (await fetch(req.graphUrl)).arrayBuffer());
	const stops = (await (await fetch(req.stopsUrl)).json()) as BenchStops;
	let graph = decodeStreetGraph(bytes);
	const decodeMs = time(() => (graph = decodeStreetGraph(bytes)));
	for (const pts of stops.matrices.slice(0, 3)) streetDistanceMatrix(graph, pts, req.mode);
	for (const [a, b] of stops.pairs.slice(0, 20)) streetPath(graph, a, b, req.mode);
	let nullCells = 0;
	const matrixMs = stops.matrices.map((pts) => {
		let m: (number | null)[][] = [];
		const t = time(() => (m = streetDistanceMatrix(graph, pts, req.mode)));
		for (const row of m) for (const d of row) if (d === null) nullCells++;
		return t;
	});
	let pathsFound = 0;
	const pathMs = stops.pairs.map(([a, b]) =>
		time(() => (pathsFound += streetPath(graph, a, b, req.mode) ? 1 : 0))
	);
	return { decodeMs, matrixMs, pathMs, nullCells, pathsFound };
}

/**
 * A fixed amount of plain arithmetic, timed once compiled (the untimed first round lets a fresh
 * worker's JIT tier up): the same work at 1× and under a CPU slowdown tells how much of the
 * slowdown reaches this thread.
 */
export function calibrate(): number {
	spin();
	return time(spin);
}

function spin() {
	let x = 0;
	for (let i = 1; i < 30_000_000; i++) x += Math.sqrt(i) % 3;
	if (x < 0) throw new Error('unreachable');
}
