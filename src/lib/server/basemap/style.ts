/**
 * The self-hosted base map's MapLibre style: the Protomaps "light" layers (@protomaps/basemaps)
 * over the archive's tiles, labels in Vietnamese drawn with the app's shipped glyphs, and an
 * optional satellite layer the page can switch on. Pure.
 */
import type {
	LayerSpecification,
	SourceSpecification,
	StyleSpecification
} from '@maplibre/maplibre-gl-style-spec';
import { layers, namedFlavor } from '@protomaps/basemaps';
import type { Header } from 'pmtiles';

/** Source and layer ids the page may refer to (the satellite toggle). */
export const BASEMAP_SOURCE_ID = 'protomaps';
export const SATELLITE_ID = 'satellite';

/**
 * The satellite layer goes under the first of these (the roads, airports aside): above the
 * opaque land, landuse and water fills, which would hide it, below roads, buildings and labels.
 */
const ABOVE_SATELLITE = /^roads_(?!runway|taxiway)/;

/** Most satellite services stop here; MapLibre over-zooms past it. */
const SATELLITE_MAX_ZOOM = 19;

const ATTRIBUTION =
	'<a href="https://www.openstreetmap.org/copyright">© OpenStreetMap</a>, ' +
	'<a href="https://protomaps.com">Protomaps</a>';

export interface BasemapStyleInput {
	/** Absolute vector tile URL template ({z}/{x}/{y}). */
	tilesUrl: string;
	header: Pick<Header, 'minZoom' | 'maxZoom' | 'minLon' | 'minLat' | 'maxLon' | 'maxLat'> &
		Partial<
			Pick<Header, 'centerLon' | 'centerLat' | 'centerZoom' | 'tileDataLength' | 'numTileContents'>
		>;
	/** The app's glyphs: absolute URL template and font stack; null: the device's fonts. */
	glyphs: { url: string; fontstack: string } | null;
	/** A raster tile URL template for the (hidden) satellite layer, or null. */
	satelliteUrl: string | null;
}

/** Every `text-font` inside a value (the per-script fonts of `format` sections) → `font`. */
function replaceFonts(value: unknown, font: unknown): unknown {
	if (Array.isArray(value)) return value.map((v) => replaceFonts(v, font));
	if (value === null || typeof value !== 'object') return value;
	return Object.fromEntries(
		Object.entries(value).map(([k, v]) => [k, k === 'text-font' ? font : replaceFonts(v, font)])
	);
}

/**
 * The Protomaps layers without sprite icons (the style has no sprite): icon-only layers (one-way
 * arrows) are dropped, the others keep their text. Every font becomes the shipped one, which
 * covers Vietnamese; Italic and Medium fall back to it.
 */
export function protomapsLayers(fontstack: string): LayerSpecification[] {
	const flavor = namedFlavor('light');
	const all = layers(BASEMAP_SOURCE_ID, flavor, { lang: 'vi' });
	return all.flatMap((layer): LayerSpecification[] => {
		// Land where the archive has no tile (outside a regional extract, below its zooms): a
		// gap reads as land, not as a grey hole the communes' colours would show through.
		if (layer.type === 'background')
			return [{ ...layer, paint: { ...layer.paint, 'background-color': flavor.earth } }];
		if (layer.type !== 'symbol') return [layer];
		const { 'icon-image': icon, ...layout } = layer.layout ?? {};
		if (icon !== undefined && layout['text-field'] === undefined) return [];
		const fonts = replaceFonts(layout, ['literal', [fontstack]]) as typeof layout;
		return [{ ...layer, layout: { ...fonts, 'text-font': [fontstack] } }];
	});
}

function satellite(url: string): { source: SourceSpecification; layer: LayerSpecification } {
	return {
		source: { type: 'raster', tiles: [url], tileSize: 256, maxzoom: SATELLITE_MAX_ZOOM },
		layer: {
			id: SATELLITE_ID,
			type: 'raster',
			source: SATELLITE_ID,
			layout: { visibility: 'none' }
		}
	};
}

/** The style JSON for `GET /api/basemap/style.json`. */
export function buildBasemapStyle(input: BasemapStyleInput): StyleSpecification {
	const { header, glyphs } = input;
	const base = protomapsLayers(glyphs?.fontstack ?? 'Noto Sans Regular');
	const sources: Record<string, SourceSpecification> = {
		[BASEMAP_SOURCE_ID]: {
			type: 'vector',
			tiles: [input.tilesUrl],
			minzoom: header.minZoom,
			maxzoom: header.maxZoom,
			bounds: [header.minLon, header.minLat, header.maxLon, header.maxLat],
			attribution: ATTRIBUTION
		}
	};
	let stack = base;
	if (input.satelliteUrl) {
		const sat = satellite(input.satelliteUrl);
		sources[SATELLITE_ID] = sat.source;
		const roads = base.findIndex((l) => ABOVE_SATELLITE.test(l.id));
		const at = roads === -1 ? base.findIndex((l) => l.type === 'background') + 1 : roads;
		stack = [...base.slice(0, at), sat.layer, ...base.slice(at)];
	}
	return {
		version: 8,
		name: 'Từng Ngõ base map (Protomaps light)',
		...(header.centerLon !== undefined && header.centerLat !== undefined
			? { center: [header.centerLon, header.centerLat], zoom: header.centerZoom ?? 0 }
			: {}),
		...(glyphs ? { glyphs: glyphs.url } : {}),
		// The phone sizes a route's offline download with it (src/lib/offline/field/basemap-save.ts).
		...(header.tileDataLength && header.numTileContents
			? {
					metadata: {
						'tungngo:meanTileBytes': Math.round(header.tileDataLength / header.numTileContents)
					}
				}
			: {}),
		sources,
		layers: stack
	};
}
