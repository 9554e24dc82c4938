import { describe, expect, it } from 'vitest';
import {
	createPropertyExpression,
	latest,
	validateStyleMin,
	type StylePropertySpecification
} from '@maplibre/maplibre-gl-style-spec';
import {
	FIELD_STATUS_COLORS,
	FIELD_STATUS_INK,
	FIELD_TO_PLAN_STATUS,
	STATUS_COLORS,
	STATUS_INK
} from '../../src/lib/map/status-colors.ts';
import { STATUS_COLORS as PLANNER_COLORS } from '../../src/lib/map/plan-layers.ts';
import { ROUTE_LAYERS, routeGeojson, routeMapStyle } from '../../src/lib/map/route-style.ts';
import { positionGeojson, POSITION_LAYERS } from '../../src/lib/map/position-layers.ts';
import { routeFeatures } from '../../src/lib/plan/geojson.ts';
import { HOUSEHOLD_STATUSES } from '../../src/lib/domain/routing/status.ts';
import { hex } from './support/paint.ts';

const FIELD_STATUSES = Object.keys(FIELD_TO_PLAN_STATUS) as (keyof typeof FIELD_TO_PLAN_STATUS)[];

/** WCAG contrast ratio of two "#rrggbb" colours. */
function contrast(a: string, b: string): number {
	const lum = (c: string) => {
		const [r, g, bl] = [1, 3, 5].map((i) => {
			const v = parseInt(c.slice(i, i + 2), 16) / 255;
			return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
		});
		return 0.2126 * r! + 0.7152 * g! + 0.0722 * bl!;
	};
	const [x, y] = [lum(a), lum(b)].sort((p, q) => q - p);
	return (x! + 0.05) / (y! + 0.05);
}

describe('one table of status colours for planner and field', () => {
	it('gives "refused" the same colour in the planner and in field mode', () => {
		expect(FIELD_STATUS_COLORS.refused).toBe(STATUS_COLORS.refused);
		expect(PLANNER_COLORS.refused).toBe(STATUS_COLORS.refused);
	});

	it.each([
		['not_visited', 'never'],
		['met', 'met'],
		['not_home', 'not_home'],
		['refused', 'refused'],
		['moved', 'refused'],
		['do_not_contact', 'do_not_contact']
	] as const)('paints field status %s with the planner’s %s colour', (field, plan) => {
		expect(FIELD_STATUS_COLORS[field]).toBe(STATUS_COLORS[plan]);
		expect(FIELD_STATUS_INK[field]).toBe(STATUS_INK[plan]);
	});

	it.each(HOUSEHOLD_STATUSES)('writes numbers readably on the %s colour (contrast ≥ 3)', (s) => {
		expect(contrast(STATUS_COLORS[s], STATUS_INK[s])).toBeGreaterThanOrEqual(3);
	});

	it('keeps the statuses apart: no two planner statuses share a colour', () => {
		expect(new Set(Object.values(STATUS_COLORS)).size).toBe(HOUSEHOLD_STATUSES.length);
	});
});

const stops = [
	{ householdId: 'h1', n: 1, lon: 105.64, lat: 21.91 },
	{ householdId: 'h2', n: 2, lon: null, lat: null },
	{ householdId: 'h3', n: 3, lon: 105.641, lat: 21.911 }
];
const style = routeMapStyle(
	{
		tilesUrl: 'https://t.example/geo/tiles/a/{z}/{x}/{y}.pbf',
		glyphsUrl: 'https://t.example/geo/fonts/b/{fontstack}/{range}.pbf'
	},
	'05923',
	stops,
	{ colors: FIELD_STATUS_COLORS, inks: FIELD_STATUS_INK, fontstack: 'noto-sans-regular' }
);
/** A layer of the style with its paint and layout as plain records. */
const layer = (id: string) =>
	style.layers.find((l) => l.id === id) as unknown as {
		paint: Record<string, unknown>;
		layout: Record<string, unknown>;
	};

