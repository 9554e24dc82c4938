/**
 * Legend classes for a metric: the map colours a commune by class index (feature-state `cls`).
 * "No data" and "suppressed" are classes of their own with fixed negative indexes, so neither
 * can ever be drawn as the lowest value class.
 */
import type { MetricValue } from './metrics.ts';

/** Class of a figure with no data (matches the map's CLASS_NO_DATA). */
export const NO_DATA_CLASS = -1;
/** Class of a figure hidden by small-count suppression (matches the map's CLASS_SUPPRESSED). */
export const SUPPRESSED_CLASS = -2;

/** Throws a RangeError unless breaks are finite and strictly ascending. */
function checkBreaks(breaks: readonly number[]): void {
	breaks.forEach((b, i) => {
		if (!Number.isFinite(b)) throw new RangeError(`class break ${i} is not a finite number`);
		if (i > 0 && b <= breaks[i - 1]!)
			throw new RangeError('class breaks must be strictly ascending');
	});
}

/**
 * Class index of a value for ascending class breaks: breaks [b1 … bk] make k + 1 classes,
 * class 0 below b1, class i for b_i ≤ value < b_(i+1), class k from bk up.
 * @throws RangeError when breaks are not finite and strictly ascending.
 */
export function classOfValue(value: number, breaks: readonly number[]): number {
	checkBreaks(breaks);
	let cls = 0;
	while (cls < breaks.length && value >= breaks[cls]!) cls++;
	return cls;
}

/**
 * Class index of a metric value: NO_DATA_CLASS, SUPPRESSED_CLASS, or 0…breaks.length.
 * @throws RangeError when breaks are not finite and strictly ascending.
 */
export function classify(
	metric: Pick<MetricValue, 'status' | 'value'>,
	breaks: readonly number[]
): number {
	if (metric.status === 'suppressed') return SUPPRESSED_CLASS;
	if (metric.status === 'no_data' || metric.value === null) return NO_DATA_CLASS;
	return classOfValue(metric.value, breaks);
}

export interface LegendClass {
	cls: number;
	/** Inclusive lower bound; null for the lowest class and the two special classes. */
	from: number | null;
	/** Exclusive upper bound; null for the highest class and the two special classes. */
	to: number | null;
	kind: 'value' | 'no_data' | 'suppressed';
}

/**
 * The legend entries for class breaks: the value classes low → high, then "no data" and
 * "suppressed".
 * @throws RangeError when breaks are not finite and strictly ascending.
 */
export function legendClasses(breaks: readonly number[]): LegendClass[] {
	checkBreaks(breaks);
	const values: LegendClass[] = Array.from({ length: breaks.length + 1 }, (_, i) => ({
		cls: i,
		from: i === 0 ? null : breaks[i - 1]!,
		to: i === breaks.length ? null : breaks[i]!,
		kind: 'value'
	}));
	return [
		...values,
		{ cls: NO_DATA_CLASS, from: null, to: null, kind: 'no_data' },
		{ cls: SUPPRESSED_CLASS, from: null, to: null, kind: 'suppressed' }
	];
}
