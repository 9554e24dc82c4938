/**
 * Team plans along the streets vs straight lines × 1.3 (Node; prints figures, asserts nothing):
 * on the synthetic networks of bench/lib/street-networks.ts — the rural commune (15 hamlets,
 * ~2,000 households, some in the fields; no alley addresses, as in a hamlet) and team areas of
 * the urban ward (the 1,500 households nearest a house, addressed by the alley or street they
 * stand on and numbered along it, as the demo's town addresses are, so each alley is walked
 * whole) — each area is planned twice, by foot and by motorbike: without the street graph
 * (straight × 1.3, as before) and with it. Printed per case:
 * - the straight plan's outings as it estimated them, and the same outings measured along the
 *   streets (how wrong straight × 1.3 is for these streets: ratio);
 * - the plan made along the streets: its outings and total metres, and the ratio to the
 *   straight plan's estimate;
 * - planning time both ways (median of --runs; the graph is decoded before, as the worker does),
 *   and the time to draw every outing's line along the streets (the worker does it after).
 *
 * With --demo: the demo's own communes instead (households, addresses and streets as
 * scripts/seed-demo.ts makes them; reads the reference data for the commune outlines): Định Hoá
 * at the demo commune's size, two town wards and a Lạng Sơn commune, each planned whole for one
 * team of five.
 *
 *   node bench/street-plan.ts [--runs 3] [--demo]
 */
import { parseArgs } from 'node:util';
import { loadAverage, printMachine } from './lib/machine.ts';
import { ruralCommune, urbanWard, type Network } from './lib/street-networks.ts';
import { streetLegs } from '../src/lib/domain/routing/street-legs.ts';
import { planTeam, type TeamPlanInput } from '../src/lib/domain/routing/team-plan.ts';
import type {
	TeamHousehold,
	TeamMember,
	TeamPlan
} from '../src/lib/domain/routing/team-plan-types.ts';
import { haversineM } from '../src/lib/domain/routing/geometry.ts';
import { travelModel } from '../src/lib/domain/routing/travel.ts';
import { seededRandom } from '../src/lib/domain/routing/tsp.ts';
import type { LonLat } from '../src/lib/domain/routing/types.ts';
import { buildStreetGraph } from '../src/lib/domain/streets/build.ts';
import { decodeStreetGraph, encodeStreetGraph } from '../src/lib/domain/streets/codec.ts';
import { snapToStreets } from '../src/lib/domain/streets/snap.ts';
import { outingPaths } from '../src/lib/plan/plan-paths.ts';
import type { StreetGraph, TravelMode } from '../src/lib/domain/streets/types.ts';

const { values } = parseArgs({
	options: { runs: { type: 'string', default: '3' }, demo: { type: 'boolean', default: false } }
});
const RUNS = Number(values.runs);
const DAYS = ['2026-12-07', '2026-12-08', '2026-12-09', '2026-12-10', '2026-12-11'];
const MEMBERS: TeamMember[] = Array.from({ length: 5 }, (_, i) => ({
	id: `m${i + 1}`,
	sessionMinutes: 180,
	start: { kind: 'first' }
}));

interface Case {
	name: string;
	graph: StreetGraph;
	houses: LonLat[];
	/** Per house: its alley (or street) key and address key; none: a hamlet's houses. */
	addresses?: { alleyKey: string; addressKey: string }[];
}

const household =
	(c: Case) =>
	([lon, lat]: LonLat, i: number): TeamHousehold => ({
		...{ id: `h${i}`, lon, lat, doNotContact: false },
		...(c.addresses?.[i] ?? { alleyKey: '', addressKey: '' }),
		...{ hamletId: null, priority: false, revisit: null }
	});

const input = (c: Case, mode: TravelMode, streets: StreetGraph | null): TeamPlanInput => ({
	households: c.houses.map(household(c)),
	hamlets: [],
	members: MEMBERS,
	options: {
		days: DAYS,
		sessions: ['morning', 'afternoon'],
		travelMode: mode,
		walkMPerMin: 67,
		minutesPerHouse: 8,
		spread: 'even'
	},
	streets
});

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
function timed(f: () => TeamPlan): { plan: TeamPlan; ms: number } {
	let plan: TeamPlan | null = null;
	const ms = median(
		Array.from({ length: RUNS }, () => {
			const t0 = performance.now();
			plan = f();
			return performance.now() - t0;
		})
	);
	return { plan: plan!, ms };
}