function evaluate(
	group: 'paint_circle' | 'paint_symbol',
	property: string,
	expr: unknown,
	state: Record<string, unknown>,
	properties: Record<string, unknown> = {},
	zoom = 16
): unknown {
	const spec = (latest[group] as unknown as Record<string, StylePropertySpecification>)[property]!;
	const parsed = createPropertyExpression(expr, property, spec);
	if (parsed.result !== 'success') throw new Error(JSON.stringify(parsed.value));
	return parsed.value.evaluate({ zoom }, { type: 'Point', properties, id: 'h1' }, state);
}

describe('the field route map', () => {
	it('is a valid style that takes its glyphs from the app (saved for offline use)', () => {
		expect(validateStyleMin(style)).toEqual([]);
		expect(style.glyphs).toBe('https://t.example/geo/fonts/b/{fontstack}/{range}.pbf');
		expect(layer(ROUTE_LAYERS.numbers).layout).toMatchObject({
			'text-field': ['to-string', ['get', 'n']],
			'text-font': ['noto-sans-regular'],
			'text-allow-overlap': true
		});
	});

	it('numbers the located stops with their place in the whole route', () => {
		const { points } = routeGeojson(stops);
		expect(points.features.map((f) => f.properties)).toEqual([
			{ id: 'h1', n: 1 },
			{ id: 'h3', n: 3 }
		]);
	});

	it.each(FIELD_STATUSES)('colours a %s dot and its number from the shared table', (status) => {
		const paint = (id: string) => layer(id).paint;
		expect(
			hex(
				evaluate('paint_circle', 'circle-color', paint(ROUTE_LAYERS.stops)['circle-color'], {
					status
				})
			)
		).toBe(FIELD_STATUS_COLORS[status]);
		expect(
			hex(
				evaluate('paint_symbol', 'text-color', paint(ROUTE_LAYERS.numbers)['text-color'], {
					status
				})
			)
		).toBe(FIELD_STATUS_INK[status]);
	});

	it.each([
		[true, 1],
		[false, 0]
	])(
		'shows the next-house ring only on the next house (next: %s → opacity %i)',
		(next, opacity) => {
			const paint = layer(ROUTE_LAYERS.next).paint;
			expect(
				evaluate('paint_circle', 'circle-stroke-opacity', paint['circle-stroke-opacity'], { next })
			).toBe(opacity);
		}
	);

	it.each([
		[20, 21, 17, 35.9],
		[20, 21, 16, 17.9],
		[50, 10, 15, 21.3]
	])(
		'draws a %i m accuracy circle at latitude %i to scale at zoom %i (%f px)',
		(m, lat, zoom, px) => {
			const f = positionGeojson({ lon: 105, lat, accuracyM: m }).features[0]!;
			const paint = layer(POSITION_LAYERS.accuracy).paint;
			const r = evaluate(
				'paint_circle',
				'circle-radius',
				paint['circle-radius'],
				{},
				f.properties!,
				zoom
			);
			expect(r as number).toBeCloseTo(px, 0);
		}
	);

	it('draws no position until there is one', () => {
		expect(positionGeojson(null).features).toEqual([]);
	});
});

describe('the planner’s route view', () => {
	it('numbers stops with the number given (their place in the route) and colours them by status', () => {
		const { stops: points } = routeFeatures(
			[
				{
					stops: [
						{ lon: 105.64, lat: 21.91, seq: 1, status: 'refused' },
						{ lon: 105.641, lat: 21.911, seq: 3, status: 'not_home' }
					],
					start: null
				}
			],
			true
		);
		expect(points.features.map((f) => f.properties)).toEqual([
			{ color: STATUS_COLORS.refused, ink: STATUS_INK.refused, seq: 1 },
			{ color: STATUS_COLORS.not_home, ink: STATUS_INK.not_home, seq: 3 }
		]);
	});

	it('keeps one colour per route in the plan preview (no status given)', () => {
		const { stops: points } = routeFeatures(
			[{ stops: [{ lon: 105.64, lat: 21.91, seq: 1 }], start: null }],
			true
		);
		expect(points.features[0]!.properties).toMatchObject({ color: '#e7298a', ink: '#ffffff' });
	});
});
