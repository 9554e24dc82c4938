/**
 * The feature-state join: colours reach the map through feature-state keyed by commune code
 * (promoteId), so a metric switch is a loop of setFeatureState calls, never new geometry.
 *
 * The communes are drawn by METRIC_SLOTS fill layers over the same tiles (./metric-slots.ts),
 * one shown at a time. Slot i reads its commune's class `c<i>` (0…n-1, CLASS_NO_DATA,
 * CLASS_SUPPRESSED) and that class's colour `f<i>` under the metric's palette. A layer's paint
 * expression reads its colour key and never changes, so a switch to a metric with another palette
 * or class count does not re-evaluate every feature of every tile, as a new expression would;
 * and a switch back to a metric a slot still holds only changes which layer is shown.
 */
import type { Map as MlMap, StyleSpecification } from 'maplibre-gl';
import type { ExpressionSpecification } from '@maplibre/maplibre-gl-style-spec';
import { GEO_LAYERS } from './geo-contract.ts';
import {
	GEO_SOURCE_ID,
	HIGHLIGHT_SOURCE_ID,
	highlightLayers,
	highlightSource,
	LAYER_IDS,
	OVERLAY_OPACITY
} from './style.ts';
import {
	CLASS_NO_DATA,
	CLASS_SUPPRESSED,
	overlayFillOpacity,
	SPECIAL_COLORS
} from './expressions.ts';
import { METRIC_SLOTS } from './metric-slots.ts';

const communeFeature = (id: string, source = GEO_SOURCE_ID) => ({
	source,
	sourceLayer: GEO_LAYERS.communes,
	id
});

/** Feature-state keys of slot `i`: the commune's class and its colour. */
export const slotKeys = (i: number) => ({ cls: `c${i}`, fill: `f${i}` });

/** The fill layer of slot `i`; slot 0 keeps the plain id, for events and queries. */
export const slotLayerId = (i: number): string =>
	i === 0 ? LAYER_IDS.communeFill : `${LAYER_IDS.communeFill}-${i}`;

/** fill-color from slot `i`'s colour; the land colour while a commune has none. */
export function slotFillColor(i: number): ExpressionSpecification {
	return ['to-color', ['coalesce', ['feature-state', slotKeys(i).fill], SPECIAL_COLORS.pending]];
}

/** The colour of a class under a palette (special greys for no data / suppressed). */
export function classColor(cls: number | undefined, palette: readonly string[]): string {
	if (cls === undefined) return SPECIAL_COLORS.pending;
	if (cls === CLASS_NO_DATA) return SPECIAL_COLORS.noData;
	if (cls === CLASS_SUPPRESSED) return SPECIAL_COLORS.suppressed;
	return palette[cls] ?? SPECIAL_COLORS.pending;
}

/**
 * The style with the commune fill replaced by the slot layers, slot 0 shown. Over a base map
 * (the fill's opacity is an expression) each slot stays transparent until its commune has a class.
 */
export function withStateColours(
	style: StyleSpecification,
	slots = METRIC_SLOTS
): StyleSpecification {
	return {
		...style,
		// No paint transitions: showing a slot would otherwise start a 300 ms transition of every
		// paint property of its layer, during which MapLibre redraws each frame and is not idle.
		transition: { duration: 0, delay: 0 },
		layers: style.layers.flatMap((l) => {
			if (l.id !== LAYER_IDS.communeFill || l.type !== 'fill') return [l];
			const overlay = typeof l.paint?.['fill-opacity'] !== 'number';
			return Array.from({ length: slots }, (_, i) => ({
				...l,
				id: slotLayerId(i),
				paint: {
					...l.paint,
					'fill-color': slotFillColor(i),
					'fill-opacity': overlay
						? overlayFillOpacity(OVERLAY_OPACITY, slotKeys(i).cls)
						: (l.paint?.['fill-opacity'] ?? 1),
					// A constant: showing another slot redraws, it does not re-evaluate features.
					'fill-layer-opacity': i === 0 ? 1 : 0
				}
			}));
		})
	};
}

/** Shows slot `index`'s layer and hides the others'. */
export function showSlot(map: MlMap, index: number, slots = METRIC_SLOTS): void {
	for (let i = 0; i < slots; i++) {
		map.setPaintProperty(slotLayerId(i), 'fill-layer-opacity', i === index ? 1 : 0);
	}
}

/**
 * Sets each commune's class and colour in slot `slot` where they differ from what it has
 * (`shown`, which this updates): MapLibre rewrites the vertex colours of every feature whose
 * state is set, so a commune that keeps its colour (say "no data" under both metrics) costs
 * nothing.
 * @returns how many communes changed.
 */
export function applyClasses(
	map: MlMap,
	slot: number,
	classes: ReadonlyMap<string, number>,
	palette: readonly string[],
	shown: Map<string, string>
): number {
	const keys = slotKeys(slot);
	let changed = 0;
	for (const [code, cls] of classes) {
		const fill = classColor(cls, palette);
		const key = `${cls} ${fill}`;
		if (shown.get(code) === key) continue;
		map.setFeatureState(communeFeature(code), { [keys.cls]: cls, [keys.fill]: fill });
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
