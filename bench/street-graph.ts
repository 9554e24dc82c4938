/**
 * Street graph benchmark (Node; prints figures, asserts no timing): on two synthetic networks —
 * a rural commune (15 hamlets of lanes, alleys and field paths joined by meandering roads,
 * ~2,000 households) and an urban ward (a street grid with alleys and sub-alleys, 50,000
 * households) — the graph's size, its stored size (raw and gzipped), build / decode / snap
 * times, a 200-stop distance matrix (stops of one team's area, and stops scattered over the
 * whole commune) and one path query, as p50 / p90 on this machine.
 *
 *   node bench/street-graph.ts [--runs 10] [--paths 100]
 */
import { gzipSync } from 'node:zlib';
import { parseArgs } from 'node:util';
import { loadAverage, printMachine } from './lib/machine.ts';
import { seededRandom } from '../src/lib/domain/routing/tsp.ts';
import type { LonLat } from '../src/lib/domain/routing/types.ts';
import { buildStreetGraph } from '../src/lib/domain/streets/build.ts';
import { decodeStreetGraph, encodeStreetGraph } from '../src/lib/domain/streets/codec.ts';
import { streetDistanceMatrix, streetPath } from '../src/lib/domain/streets/paths.ts';
import { snapToStreets } from '../src/lib/domain/streets/snap.ts';
import type { TravelMode } from '../src/lib/domain/streets/types.ts';
import { ruralCommune, urbanWard, type Network } from './lib/street-networks.ts';

const { values } = parseArgs({
	options: { runs: { type: 'string', default: '10' }, paths: { type: 'string', default: '100' } }
});
const RUNS = Number(values.runs);
const PATHS = Number(values.paths);

const quantile = (xs: number[], q: number) =>
	[...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(q * xs.length))]!;
const p5090 = (xs: number[]) =>
	`${quantile(xs, 0.5).toFixed(1)} / ${quantile(xs, 0.9).toFixed(1)} ms`;
function time(f: () => void): number {
	const t0 = performance.now();
	f();
	return performance.now() - t0;
}

/** The 200 houses nearest a random one (one team's area), or 200 anywhere. */
function stops(houses: LonLat[], rnd: () => number, local: boolean): LonLat[] {
	if (!local) return Array.from({ length: 200 }, () => houses[Math.floor(rnd() * houses.length)]!);
	const c = houses[Math.floor(rnd() * houses.length)]!;
	const d2 = (p: LonLat) => (p[0] - c[0]) ** 2 + (p[1] - c[1]) ** 2;
	return [...houses].sort((a, b) => d2(a) - d2(b)).slice(0, 200);
}

function measure(net: Network, mode: TravelMode) {
	const built = buildStreetGraph(net.lines);
	const builds = Array.from({ length: 5 }, () => time(() => buildStreetGraph(net.lines)));
	const bytes = encodeStreetGraph(built);
	const decodes = Array.from({ length: 5 }, () => time(() => decodeStreetGraph(bytes)));
	const graph = decodeStreetGraph(bytes);
	let km = 0;
	for (const l of graph.edgeLengthM) km += l / 1000;
	let off = 0;
	const snapAll = time(() => {
		for (const h of net.houses) if (!snapToStreets(graph, h, mode)) off++;
	});
	const row = (label: string, value: string) => console.log(`  ${label.padEnd(44)} ${value}`);
	console.log(
		`\n${net.name} (${mode}): ${net.houses.length.toLocaleString('en')} households, ${net.lines.length.toLocaleString('en')} street lines`
	);
	row(
		'graph nodes / edges / length',
		`${graph.nodeCount.toLocaleString('en')} / ${graph.edgeCount.toLocaleString('en')} / ${km.toFixed(0)} km`
	);
	row(
		'encoded / gzipped',
		`${bytes.length.toLocaleString('en')} B / ${gzipSync(bytes).length.toLocaleString('en')} B`
	);
	row(
		'build from lines / decode, p50 of 5',
		`${quantile(builds, 0.5).toFixed(1)} / ${quantile(decodes, 0.5).toFixed(1)} ms`
	);
	row(`snap every household (${off} off the network)`, `${snapAll.toFixed(1)} ms`);
	for (const local of [true, false]) {
		const rnd = seededRandom(3);
		let nulls = 0;
		const ts = Array.from({ length: RUNS }, () => {
			const pts = stops(net.houses, rnd, local);
			let m: (number | null)[][] = [];
			const t = time(() => (m = streetDistanceMatrix(graph, pts, mode)));
			nulls += m.flat().filter((d) => d === null).length;
			return t;
		});
		row(
			`matrix 200 stops, ${local ? "one team's area" : 'whole commune'}, p50 / p90`,
			`${p5090(ts)} (${(nulls / RUNS).toFixed(0)} null cells/run)`
		);
	}
	const rnd = seededRandom(5);
	let found = 0;
	const ts = Array.from({ length: PATHS }, () => {
		const a = net.houses[Math.floor(rnd() * net.houses.length)]!;
		const b = net.houses[Math.floor(rnd() * net.houses.length)]!;
		return time(() => (found += streetPath(graph, a, b, mode) ? 1 : 0));
	});
	row(`one path, houses anywhere, p50 / p90 (${found}/${PATHS} found)`, p5090(ts));
}

/** Lets the JIT compile build, snap and search before anything is timed. */
function warmUp(nets: Network[]) {
	for (const net of nets) {
		const graph = buildStreetGraph(net.lines);
		decodeStreetGraph(encodeStreetGraph(graph));
		for (const mode of ['foot', 'motorbike'] as const) {
			streetDistanceMatrix(graph, net.houses.slice(0, 200), mode);
			for (let i = 0; i < 50; i++) streetPath(graph, net.houses[i]!, net.houses[i + 50]!, mode);
		}
	}
}

printMachine();
console.log(`Runs: ${RUNS} matrices, ${PATHS} paths per network`);
const rural = ruralCommune();
const ward = urbanWard();
warmUp([rural, ward]);
measure(rural, 'foot');
measure(rural, 'motorbike');
measure(ward, 'foot');
measure(ward, 'motorbike');
console.log(`\nLoad average after: ${loadAverage()}`);
