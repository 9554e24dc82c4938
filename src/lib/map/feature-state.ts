/**
 * The feature-state join: colours reach the map through feature-state keyed by commune code
 * (promoteId), so a metric switch is a loop of setFeatureState calls, never new geometry.
 *
 * Each commune carries `cls` (its class: 0…n-1, CLASS_NO_DATA, CLASS_SUPPRESSED) and `fill`
 * (that class's colour under the current palette). The fill layer's paint expression reads
 * `fill` and never changes, so a switch to a metric with another palette or class count does
 * not re-evaluate the layer's paint for every feature of every tile, as a new expression would:
 * measured on a throttled phone, that halves the redraw after a switch (bench/map-load.ts).
 */
import type { Map as MlMap, StyleSpecification } from 'maplibre-gl';
import type { ExpressionSpecification } from '@maplibre/maplibre-gl-style-spec';
import { GEO_LAYERS } from './geo-contract.ts';
import {
	GEO_SOURCE_ID,
	HIGHLIGHT_SOURCE_ID,
	highlightLayers,
	highlightSource,
	LAYER_IDS
} from './style.ts';
import { CLASS_NO_DATA, CLASS_SUPPRESSED, SPECIAL_COLORS } from './expressions.ts';

const communeFeature = (id: string, source = GEO_SOURCE_ID) => ({
	source,
	sourceLayer: GEO_LAYERS.communes,
	id
});

/** fill-color from the `fill` feature-state; the land colour while a commune has none. */
export const STATE_FILL_COLOR: ExpressionSpecification = [
	'to-color',
	['coalesce', ['feature-state', 'fill'], SPECIAL_COLORS.pending]
];

/** The colour of a class under a palette (special greys for no data / suppressed). */
export function classColor(cls: number | undefined, palette: readonly string[]): string {
	if (cls === undefined) return SPECIAL_COLORS.pending;
	if (cls === CLASS_NO_DATA) return SPECIAL_COLORS.noData;
	if (cls === CLASS_SUPPRESSED) return SPECIAL_COLORS.suppressed;
	return palette[cls] ?? SPECIAL_COLORS.pending;
}

/** The style with the commune fill reading its colour from feature-state. */
export function withStateColours(style: StyleSpecification): StyleSpecification {
	return {
		...style,
		layers: style.layers.map((l) =>
			l.id === LAYER_IDS.communeFill && l.type === 'fill'
				? { ...l, paint: { ...l.paint, 'fill-color': STATE_FILL_COLOR } }
				: l
		)
	};
}

/**
 * Sets each commune's class and colour where they differ from what the map has (`shown`, which
 * this updates): MapLibre rewrites the vertex colours of every feature whose state is set, so a
 * commune that keeps its colour (say "no data" under both metrics) costs nothing.
 * @returns how many communes changed.
 */
export function applyClasses(
	map: MlMap,
	classes: ReadonlyMap<string, number>,
	palette: readonly string[],
	shown: Map<string, string>
): number {
	let changed = 0;
	for (const [code, cls] of classes) {
		const fill = classColor(cls, palette);
		const key = `${cls} ${fill}`;
		if (shown.get(code) === key) continue;
		map.setFeatureState(communeFeature(code), { cls, fill });
		shown.set(code, key);
		changed++;
	}
	return changed;
}

/**
 * Adds the outlines' source and layers (./style.ts) when first needed: a map nobody points at
 * never loads them. `tilesUrl` as the page has it (absolute or from the site's root).
 */
export function ensureHighlight(map: MlMap, tilesUrl: string): void {
	if (map.getSource(HIGHLIGHT_SOURCE_ID)) return;
	const url = tilesUrl.startsWith('/') ? window.location.origin + tilesUrl : tilesUrl;
	map.addSource(HIGHLIGHT_SOURCE_ID, highlightSource(url));
	const below = map.getLayer(LAYER_IDS.communeLabel) ? LAYER_IDS.communeLabel : undefined;
	for (const layer of highlightLayers()) map.addLayer(layer, below);
}

/**
 * Moves a boolean highlight (hover / selected) from one commune to another, on the highlight
 * source (the caller adds it first: see CoverageMap's ensureHighlight).
 */
export function moveFlag(
	map: MlMap,
	key: 'hover' | 'selected',
	from: string | null,
	to: string | null
): void {
	if (from === to) return;
	if (from) map.setFeatureState(communeFeature(from, HIGHLIGHT_SOURCE_ID), { [key]: false });
	if (to) map.setFeatureState(communeFeature(to, HIGHLIGHT_SOURCE_ID), { [key]: true });
}
