/**
 * The contract between the geometry build (scripts/build-geo.ts) and the map style: layer
 * names, zoom ranges, the glyph font stack and the attribution. Both sides import these
 * constants, so a renamed layer cannot silently leave the map blank.
 */

/** Source-layer names inside every vector tile. */
export const GEO_LAYERS = {
	/** Commune polygons; properties `code` (5-digit string) and `p` (2-digit province code). */
	communes: 'communes',
	/** Province polygons (dissolved communes); property `code`. */
	provinces: 'provinces',
	/** One point per commune inside its polygon; properties `code`, `name`. */
	communeLabels: 'commune_labels',
	/** One point per province inside its mainland part; properties `code`, `name`. */
	provinceLabels: 'province_labels'
} as const;

export type GeoLayerName = (typeof GEO_LAYERS)[keyof typeof GEO_LAYERS];

/** Lowest and highest zoom with tiles; MapLibre over-zooms past the maximum. */
export const GEO_MIN_ZOOM = 2;
export const GEO_MAX_ZOOM = 10;

/**
 * [west, south, east, north] the map's source covers: all communes, Trường Sa included. MapLibre
 * requests no tile outside it; the build writes an (empty) file for every tile inside it, so
 * open sea inside the box costs no 404s.
 */
export const GEO_BOUNDS: [number, number, number, number] = [102.14, 7.18, 117.83, 23.4];

/** From this zoom every commune label is in the tiles; below it only the archipelagos'. */
export const COMMUNE_LABEL_MIN_ZOOM = 9;

/**
 * Hoàng Sa (Đà Nẵng) and Trường Sa (Khánh Hòa). They are drawn and labelled at every zoom,
 * never simplified away, because they are part of Vietnam on every map we publish.
 */
export const ARCHIPELAGO_CODES = ['20333', '22736'] as const;

/** Font stack shipped as SDF glyph ranges under /geo/fonts (Noto Sans, SIL OFL 1.1). */
export const GLYPH_FONTSTACK = 'noto-sans-regular';

/** Required attribution for the boundaries (docs/domain.md, "Reference data"). */
export const BOUNDARY_ATTRIBUTION =
	'Ranh giới hành chính: Bản đồ ĐVHC sau sắp xếp (sapnhap.bando.com.vn, NXB TN-MT & Bản đồ Việt Nam), qua dự án vietnamese-provinces-database (MIT)';

/** Tiles are 512 px on screen (MapLibre's default) with this many integer units per side. */
export const TILE_SIZE = 512;
export const TILE_EXTENT = 4096;
