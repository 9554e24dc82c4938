/**
 * Putting the app's layers on top of a configured base map (BASEMAP_STYLE_URL). Pure: the page
 * fetches the base style JSON and hands both styles in.
 */
import type {
	LayerSpecification,
	StyleSpecification,
	SymbolLayerSpecification
} from '@maplibre/maplibre-gl-style-spec';

/** The first literal `text-font` of the base style, the one its glyph server surely serves. */
export function baseFontstack(base: StyleSpecification): string[] | null {
	for (const layer of base.layers) {
		if (layer.type !== 'symbol') continue;
		const font = layer.layout?.['text-font'];
		if (Array.isArray(font) && font.every((f) => typeof f === 'string')) return font as string[];
	}
	return null;
}

/** The raster layer of satellite imagery a base style may carry, hidden until asked for. */
export const SATELLITE_LAYER_ID = 'satellite';

/** A symbol layer drawn with `font` (the base map's glyphs); other layers as they are. */
export function withFont(layer: LayerSpecification, font: string[] | null): LayerSpecification {
	if (layer.type !== 'symbol' || !font) return layer;
	const symbol: SymbolLayerSpecification = layer;
	return { ...symbol, layout: { ...symbol.layout, 'text-font': font } };
}

/**
 * The base style with the overlay merged in: overlay fills and outlines go under the base map's
 * first label layer (place names stay readable), overlay labels on top of everything.
 * A style has one glyph URL and the base map's labels need theirs: overlay labels switch to the
 * base map's font, or, when the base map draws with device fonts (no `glyphs`), do the same.
 * Throws if a source or layer id exists in both styles.
 */
export function mergeWithBasemap(
	base: StyleSpecification,
	overlay: StyleSpecification
): StyleSpecification {
	for (const id of Object.keys(overlay.sources)) {
		if (id in base.sources) throw new Error(`source id "${id}" is used by the base map`);
	}
	const baseIds = new Set(base.layers.map((l) => l.id));
	const clash = overlay.layers.find((l) => baseIds.has(l.id));
	if (clash) throw new Error(`layer id "${clash.id}" is used by the base map`);

	const font = base.glyphs ? baseFontstack(base) : null;
	const firstLabel = base.layers.findIndex((l) => l.type === 'symbol');
	const cut = firstLabel === -1 ? base.layers.length : firstLabel;
	const shapes = overlay.layers.filter((l) => l.type !== 'symbol' && l.type !== 'background');
	const labels = overlay.layers.filter((l) => l.type === 'symbol').map((l) => withFont(l, font));
	return {
		...base,
		sources: { ...base.sources, ...overlay.sources },
		layers: [...base.layers.slice(0, cut), ...shapes, ...base.layers.slice(cut), ...labels]
	};
}
