/**
 * The member's position on the route map: a blue dot and its accuracy circle, drawn to scale
 * (the radius in metres becomes pixels at every zoom). Pure builders; the position is given by
 * the page and kept in memory only.
 */
import type { LayerSpecification } from '@maplibre/maplibre-gl-style-spec';
import type { FeatureCollection, Point } from 'geojson';

export const POSITION_SOURCE = 'member-position';
export const POSITION_LAYERS = { accuracy: 'member-accuracy', dot: 'member-dot' } as const;
export const POSITION_COLOR = '#1a73e8';

/** Metres per pixel at zoom 0 on the equator (MapLibre's 512-pixel world). */
const M_PER_PX_Z0 = 40_075_016.686 / 512;
/** A zoom past any the map allows, for the exponential radius. */
const Z_MAX = 24;

/** The position as GeoJSON (empty without one); `r0` is the accuracy radius in pixels at z0. */
export function positionGeojson(
	fix: { lon: number; lat: number; accuracyM: number } | null
): FeatureCollection<Point> {
	if (!fix) return { type: 'FeatureCollection', features: [] };
	const r0 = fix.accuracyM / (M_PER_PX_Z0 * Math.cos((fix.lat * Math.PI) / 180));
	return {
		type: 'FeatureCollection',
		features: [
			{
				type: 'Feature',
				properties: { r0 },
				geometry: { type: 'Point', coordinates: [fix.lon, fix.lat] }
			}
		]
	};
}

/** The accuracy circle: under the stops, so it never hides a house. */
export function positionAccuracyLayer(): LayerSpecification {
	return {
		id: POSITION_LAYERS.accuracy,
		type: 'circle',
		source: POSITION_SOURCE,
		paint: {
			// Pixels double with each zoom level: r0 · 2^zoom.
			'circle-radius': [
				'interpolate',
				['exponential', 2],
				['zoom'],
				0,
				['get', 'r0'],
				Z_MAX,
				['*', ['get', 'r0'], 2 ** Z_MAX]
			],
			'circle-color': POSITION_COLOR,
			'circle-opacity': 0.15,
			'circle-stroke-color': POSITION_COLOR,
			'circle-stroke-width': 1,
			'circle-stroke-opacity': 0.5
		}
	};
}

/** The dot itself: over everything. */
export function positionDotLayer(): LayerSpecification {
	return {
		id: POSITION_LAYERS.dot,
		type: 'circle',
		source: POSITION_SOURCE,
		paint: {
			'circle-radius': 8,
			'circle-color': POSITION_COLOR,
			'circle-stroke-color': '#ffffff',
			'circle-stroke-width': 3
		}
	};
}
