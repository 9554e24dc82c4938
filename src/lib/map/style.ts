/**
 * The app's own MapLibre style: a plain background, communes coloured from feature-state,
 * commune and province outlines, and Vietnamese labels drawn with the shipped glyphs. Pure:
 * the builders take URLs and options and return style JSON; the page creates the map.
 */
import type {
	ExpressionSpecification,
	LayerSpecification,
	StyleSpecification,
	SymbolLayerSpecification,
	VectorSourceSpecification
} from '@maplibre/maplibre-gl-style-spec';
import {
	ARCHIPELAGO_CODES,
	BOUNDARY_ATTRIBUTION,
	COMMUNE_LABEL_MIN_ZOOM,
	GEO_BOUNDS,
	GEO_LAYERS,
	GEO_MAX_ZOOM,
	GEO_MIN_ZOOM,
	GLYPH_FONTSTACK
} from './geo-contract.ts';
import {
	classFillColor,
	highlightOpacity,
	overlayFillOpacity,
	paletteColors,
	SPECIAL_COLORS
} from './expressions.ts';

export interface MapStyleOptions {
	/** Absolute tile URL template, e.g. https://host/geo/tiles/<hash>/{z}/{x}/{y}.pbf */
	tilesUrl: string;
	/**
	 * Absolute glyph URL template (…/{fontstack}/{range}.pbf). Without it MapLibre draws labels
	 * with the device's own fonts (supported since MapLibre 5.11), which look different per device.
	 */
	glyphsUrl?: string;
	/** A base map style URL: when set, the communes are drawn as a translucent overlay. */
	basemapStyleUrl?: string;
	/** Class colours, light → dark; default ColorBrewer YlGnBu with 5 classes. */
	palette?: readonly string[];
	/** Font stack for `text-font`; default the shipped glyphs'. */
	fontstack?: string;
}

/** Source id of the app's vector tiles. */
export const GEO_SOURCE_ID = 'tungngo';

/**
 * A second source over the same tiles for the outlines of the selected province and of the
 * hovered or selected commune. Feature-state of one source is kept apart from another's, so a
 * recolour (feature-state of every commune of GEO_SOURCE_ID) does not rewrite the outlines'
 * buffers too; and selecting a province reloads this small source, not the coloured one.
 */
export const HIGHLIGHT_SOURCE_ID = 'tungngo-hl';

/** Layer ids, for the page's event handlers and visibility toggles. */
export const LAYER_IDS = {
	background: 'background',
	provinceFill: 'province-fill',
	communeFill: 'commune-fill',
	communeLine: 'commune-line',
	provinceLine: 'province-line',
	provinceSelected: 'province-selected',
	communeHighlight: 'commune-highlight',
	communeLabel: 'commune-label',
	archipelagoLabel: 'archipelago-label',
	provinceLabel: 'province-label'
} as const;

/** The map's own colours (the first paint draws with them too). */
export const MAP_COLORS = {
	water: '#cfdde6',
	communeLine: '#ffffff',
	provinceLine: '#4d4d4d',
	highlight: '#111111',
	text: '#2b2b2b',
	halo: '#ffffff'
} as const;

type Stops = readonly (readonly [number, number])[];

/**
 * Zoom stops of the outlines' widths and opacities, and the highlights' widths. The first paint
 * (./first-paint.ts) draws its outlines with the same, so MapLibre takes over an identical view.
 */
export const LINE_STOPS = {
	// At the national zooms communes are a few pixels wide: outlines would be noise.
	communeOpacity: [
		[5, 0],
		[7, 0.8]
	],
	communeWidth: [
		[6, 0.3],
		[10, 1],
		[14, 1.5]
	],
	provinceWidth: [
		[3, 0.4],
		[7, 1],
		[12, 2]
	]
} as const satisfies Record<string, Stops>;
export const PROVINCE_LINE_OPACITY = 0.8;
export const HIGHLIGHT_WIDTH = { province: 2.5, commune: 2 } as const;

/** MapLibre's linear interpolation over zoom stops. */
const byZoom = (stops: Stops): ExpressionSpecification =>
	['interpolate', ['linear'], ['zoom'], ...stops.flat()] as ExpressionSpecification;

/** Overlay fill opacity on a base map: the map beneath stays legible. */
export const OVERLAY_OPACITY = 0.65;

/** The vector source. Codes are promoted to feature ids so feature-state can key on them. */
export function geoSource(tilesUrl: string): VectorSourceSpecification {
	return {
		type: 'vector',
		tiles: [tilesUrl],
		minzoom: GEO_MIN_ZOOM,
		maxzoom: GEO_MAX_ZOOM,
		bounds: GEO_BOUNDS,
		attribution: BOUNDARY_ATTRIBUTION,
		promoteId: { [GEO_LAYERS.communes]: 'code', [GEO_LAYERS.provinces]: 'code' }
	};
}

function fillLayers(palette: readonly string[], overlay: boolean): LayerSpecification[] {
	const fill = (id: string, sourceLayer: string, visible: boolean): LayerSpecification => ({
		id,
		type: 'fill',
		source: GEO_SOURCE_ID,
		'source-layer': sourceLayer,
		layout: { visibility: visible ? 'visible' : 'none' },
		paint: {
			'fill-color': classFillColor(palette),
			'fill-opacity': overlay ? overlayFillOpacity(OVERLAY_OPACITY) : 1
		}
	});
	// The province fill is for province-level figures; the page shows it instead of communes.
	return [
		fill(LAYER_IDS.provinceFill, GEO_LAYERS.provinces, false),
		fill(LAYER_IDS.communeFill, GEO_LAYERS.communes, true)
	];
}

