/**
 * Small pure builders for the map's paint expressions. Colours come from feature-state keyed by
 * the commune code (promoteId), so recolouring the map is `setFeatureState`, never new geometry.
 *
 * Feature-state contract, per commune (and per province for the province fill):
 *   cls: number  — class index 0..n-1 into the palette, or CLASS_NO_DATA / CLASS_SUPPRESSED;
 *                  unset means "not loaded yet" and draws as plain land.
 *   hover, selected: boolean — highlight outline.
 */
import type { ExpressionSpecification } from '@maplibre/maplibre-gl-style-spec';

/** `cls` for a unit with no figure: a colour of its own, never the lowest class. */
export const CLASS_NO_DATA = -1;
/** `cls` for a figure hidden by small-count suppression (counts 1–10 and rates from them). */
export const CLASS_SUPPRESSED = -2;

/** Colours outside the palette. Greys, so they never read as a step of a hued palette. */
export const SPECIAL_COLORS = {
	/** No data: light grey. */
	noData: '#d9d9d9',
	/** Suppressed: mid grey, darker than "no data" so the legend can tell them apart. */
	suppressed: '#969696',
	/** Not loaded yet (feature-state unset): the land colour of the app's own style. */
	pending: '#f2efe9'
} as const;

export type SpecialColors = { [K in keyof typeof SPECIAL_COLORS]: string };

/**
 * Colour-blind-safe sequential palettes, light (low) → dark (high).
 * YlGnBu is ColorBrewer's, with its own hand-tuned set per class count (3–9).
 */
const YLGNBU: Record<number, readonly string[]> = {
	3: ['#edf8b1', '#7fcdbb', '#2c7fb8'],
	4: ['#ffffcc', '#a1dab4', '#41b6c4', '#225ea8'],
	5: ['#ffffcc', '#a1dab4', '#41b6c4', '#2c7fb8', '#253494'],
	6: ['#ffffcc', '#c7e9b4', '#7fcdbb', '#41b6c4', '#2c7fb8', '#253494'],
	7: ['#ffffcc', '#c7e9b4', '#7fcdbb', '#41b6c4', '#1d91c0', '#225ea8', '#0c2c84'],
	8: ['#ffffd9', '#edf8b1', '#c7e9b4', '#7fcdbb', '#41b6c4', '#1d91c0', '#225ea8', '#0c2c84'],
	9: [
		'#ffffd9',
		'#edf8b1',
		'#c7e9b4',
		'#7fcdbb',
		'#41b6c4',
		'#1d91c0',
		'#225ea8',
		'#253494',
		'#081d58'
	]
};

/** Viridis (matplotlib), 7 even samples, reversed to run light → dark. */
const VIRIDIS = ['#fde725', '#90d743', '#35b779', '#21918c', '#31688e', '#443983', '#440154'];

/** Cividis (designed for colour-vision deficiency), 5 even samples, light → dark. */
const CIVIDIS = ['#ffea46', '#bcaf6f', '#7c7b78', '#414d6b', '#00204d'];

export type PaletteName = 'ylgnbu' | 'viridis' | 'cividis';

/** Palette names with the class counts each supports. */
export const PALETTE_CLASSES: Record<PaletteName, readonly number[]> = {
	ylgnbu: [3, 4, 5, 6, 7, 8, 9],
	viridis: [2, 3, 4, 5, 6, 7],
	cividis: [2, 3, 4, 5]
};

/** `n` evenly spread entries of `stops`, ends included. */
function sample(stops: readonly string[], n: number): string[] {
	if (n === 1) return [stops[0] as string];
	return Array.from(
		{ length: n },
		(_, i) => stops[Math.round((i * (stops.length - 1)) / (n - 1))] as string
	);
}

/**
 * The `classes` colours of a palette, light → dark.
 * Throws a RangeError when the palette does not support that many classes.
 */
export function paletteColors(name: PaletteName, classes: number): string[] {
	if (!PALETTE_CLASSES[name].includes(classes)) {
		throw new RangeError(`palette ${name} has no ${classes}-class variant`);
	}
	if (name === 'ylgnbu') return [...(YLGNBU[classes] ?? [])];
	return sample(name === 'viridis' ? VIRIDIS : CIVIDIS, classes);
}

/** A class feature-state (default `cls`), -3 when unset (matches no class and no special value). */
const clsState = (key = 'cls'): ExpressionSpecification => ['coalesce', ['feature-state', key], -3];
const CLS = clsState();

/**
 * fill-color: palette[cls] for a class, the special colours for no data / suppressed, and
 * `pending` while the unit's state is unset.
 */
export function classFillColor(
	palette: readonly string[],
	special: SpecialColors = SPECIAL_COLORS
): ExpressionSpecification {
	if (palette.length === 0) throw new RangeError('palette is empty');
	const arms = palette.flatMap((color, i) => [i, color]);
	return [
		'match',
		CLS,
		...arms,
		CLASS_NO_DATA,
		special.noData,
		CLASS_SUPPRESSED,
		special.suppressed,
		special.pending
		// The spec types `match` as fixed-length tuples; a palette makes it variadic.
	] as unknown as ExpressionSpecification;
}

/**
 * fill-opacity for drawing over a base map: `opacity` once the unit has a state, 0 before, so
 * the base map shows through until figures arrive. `key`: the class's feature-state key.
 */
export function overlayFillOpacity(opacity: number, key = 'cls'): ExpressionSpecification {
	return ['case', ['==', clsState(key), -3], 0, opacity];
}

/** A paint value that is `whenTrue` while the boolean feature-state `key` is set. */
export function stateSwitch(
	key: 'hover' | 'selected',
	whenTrue: number | string,
	whenFalse: number | string
): ExpressionSpecification {
	return ['case', ['boolean', ['feature-state', key], false], whenTrue, whenFalse];
}

/** Highlight outline opacity: selected strongest, hover lighter, otherwise hidden. */
export function highlightOpacity(): ExpressionSpecification {
	return [
		'case',
		['boolean', ['feature-state', 'selected'], false],
		1,
		['boolean', ['feature-state', 'hover'], false],
		0.6,
		0
	];
}
