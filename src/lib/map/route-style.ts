/**
 * The route map's style: the commune of the route outlined over the app's own geometry tiles,
 * the walking order as a line, and each household as a dot coloured by its visit status
 * (feature-state `status`, so a new visit recolours without touching geometry). Pure.
 */
import type {
	ExpressionSpecification,
	LayerSpecification,
	StyleSpecification
} from '@maplibre/maplibre-gl-style-spec';
import type { FeatureCollection, LineString, Point } from 'geojson';
import { GEO_LAYERS } from './geo-contract.ts';
import { geoSource, GEO_SOURCE_ID } from './style.ts';

export const ROUTE_SOURCE = 'route-stops';
export const ROUTE_LINE_SOURCE = 'route-line';
export const ROUTE_LAYERS = { stops: 'route-stops', line: 'route-line' } as const;

/** circle-color from feature-state `status`, falling back to the not-visited colour. */
export function statusColor(
	colors: Record<string, string>,
	fallback: string
): ExpressionSpecification {
	const cases = Object.entries(colors).flatMap(([k, c]) => [k, c]);
	return [
		'match',
		['coalesce', ['feature-state', 'status'], 'not_visited'],
		...cases,
		fallback
	] as unknown as ExpressionSpecification;
}

/** Household dots (id = household id, promoted for feature-state) and the walking line. */
export function routeGeojson(
	stops: readonly { householdId: string; seq: number; lon: number | null; lat: number | null }[]
) {
	const located = stops.filter((s) => s.lon !== null && s.lat !== null);
	const points: FeatureCollection<Point> = {
		type: 'FeatureCollection',
		features: located.map((s) => ({
			type: 'Feature',
			properties: { id: s.householdId, seq: s.seq + 1 },
			geometry: { type: 'Point', coordinates: [s.lon!, s.lat!] }
		}))
	};
	const line: FeatureCollection<LineString> = {
		type: 'FeatureCollection',
		features:
			located.length > 1
				? [
						{
							type: 'Feature',
							properties: {},
							geometry: { type: 'LineString', coordinates: located.map((s) => [s.lon!, s.lat!]) }
						}
					]
				: []
	};
	return { points, line };
}

/** Layers of the route over the commune (no base map: own background). */
export function routeLayers(
	communeCode: string,
	colors: Record<string, string>,
	withBackground: boolean
): LayerSpecification[] {
	const commune: ExpressionSpecification = ['==', ['get', 'code'], communeCode];
	return [
		...(withBackground
			? [
					{
						id: 'bg',
						type: 'background',
						paint: { 'background-color': '#eef2f4' }
					} as LayerSpecification
				]
			: []),
		{
			id: 'commune-fill',
			type: 'fill',
			source: GEO_SOURCE_ID,
			'source-layer': GEO_LAYERS.communes,
			paint: {
				'fill-color': ['case', commune, '#ffffff', '#dfe6ea'],
				'fill-opacity': withBackground ? 1 : 0.25
			}
		},
		{
			id: 'commune-line',
			type: 'line',
			source: GEO_SOURCE_ID,
			'source-layer': GEO_LAYERS.communes,
			paint: {
				'line-color': ['case', commune, '#0b5d4b', '#9aa9b3'],
				'line-width': ['case', commune, 2.5, 0.6]
			}
		},
		{
			id: ROUTE_LAYERS.line,
			type: 'line',
			source: ROUTE_LINE_SOURCE,
			paint: { 'line-color': '#3b6ea5', 'line-width': 2, 'line-dasharray': [2, 1.5] }
		},
		{
			id: ROUTE_LAYERS.stops,
			type: 'circle',
			source: ROUTE_SOURCE,
			paint: {
				'circle-radius': ['interpolate', ['linear'], ['zoom'], 12, 5, 17, 11],
				'circle-color': statusColor(colors, colors['not_visited'] ?? '#999'),
				'circle-stroke-color': '#ffffff',
				'circle-stroke-width': 2
			}
		}
	];
}

/** The full style of the route map (the app's tiles; an absolute tile URL template). */
export function routeMapStyle(
	tilesUrl: string,
	communeCode: string,
	stops: Parameters<typeof routeGeojson>[0],
	colors: Record<string, string>
): StyleSpecification {
	const { points, line } = routeGeojson(stops);
	return {
		version: 8,
		sources: {
			[GEO_SOURCE_ID]: geoSource(tilesUrl),
			[ROUTE_SOURCE]: { type: 'geojson', data: points, promoteId: 'id' },
			[ROUTE_LINE_SOURCE]: { type: 'geojson', data: line }
		},
		layers: routeLayers(communeCode, colors, true)
	};
}