function lineLayers(): LayerSpecification[] {
	const src = { source: GEO_SOURCE_ID } as const;
	return [
		{
			id: LAYER_IDS.communeLine,
			type: 'line',
			...src,
			'source-layer': GEO_LAYERS.communes,
			paint: {
				'line-color': MAP_COLORS.communeLine,
				'line-opacity': byZoom(LINE_STOPS.communeOpacity),
				'line-width': byZoom(LINE_STOPS.communeWidth)
			}
		},
		{
			id: LAYER_IDS.provinceLine,
			type: 'line',
			...src,
			'source-layer': GEO_LAYERS.provinces,
			layout: { 'line-join': 'round' },
			paint: {
				'line-color': MAP_COLORS.provinceLine,
				'line-opacity': PROVINCE_LINE_OPACITY,
				'line-width': byZoom(LINE_STOPS.provinceWidth)
			}
		}
	];
}

function label(
	id: string,
	sourceLayer: string,
	fontstack: string,
	size: SymbolLayerSpecification['layout']
): SymbolLayerSpecification {
	return {
		id,
		type: 'symbol',
		source: GEO_SOURCE_ID,
		'source-layer': sourceLayer,
		layout: {
			'text-field': ['get', 'name'],
			'text-font': [fontstack],
			'text-max-width': 8,
			'text-padding': 2,
			...size
		},
		paint: {
			'text-color': MAP_COLORS.text,
			'text-halo-color': MAP_COLORS.halo,
			'text-halo-width': 1.2
		}
	};
}

function labelLayers(fontstack: string): LayerSpecification[] {
	const archipelagos: string[] = [...ARCHIPELAGO_CODES];
	return [
		{
			...label(LAYER_IDS.communeLabel, GEO_LAYERS.communeLabels, fontstack, {
				'text-size': ['interpolate', ['linear'], ['zoom'], 9, 11, 13, 14]
			}),
			minzoom: COMMUNE_LABEL_MIN_ZOOM
		},
		{
			// Hoàng Sa and Trường Sa are named at every zoom, whatever else fits.
			...label(LAYER_IDS.archipelagoLabel, GEO_LAYERS.communeLabels, fontstack, {
				'text-size': 11,
				'text-allow-overlap': true,
				'text-offset': [0, 1.2]
			}),
			filter: ['in', ['get', 'code'], ['literal', archipelagos]],
			maxzoom: COMMUNE_LABEL_MIN_ZOOM
		},
		{
			...label(LAYER_IDS.provinceLabel, GEO_LAYERS.provinceLabels, fontstack, {
				'text-size': ['interpolate', ['linear'], ['zoom'], 4, 10, 8, 15],
				'text-transform': 'none'
			}),
			minzoom: 4.5,
			maxzoom: COMMUNE_LABEL_MIN_ZOOM + 1
		}
	];
}

/** The highlight source: the same tiles, no attribution of its own (the main source has it). */
export function highlightSource(tilesUrl: string): VectorSourceSpecification {
	const { attribution: _, ...source } = geoSource(tilesUrl);
	return source;
}

/** Outlines of the selected province (by filter) and the hovered/selected commune (by state). */
export function highlightLayers(): LayerSpecification[] {
	const src = { source: HIGHLIGHT_SOURCE_ID } as const;
	return [
		{
			id: LAYER_IDS.provinceSelected,
			type: 'line',
			...src,
			'source-layer': GEO_LAYERS.provinces,
			filter: ['==', ['get', 'code'], ''],
			layout: { 'line-join': 'round' },
			paint: { 'line-color': MAP_COLORS.highlight, 'line-width': HIGHLIGHT_WIDTH.province }
		},
		{
			id: LAYER_IDS.communeHighlight,
			type: 'line',
			...src,
			'source-layer': GEO_LAYERS.communes,
			paint: {
				'line-color': MAP_COLORS.highlight,
				'line-width': HIGHLIGHT_WIDTH.commune,
				'line-opacity': highlightOpacity()
			}
		}
	];
}

/** All of the app's layers, bottom to top (background included unless over a base map). */
export function mapLayers(opts: MapStyleOptions): LayerSpecification[] {
	const overlay = Boolean(opts.basemapStyleUrl);
	const palette = opts.palette ?? paletteColors('ylgnbu', 5);
	const background: LayerSpecification = {
		id: LAYER_IDS.background,
		type: 'background',
		paint: { 'background-color': MAP_COLORS.water }
	};
	return [
		...(overlay ? [] : [background]),
		...fillLayers(palette, overlay),
		...lineLayers(),
		...labelLayers(opts.fontstack ?? GLYPH_FONTSTACK)
	];
}

/**
 * The complete style. Over a base map it holds only the overlay (no background): merge it into
 * the base style with `mergeWithBasemap` (./basemap.ts).
 */
export function buildMapStyle(opts: MapStyleOptions): StyleSpecification {
	return {
		version: 8,
		name: 'Từng Ngõ',
		...(opts.glyphsUrl ? { glyphs: opts.glyphsUrl } : {}),
		sources: { [GEO_SOURCE_ID]: geoSource(opts.tilesUrl) },
		layers: mapLayers(opts)
	};
}

/** Land colour before figures arrive, for legends and page backgrounds that match the map. */
export const LAND_COLOR = SPECIAL_COLORS.pending;
