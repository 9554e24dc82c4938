/**
 * The metrics job's added cost for suppression across time and geography (issue 16 §8): the CPU
 * time to protect ONE metric's publication over the series' window (protectPublished: the
 * country, every province and commune, 24 months, the ended quarters and the 12-month figures)
 * and to audit it as a reader gets it (auditPublished). The job does this per metric whose month
 * rows changed, stalest first within DISCLOSURE_BUDGET_MS per run (metrics/disclosure-job.ts).
 *
 *   node bench/disclosure-job.ts [--provinces 34] [--communes 98] [--active 12] [--seed 1]
 *
 * `--active`: the months of the window with data (the rest: no row). Counts: a third 0, a third
 * 1–10, a third 11–400 — far more small counts than real figures, so a pessimistic figure.
 */
import { parseArgs } from 'node:util';
import { cpus, loadavg } from 'node:os';
import {
	auditPublished,
	protectPublished,
	publishedPeriods,
	type PublishedMetric
} from '../src/lib/domain/disclosure-publish.ts';
import type { MetricKind } from '../src/lib/domain/metric-definitions.ts';

const { values } = parseArgs({
	options: {
		provinces: { type: 'string', default: '34' },
		communes: { type: 'string', default: '98' },
		active: { type: 'string', default: '12' },
		seed: { type: 'string', default: '1' }
	}
});
const [provinces, communes, active, seed0] = [
	values.provinces,
	values.communes,
	values.active,
	values.seed
].map(Number) as [number, number, number, number];

/** mulberry32: the same data on every run. */
function random(seed: number) {
	return () => {
		seed = (seed + 0x6d2b79f5) | 0;
		let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
		t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

function publication(kind: MetricKind, aggregation: 'flow' | 'stock'): PublishedMetric {
	const rnd = random(seed0);
	const count = () => {
		const u = rnd();
		return u < 1 / 3 ? 0 : u < 2 / 3 ? 1 + Math.floor(rnd() * 10) : 11 + Math.floor(rnd() * 390);
	};
	const { months, groups } = publishedPeriods('2026-12');
	const figure = (m: number) => {
		if (m < months.length - active) return null;
		const n = count();
		return kind === 'count'
			? { numerator: n, denominator: null }
			: { numerator: n, denominator: n + count() };
	};
	return {
		kind,
		aggregation,
		months,
		groups,
		provinces: Array.from({ length: provinces }, (_, p) => ({
			code: String(p + 1).padStart(2, '0'),
			communes: Array.from({ length: communes }, (_, c) => ({
				code: `${String(p + 1).padStart(2, '0')}${String(c).padStart(3, '0')}`,
				figures: months.map((_, m) => figure(m))
			}))
		}))
	};
}

const fmt = (ms: number) =>
	`${(ms / 1000).toLocaleString('vi-VN', { maximumFractionDigits: 2 })} s`;
console.log(
	`${provinces} provinces × ${communes} communes (${(provinces * communes).toLocaleString('vi-VN')}),` +
		` 24 months (${active} with data), quarters and 12-month figures; ${cpus().length} cores, ` +
		`load ${loadavg()
			.map((l) => l.toLocaleString('vi-VN', { maximumFractionDigits: 2 }))
			.join(' / ')}`
);
for (const [kind, aggregation, label] of [
	['count', 'flow', 'helped_* (flow, count)'],
	['proportion', 'stock', 'adoption_* / households_reached (stock, proportion)']
] as const) {
	const p = publication(kind, aggregation);
	// CPU time of this process (user + system), not wall time: the cores are shared.
	const cpu = () => {
		const u = process.cpuUsage();
		return (u.user + u.system) / 1000;
	};
	const [w0, t0] = [performance.now(), cpu()];
	const { hidden, unresolved } = protectPublished(p);
	const [w1, t1] = [performance.now(), cpu()];
	const flags = new Set(hidden.map((h) => `${h.period}|${h.code}`));
	const audit = auditPublished(p, (period, code) => flags.has(`${period}|${code}`));
	const [w2, t2] = [performance.now(), cpu()];
	const cells = p.provinces.length * communes * active;
	console.log(
		`${label}: CPU protect ${fmt(t1 - t0)}, audit ${fmt(t2 - t1)} ` +
			`(wall ${fmt(w1 - w0)}, ${fmt(w2 - w1)}); ` +
			`${hidden.length.toLocaleString('vi-VN')} cells hidden of ~${cells.toLocaleString('vi-VN')} ` +
			`commune-months; unresolved ${unresolved.length}, audit flags ` +
			`${audit.determined.length + audit.smallSums.length}`
	);
}
console.log(`load after: ${loadavg()[0]!.toLocaleString('vi-VN', { maximumFractionDigits: 2 })}`);