/** The plan's outings (start, then houses) measured along the streets. */
function alongStreets(c: Case, mode: TravelMode, plan: TeamPlan): number {
	const legs = streetLegs(c.graph, travelModel(mode));
	const at = new Map(c.houses.map((p, i) => [`h${i}`, p]));
	let m = 0;
	for (const o of plan.outings) {
		const pts = [...(o.start ? [o.start] : []), ...o.householdIds.map((id) => at.get(id)!)];
		for (let k = 1; k < pts.length; k++) m += legs.metres(pts[k - 1]!, pts[k]!);
	}
	return m;
}

const km = (m: number) => `${(m / 1000).toFixed(1)} km`;
const total = (p: TeamPlan) => p.outings.reduce((t, o) => t + o.distanceM, 0);
const minutes = (p: TeamPlan) => p.outings.reduce((t, o) => t + o.minutes, 0);

function measure(c: Case, mode: TravelMode) {
	const straight = timed(() => planTeam(input(c, mode, null)));
	const streets = timed(() => planTeam(input(c, mode, c.graph)));
	const estimate = total(straight.plan);
	const measured = alongStreets(c, mode, straight.plan);
	const planned = total(streets.plan);
	const row = (label: string, value: string) => console.log(`  ${label.padEnd(50)} ${value}`);
	console.log(`\n${c.name} (${mode}): ${c.houses.length.toLocaleString('en')} households`);
	row(
		'straight × 1.3 plan: outings / km / minutes',
		`${straight.plan.outings.length} / ${km(estimate)} / ${minutes(straight.plan)}`
	);
	row(
		'  the same outings along the streets',
		`${km(measured)} (× ${(measured / estimate).toFixed(3)} the estimate)`
	);
	row(
		'street plan: outings / km / minutes',
		`${streets.plan.outings.length} / ${km(planned)} / ${minutes(streets.plan)}`
	);
	row(
		'  street plan vs straight estimate',
		`${planned >= estimate ? '+' : ''}${km(planned - estimate)} (× ${(planned / estimate).toFixed(3)})`
	);
	row('  street plan vs straight plan measured on streets', `× ${(planned / measured).toFixed(3)}`);
	row('  households off the network (flagged)', `${streets.plan.offNetwork.length}`);
	row(
		`planning time straight / streets (median of ${RUNS})`,
		`${straight.ms.toFixed(0)} / ${streets.ms.toFixed(0)} ms`
	);
	const t0 = performance.now();
	const lines = outingPaths(streets.plan.outings, c.houses.map(household(c)), c.graph, mode);
	const vertices = lines.reduce((t, l) => t + l.length, 0);
	row(
		"  draw every outing's line along the streets",
		`${(performance.now() - t0).toFixed(0)} ms (${vertices.toLocaleString('en')} vertices)`
	);
}

/** The `count` houses nearest a random one: one team's area of a ward. */
function areaOf(houses: LonLat[], count: number, rnd: () => number): LonLat[] {
	const c = houses[Math.floor(rnd() * houses.length)]!;
	const d2 = (p: LonLat) => (p[0] - c[0]) ** 2 + (p[1] - c[1]) ** 2;
	return [...houses].sort((a, b) => d2(a) - d2(b)).slice(0, count);
}

/**
 * Addresses for houses by the line they stand on (the nearest street any mode may walk): the
 * line's key, and a house number that grows along the line (the alley is walked in order).
 */
function addressesOf(net: Network, graph: StreetGraph, houses: LonLat[]) {
	const seg = new Map<string, { line: number; from: string; cum: number; len: number }>();
	const key = (p: LonLat) => `${Math.round(p[0] * 1e6)},${Math.round(p[1] * 1e6)}`;
	net.lines.forEach((l, li) => {
		let cum = 0;
		for (let k = 1; k < l.coords.length; k++) {
			const [a, b] = [key(l.coords[k - 1]!), key(l.coords[k]!)];
			const len = haversineM(l.coords[k - 1]!, l.coords[k]!);
			seg.set(a < b ? `${a}|${b}` : `${b}|${a}`, { line: li, from: a, cum, len });
			cum += len;
		}
	});
	const nodeKey = (u: number) => `${graph.lonE6[u]},${graph.latE6[u]}`;
	const placed = houses.map((h) => {
		const s = snapToStreets(graph, h, 'foot');
		if (!s) return null;
		const [a, b] = [nodeKey(graph.edgeFrom[s.edge]!), nodeKey(graph.edgeTo[s.edge]!)];
		const g = seg.get(a < b ? `${a}|${b}` : `${b}|${a}`);
		if (!g) return null;
		return { line: g.line, along: g.cum + (g.from === a ? s.t : 1 - s.t) * g.len };
	});
	const rank = new Map<number, number[]>();
	placed.forEach((p, i) => {
		if (p) rank.set(p.line, [...(rank.get(p.line) ?? []), i]);
	});
	const number = new Map<number, number>();
	for (const idx of rank.values())
		idx.sort((i, j) => placed[i]!.along - placed[j]!.along).forEach((i, k) => number.set(i, k + 1));
	return placed.map((p, i) => {
		const alleyKey = p ? `line ${p.line}` : '';
		return { alleyKey, addressKey: p ? `${alleyKey}#${number.get(i)}` : '' };
	});
}

