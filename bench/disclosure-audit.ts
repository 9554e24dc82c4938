/**
 * Suppression across time and geography (issue 16 §8): the time to protect one metric's monthly
 * table for a province-size parent (protectSeries) and to audit the result (seriesAudit).
 * Goal: well under a second for ≈ 300 communes × 13 months of a flow.
 *
 *   node bench/disclosure-audit.ts [--areas 300] [--months 13] [--runs 5] [--seed 1]
 */
import { parseArgs } from 'node:util';
import { protectSeries } from '../src/lib/domain/disclosure-protect.ts';
import { seriesAudit, type SeriesTable } from '../src/lib/domain/disclosure-series.ts';
import { auditHierarchy, protectHierarchy } from '../src/lib/domain/disclosure-hierarchy.ts';
import type { MetricKind } from '../src/lib/domain/metric-definitions.ts';

const { values } = parseArgs({
	options: {
		areas: { type: 'string', default: '300' },
		months: { type: 'string', default: '13' },
		runs: { type: 'string', default: '5' },
		seed: { type: 'string', default: '1' }
	}
});
const [areas, months, runs] = [values.areas, values.months, values.runs].map(Number) as [
	number,
	number,
	number
];

/** mulberry32: the same tables on every run. */
function random(seed: number) {
	return () => {
		seed = (seed + 0x6d2b79f5) | 0;
		let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
		t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

/** A province's month: a third of communes quiet (0), a third small (1–10), a third 11–400. */
function table(kind: MetricKind, aggregation: 'flow' | 'stock', seed: number): SeriesTable {
	const rnd = random(seed);
	const count = () => {
		const u = rnd();
		return u < 1 / 3 ? 0 : u < 2 / 3 ? 1 + Math.floor(rnd() * 10) : 11 + Math.floor(rnd() * 390);
	};
	const figures = Array.from({ length: areas }, () =>
		Array.from({ length: months }, () => {
			const n = count();
			return kind === 'count'
				? { numerator: n, denominator: null }
				: { numerator: n, denominator: n + count() };
		})
	);
	return { kind, aggregation, figures };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
for (const [kind, aggregation] of [
	['count', 'flow'],
	['proportion', 'flow'],
	['count', 'stock']
] as const) {
	const protect: number[] = [];
	const audit: number[] = [];
	let hidden = 0;
	let flagged = 0;
	for (let r = 0; r < runs; r++) {
		const t = table(kind, aggregation, Number(values.seed) + r);
		let t0 = performance.now();
		const p = protectSeries(t);
		protect.push(performance.now() - t0);
		t0 = performance.now();
		const a = seriesAudit(t, p.hidden);
		audit.push(performance.now() - t0);
		hidden += p.hidden.length;
		flagged += a.determined.length + a.smallSums.length + p.unresolved.length;
	}
	const cells = (areas + 1) * (months + (aggregation === 'flow' ? 1 : 0));
	console.log(
		`${kind} ${aggregation} ${areas} × ${months}: protect median ${median(protect).toFixed(1)} ms ` +
			`(max ${Math.max(...protect).toFixed(1)}), audit median ${median(audit).toFixed(1)} ms; ` +
			`hidden ${(hidden / runs).toFixed(0)} of ${cells} cells on average; flagged after: ${flagged}`
	);
}

// The whole country for one metric: 34 provinces of about 100 communes (3,321 in all), protected
// together (protectHierarchy) and audited as one publication (auditHierarchy).
const provinces = Array.from({ length: 34 }, (_, p) => {
	const t = table('count', 'flow', Number(values.seed) + 100 + p);
	return { ...t, figures: t.figures.slice(0, p < 23 ? 98 : 97) };
});
let t0 = performance.now();
const national = protectHierarchy(provinces);
const protectMs = performance.now() - t0;
t0 = performance.now();
const whole = auditHierarchy(provinces, national);
const hiddenAll = [national.top, ...national.children].reduce((n, x) => n + x.hidden.length, 0);
console.log(
	`count flow, country of 34 provinces × ${provinces.reduce((n, t) => n + t.figures.length, 0)} communes × ${months}: ` +
		`protectHierarchy ${(protectMs / 1000).toFixed(1)} s, whole audit ${(performance.now() - t0).toFixed(0)} ms; ` +
		`hidden ${hiddenAll}; flagged after: ${whole.determined.length + whole.smallSums.length + national.unresolved.length}`
);
