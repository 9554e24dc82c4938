/**
 * The route map's style: the commune of the route outlined over the app's own geometry tiles,
 * the walking order as a line, each household as a dot coloured by its visit status
 * (feature-state `status`, so a new visit recolours without touching geometry) with its number
 * 1…n drawn on it in the app's own glyphs (saved with the route, so they show offline), a ring
 * on the next house (feature-state `next`), and the member's position. Pure.
 */
import type {
	ExpressionSpecification,
	LayerSpecification,
	StyleSpecification
} from '@maplibre/maplibre-gl-style-spec';
import type { FeatureCollection, LineString, Point } from 'geojson';
import type { LonLat } from '../domain/routing/types.ts';
import { GEO_LAYERS } from './geo-contract.ts';
import { NEXT_COLOR } from './status-colors.ts';
import { geoSource, GEO_SOURCE_ID } from './style.ts';
import {
	POSITION_SOURCE,
	positionAccuracyLayer,
	positionDotLayer,
	positionGeojson
} from './position-layers.ts';

export const ROUTE_SOURCE = 'route-stops';
export const ROUTE_LINE_SOURCE = 'route-line';
export const ROUTE_LAYERS = {
	stops: 'route-stops',
	numbers: 'route-stop-numbers',
	next: 'route-next-ring',
	line: 'route-line'
} as const;

export { NEXT_COLOR };

/** A stop as the map draws it: `n` is its number in walking order, 1…n. */
export interface MapStop {
	householdId: string;
	n: number;
	lon: number | null;
	lat: number | null;
}

/** A value per feature-state `status` (colour or ink), falling back to the not-visited one. */
export function statusColor(
	table: Record<string, string>,
	fallback: string
): ExpressionSpecification {
	const cases = Object.entries(table).flatMap(([k, c]) => [k, c]);
	return [
		'match',
		['coalesce', ['feature-state', 'status'], 'not_visited'],
		...cases,
		fallback
	] as unknown as ExpressionSpecification;
}

/**
 * Household dots (id = household id, promoted for feature-state; `n` shown) and the line.
 * @param path the walking line along the streets (domain/streets/walk-path.ts), when the
 *   commune's street graph is at hand; absent: straight from stop to stop.
 */
export function routeGeojson(stops: readonly MapStop[], path?: readonly LonLat[] | null) {
	const located = stops.filter((s) => s.lon !== null && s.lat !== null);
	const points: FeatureCollection<Point> = {
		type: 'FeatureCollection',
		features: located.map((s) => ({
			type: 'Feature',
			properties: { id: s.householdId, n: s.n },
			geometry: { type: 'Point', coordinates: [s.lon!, s.lat!] }
		}))
	};
	return { points, line: walkingLine(located, path) };
}

/**
 * The walking line's vertices along the streets through the located stops (`along`: a street
 * graph's pathAlong), or null without one: the line is then drawn straight.
 */
export function walkingPath(
	stops: readonly MapStop[],
	along: ((points: readonly LonLat[]) => LonLat[]) | undefined
): LonLat[] | null {
	if (!along) return null;
	return along(
		stops.flatMap((s): LonLat[] => (s.lon !== null && s.lat !== null ? [[s.lon, s.lat]] : []))
	);
}

/** The walking line: along `path` when given, else straight through the located stops. */
export function walkingLine(
	located: readonly MapStop[],
	path?: readonly LonLat[] | null
): FeatureCollection<LineString> {
	const coords =
		path && path.length > 1 ? path.map((p) => [p[0], p[1]]) : located.map((s) => [s.lon!, s.lat!]);
	return {
		type: 'FeatureCollection',
		features:
			coords.length > 1
				? [
						{
							type: 'Feature',
							properties: {},
							geometry: { type: 'LineString', coordinates: coords }
						}
					]
				: []
	};
}

/** What the route map paints with. */
export interface RoutePaint {
	/** Dot colour per status. */
	colors: Record<string, string>;
	/** Number colour per status (readable on the dot). */
	inks: Record<string, string>;
	/** `text-font` stack of the app's glyphs (the coverage map's). */
	fontstack: string;
}

const isNext: ExpressionSpecification = ['boolean', ['feature-state', 'next'], false];
const dotRadius: ExpressionSpecification = ['interpolate', ['linear'], ['zoom'], 12, 8, 17, 13];

/** The numbered stops and the next house's ring. */
function stopLayers(p: RoutePaint): LayerSpecification[] {
	return [
		{
			id: ROUTE_LAYERS.next,
			type: 'circle',
			source: ROUTE_SOURCE,
			paint: {
				'circle-radius': ['interpolate', ['linear'], ['zoom'], 12, 13, 17, 19],
				'circle-color': '#ffffff',
				'circle-opacity': ['case', isNext, 0.9, 0],
				'circle-stroke-color': NEXT_COLOR,
				'circle-stroke-width': 4,
				'circle-stroke-opacity': ['case', isNext, 1, 0]
			}
		},
		{
			id: ROUTE_LAYERS.stops,
			type: 'circle',
			source: ROUTE_SOURCE,
			paint: {
				'circle-radius': dotRadius,
				'circle-color': statusColor(p.colors, p.colors['not_visited'] ?? '#999'),
				'circle-stroke-color': '#ffffff',
				'circle-stroke-width': 2
			}
		},
		{
			id: ROUTE_LAYERS.numbers,
			type: 'symbol',
			source: ROUTE_SOURCE,
			layout: {
				'text-field': ['to-string', ['get', 'n']],
				'text-font': [p.fontstack],
				'text-size': ['interpolate', ['linear'], ['zoom'], 12, 11, 17, 15],
				'text-allow-overlap': true,
				'text-ignore-placement': true
			},
			paint: { 'text-color': statusColor(p.inks, p.inks['not_visited'] ?? '#fff') }
		}
	];
}

/** Layers of the route over the commune (no base map: own background). */
export function routeLayers(
	communeCode: string,
	paint: RoutePaint,
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
			paint: { 'line-color': '#56616b', 'line-width': 2, 'line-dasharray': [2, 1.5] }
		},
		positionAccuracyLayer(),
		...stopLayers(paint),
		positionDotLayer()
	];
}

/** Where the map's data come from: the app's tiles and glyphs (absolute URL templates). */
export interface RouteMapUrls {
	tilesUrl: string;
	glyphsUrl: string;
}

/** The full style of the route map. */
export function routeMapStyle(
	urls: RouteMapUrls,
	communeCode: string,
	stops: readonly MapStop[],
	paint: RoutePaint,
	path?: readonly LonLat[] | null,
	/** Drawn over a base map: no background, the communes translucent. */
	overlay = false
): StyleSpecification {
	const { points, line } = routeGeojson(stops, path);
	return {
		version: 8,
		glyphs: urls.glyphsUrl,
		sources: {
			[GEO_SOURCE_ID]: geoSource(urls.tilesUrl),
			[ROUTE_SOURCE]: { type: 'geojson', data: points, promoteId: 'id' },
			[ROUTE_LINE_SOURCE]: { type: 'geojson', data: line },
			[POSITION_SOURCE]: { type: 'geojson', data: positionGeojson(null) }
		},
		layers: routeLayers(communeCode, paint, !overlay)
	};
}
