/**
 * The feature-state join: colours reach the map as `cls` per commune code (promoteId), so a
 * metric switch is a loop of setFeatureState calls and one paint property, never new geometry.
 */
import type { Map as MlMap } from 'maplibre-gl';
import { GEO_LAYERS } from './geo-contract.ts';
import { GEO_SOURCE_ID, LAYER_IDS } from './style.ts';
import { classFillColor } from './expressions.ts';

const communeFeature = (id: string) => ({
	source: GEO_SOURCE_ID,
	sourceLayer: GEO_LAYERS.communes,
	id
});

/** Sets every commune's class and the palette that colours the classes. */
export function applyClasses(map: MlMap, classes: ReadonlyMap<string, number>, palette: string[]) {
	map.setPaintProperty(LAYER_IDS.communeFill, 'fill-color', classFillColor(palette));
	for (const [code, cls] of classes) map.setFeatureState(communeFeature(code), { cls });
}

/** Moves a boolean highlight (hover / selected) from one commune to another. */
export function moveFlag(
	map: MlMap,
	key: 'hover' | 'selected',
	from: string | null,
	to: string | null
): void {
	if (from === to) return;
	if (from) map.setFeatureState(communeFeature(from), { [key]: false });
	if (to) map.setFeatureState(communeFeature(to), { [key]: true });
}