/** The graph as the planning page gets it: encoded, served, decoded. */
const servedGraph = (net: Network) =>
	decodeStreetGraph(encodeStreetGraph(buildStreetGraph(net.lines)));

/** The demo's communes as seed-demo generates them: each hamlet a team's area. */
async function demoCases(): Promise<Case[]> {
	const { loadCommuneShapes } = await import('../scripts/lib/demo-geometry.ts');
	const { generateCommune } = await import('../src/lib/server/demo/generate.ts');
	const { parseAddress } = await import('../src/lib/domain/address.ts');
	const shapeOf = loadCommuneShapes();
	const communes = [
		{
			code: '05569',
			unitType: 'Xã',
			provinceCode: '19',
			hamletScale: 6,
			name: 'Định Hoá (demo commune)'
		},
		{ code: '01840', unitType: 'Phường', provinceCode: '19', name: 'Phường Đức Xuân' },
		{ code: '05443', unitType: 'Phường', provinceCode: '19', name: 'Phường Phan Đình Phùng' },
		{ code: '05890', unitType: 'Xã', provinceCode: '20', name: 'a Lạng Sơn commune (05890)' }
	];
	return communes.flatMap((c) => {
		const r = generateCommune(
			{ ...c, shape: shapeOf(c.code)! },
			'tung-ngo-demo',
			Date.UTC(2026, 11, 3)
		);
		const graph = decodeStreetGraph(
			encodeStreetGraph(
				buildStreetGraph(
					r.streets.map((l) => ({ coords: l.coords, kind: l.kind, widthM: l.widthM }))
				)
			)
		);
		const all = r.households.filter((h) => h.lon != null && h.lat != null);
		return [
			{
				name: `demo ${c.name}, all ${r.hamlets.length} hamlets`,
				graph,
				houses: all.map((h) => [h.lon!, h.lat!] as LonLat),
				addresses: all.map((h) => {
					const a = parseAddress(h.address);
					return { alleyKey: a.alleyKey, addressKey: a.addressKey };
				})
			}
		];
	});
}

printMachine();
if (values.demo) {
	const cases = await demoCases();
	measure({ ...cases[0]!, houses: cases[0]!.houses.slice(0, 300) }, 'foot');
	console.log('\n(the above warmed up the JIT; figures follow)');
	for (const c of cases) for (const mode of ['foot', 'motorbike'] as const) measure(c, mode);
	console.log(`\nLoad average after: ${loadAverage()}`);
	process.exit(0);
}
const rural = ruralCommune();
const ward = urbanWard();
const rnd = seededRandom(17);
const cases: Case[] = [
	{ name: 'rural commune, all households', graph: servedGraph(rural), houses: rural.houses },
	...[1, 2].flatMap((k): Case[] => {
		const graph = servedGraph(ward);
		const houses = areaOf(ward.houses, 1500, rnd);
		const addresses = addressesOf(ward, graph, houses);
		return [
			{ name: `urban ward, team area ${k}, alley addresses`, graph, houses, addresses },
			{ name: `urban ward, team area ${k}, no addresses`, graph, houses }
		];
	})
];
// Warm the JIT on a small plan both ways before timing anything.
const small = { ...cases[0]!, houses: cases[0]!.houses.slice(0, 300) };
for (const mode of ['foot', 'motorbike'] as const) measure(small, mode);
console.log('\n(the above warmed up the JIT; figures follow)');
for (const c of cases) for (const mode of ['foot', 'motorbike'] as const) measure(c, mode);
console.log(`\nLoad average after: ${loadAverage()}`);
