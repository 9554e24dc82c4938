/**
 * Class breaks for the map legend: fixed, readable steps for proportions; "nice" quantile steps
 * (1, 2, 2.5, 5 × 10ⁿ) of the positive figures for counts and rates per 1,000, so the classes
 * follow what the data holds and the legend still reads as round numbers.
 */
import type { MetricKind } from './metric-definitions.ts';

/** Proportions: five classes of 20 percentage points. */
export const PROPORTION_BREAKS: readonly number[] = [0.2, 0.4, 0.6, 0.8];

/** Fallback for counts when there are too few figures to take quantiles from. */
const COUNT_FALLBACK: readonly number[] = [1, 2, 5, 10];
const RATE_FALLBACK: readonly number[] = [0.5, 1, 2, 5];

const NICE_STEPS = [1, 2, 2.5, 5, 10];

/** The nice number nearest to `x` (> 0) from 1, 2, 2.5, 5 × 10ⁿ. */
export function niceNumber(x: number): number {
	if (!(x > 0) || !Number.isFinite(x)) throw new RangeError('niceNumber needs a positive number');
	const exp = Math.floor(Math.log10(x));
	const unit = 10 ** exp;
	const best = NICE_STEPS.reduce((a, b) =>
		Math.abs(b * unit - x) < Math.abs(a * unit - x) ? b : a
	);
	return Number((best * unit).toPrecision(12));
}

function quantile(sorted: readonly number[], q: number): number {
	const pos = (sorted.length - 1) * q;
	const lo = Math.floor(pos);
	const hi = Math.ceil(pos);
	return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (pos - lo);
}

/**
 * Ascending class breaks for a metric's figures (null = no figure, ignored).
 * Counts start with a break at 1, so 0 is a class of its own ("none yet").
 * @returns 2–4 strictly ascending breaks, i.e. 3–5 classes.
 */
export function metricBreaks(kind: MetricKind, values: readonly (number | null)[]): number[] {
	if (kind === 'proportion') return [...PROPORTION_BREAKS];
	const positive = values
		.filter((v): v is number => v !== null && Number.isFinite(v) && v > 0)
		.sort((a, b) => a - b);
	const fallback = kind === 'count' ? COUNT_FALLBACK : RATE_FALLBACK;
	if (positive.length < 8) return [...fallback];
	const raw = [0.25, 0.5, 0.75].map((q) => niceNumber(quantile(positive, q)));
	const candidates = kind === 'count' ? [1, ...raw.map((v) => Math.max(1, Math.round(v)))] : raw;
	const breaks = [...new Set(candidates)].sort((a, b) => a - b);
	return breaks.length >= 2 ? breaks : [...fallback];
}
