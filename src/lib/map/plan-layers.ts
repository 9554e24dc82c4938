/**
 * MapLibre style pieces for planning and route maps: household points clustered when zoomed
 * out and coloured by status, the selection, the area being drawn, planned route lines and
 * numbered stops. Pure builders: the components add sources and these layers.
 */
import type {
	LayerSpecification,
	StyleSpecification,
	ExpressionSpecification
} from '@maplibre/maplibre-gl-style-spec';
import { HOUSEHOLD_STATUSES } from '../domain/routing/status.ts';
import { STATUS_COLORS } from './status-colors.ts';

/** Status colours: the one table planner and field mode share (re-exported for callers here). */
export { STATUS_COLORS };

/** Distinct colours for the outings of one plan, cycled. */
export const ROUTE_COLORS = ['#e7298a', '#1f78b4', '#33a02c', '#ff7f00', '#6a3d9a', '#b15928'];

export const SOURCES = {
	households: 'households',
	selection: 'selection',
	draft: 'draft',
	routes: 'routes',
	stops: 'stops',
	start: 'start'
} as const;

const statusColor: ExpressionSpecification = [
	'match',
	['get', 'status'],
	...HOUSEHOLD_STATUSES.flatMap((s) => [s, STATUS_COLORS[s]]),
	'#888888'
] as unknown as ExpressionSpecification;

/** A plain style (no tiles, device fonts): the app's layers go on top. */
export function planBaseStyle(): StyleSpecification {
	return {
		version: 8,
		sources: {},
		layers: [{ id: 'background', type: 'background', paint: { 'background-color': '#eef1ec' } }]
	};
}

/** Clusters, their counts, and single households coloured by status (ringed when on a route). */
export function householdLayers(): LayerSpecification[] {
	return [
		{
			id: 'household-clusters',
			type: 'circle',
			source: SOURCES.households,
			filter: ['has', 'point_count'],
			paint: {
				'circle-color': '#4a6fa5',
				'circle-opacity': 0.75,
				'circle-radius': ['step', ['get', 'point_count'], 14, 50, 18, 500, 24],
				'circle-stroke-color': '#ffffff',
				'circle-stroke-width': 2
			}
		},
		{
			id: 'household-cluster-count',
			type: 'symbol',
			source: SOURCES.households,
			filter: ['has', 'point_count'],
			layout: { 'text-field': ['get', 'point_count_abbreviated'], 'text-size': 12 },
			paint: { 'text-color': '#ffffff' }
		},
		{
			id: 'household-points',
			type: 'circle',
			source: SOURCES.households,
			filter: ['!', ['has', 'point_count']],
			paint: {
				'circle-color': statusColor,
				'circle-radius': ['interpolate', ['linear'], ['zoom'], 12, 3, 17, 7],
				'circle-stroke-color': ['case', ['get', 'planned'], '#ffffff', '#333333'],
				'circle-stroke-width': ['case', ['get', 'planned'], 1.5, 0.5]
			}
		}
	];
}

/** The selected households, drawn as rings over the points. */
export function selectionLayers(): LayerSpecification[] {
	return [
		{
			id: 'selection-ring',
			type: 'circle',
			source: SOURCES.selection,
			paint: {
				'circle-color': 'rgba(0,0,0,0)',
				'circle-radius': ['interpolate', ['linear'], ['zoom'], 12, 5, 17, 10],
				'circle-stroke-color': '#e7298a',
				'circle-stroke-width': 2
			}
		}
	];
}

/** The area being drawn: its fill, outline and corners. */
export function draftLayers(): LayerSpecification[] {
	return [
		{
			id: 'draft-fill',
			type: 'fill',
			source: SOURCES.draft,
			filter: ['==', ['geometry-type'], 'Polygon'],
			paint: { 'fill-color': '#e7298a', 'fill-opacity': 0.12 }
		},
		{
			id: 'draft-line',
			type: 'line',
			source: SOURCES.draft,
			filter: ['!=', ['geometry-type'], 'Point'],
			paint: { 'line-color': '#e7298a', 'line-width': 2, 'line-dasharray': [2, 1] }
		},
		{
			id: 'draft-corners',
			type: 'circle',
			source: SOURCES.draft,
			filter: ['==', ['geometry-type'], 'Point'],
			paint: {
				'circle-color': '#ffffff',
				'circle-radius': 5,
				'circle-stroke-color': '#e7298a',
				'circle-stroke-width': 2
			}
		}
	];
}

/** Route lines (colour from the feature), numbered stops and the start point. */
export function routeLayers(): LayerSpecification[] {
	return [
		{
			id: 'route-casing',
			type: 'line',
			source: SOURCES.routes,
			layout: { 'line-join': 'round', 'line-cap': 'round' },
			// A line marked `dim` (another outing is picked) steps back.
			paint: {
				'line-color': '#ffffff',
				'line-width': 6,
				'line-opacity': ['case', ['boolean', ['get', 'dim'], false], 0, 1]
			}
		},
		{
			id: 'route-line',
			type: 'line',
			source: SOURCES.routes,
			layout: { 'line-join': 'round', 'line-cap': 'round' },
			paint: {
				'line-color': ['get', 'color'],
				'line-width': ['case', ['boolean', ['get', 'dim'], false], 2, 3],
				'line-opacity': ['case', ['boolean', ['get', 'dim'], false], 0.3, 1]
			}
		},
		{
			id: 'stop-circles',
			type: 'circle',
			source: SOURCES.stops,
			paint: {
				'circle-color': ['get', 'color'],
				'circle-radius': 9,
				'circle-stroke-color': '#ffffff',
				'circle-stroke-width': 1.5
			}
		},
		{
			id: 'stop-numbers',
			type: 'symbol',
			source: SOURCES.stops,
			layout: {
				'text-field': ['to-string', ['get', 'seq']],
				'text-size': 10,
				'text-allow-overlap': true
			},
			paint: { 'text-color': ['coalesce', ['get', 'ink'], '#ffffff'] }
		},
		{
			id: 'start-point',
			type: 'circle',
			source: SOURCES.start,
			paint: {
				'circle-color': '#111111',
				'circle-radius': 7,
				'circle-stroke-color': '#ffffff',
				'circle-stroke-width': 2
			}
		}
	];
}
