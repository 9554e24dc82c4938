import { describe, expect, it } from 'vitest';
import { validateStyleMin } from '@maplibre/maplibre-gl-style-spec';
import { MetricSlots, METRIC_SLOTS } from '../../src/lib/map/metric-slots.ts';
import { slotLayerId, withStateColours } from '../../src/lib/map/feature-state.ts';
import { buildMapStyle, LAYER_IDS } from '../../src/lib/map/style.ts';
import { SPECIAL_COLORS } from '../../src/lib/map/expressions.ts';
import { evaluatePaint, hex } from './support/paint.ts';

describe('metric slots', () => {
	it('gives new metrics the free slots, then the least recently shown one', () => {
		const slots = new MetricSlots(3);
		expect(slots.place('teams').index).toBe(0);
		expect(slots.place('adoption_vneid').index).toBe(1);
		expect(slots.place('teams').index).toBe(0); // back: same slot
		expect(slots.place('households_reached').index).toBe(2);
		// Least recently shown now: adoption_vneid (slot 1), then teams, then households_reached.
		expect(slots.place('hamlet_coverage').index).toBe(1);
		expect(slots.keys).toEqual(['teams', 'hamlet_coverage', 'households_reached']);
		expect(slots.place('members_per_1000').index).toBe(0);
		expect(slots.keys.indexOf('teams')).toBe(-1);
	});

	it('keeps what a slot shows while it holds a metric, and hands it to the next metric', () => {
		const slots = new MetricSlots(1);
		const first = slots.place('teams');
		first.shown.set('00004', '2 #41b6c4');
		expect(slots.place('teams').shown.get('00004')).toBe('2 #41b6c4');
		// A new metric in the slot starts from what the layer has, so equal colours are skipped.
		expect(slots.place('adoption_vneid').shown).toBe(first.shown);
	});

	it('rejects a slot count below one', () => {
		expect(() => new MetricSlots(0)).toThrow(RangeError);
	});
});

describe('slot layers in the style', () => {
	const tilesUrl = 'https://tungngo.example/geo/tiles/abc/{z}/{x}/{y}.pbf';
	const own = withStateColours(buildMapStyle({ tilesUrl }));
	const overlay = withStateColours(
		buildMapStyle({ tilesUrl, basemapStyleUrl: 'https://b.example/s.json' })
	);
	const fills = (style: typeof own) =>
		style.layers.filter((l) => l.id.startsWith(LAYER_IDS.communeFill));

	it('replaces the commune fill by one layer per slot, in its place, the first one shown', () => {
		expect(validateStyleMin(own)).toEqual([]);
		const ids = own.layers.map((l) => l.id);
		const slotIds = Array.from({ length: METRIC_SLOTS }, (_, i) => slotLayerId(i));
		expect(fills(own).map((l) => l.id)).toEqual(slotIds);
		const at = ids.indexOf(LAYER_IDS.communeFill);
		expect(ids.slice(at, at + METRIC_SLOTS)).toEqual(slotIds);
		expect(
			fills(own).map((l) => (l.type === 'fill' ? l.paint?.['fill-layer-opacity'] : null))
		).toEqual([1, 0, 0]);
		// Showing a slot must not start a transition (MapLibre redraws until it ends).
		expect(own.transition).toEqual({ duration: 0, delay: 0 });
	});

	/** Evaluates one fill paint property of a slot layer for a feature-state. */
	function evaluate(
		style: typeof own,
		slot: number,
		property: 'fill-color' | 'fill-opacity',
		state: Record<string, unknown>
	) {
		const l = fills(style)[slot]!;
		if (l.type !== 'fill') throw new Error('not a fill');
		return evaluatePaint(property, l.paint?.[property], state);
	}

	it('colours each slot from its own keys, the land colour while it has none', () => {
		const state = { c0: 1, f0: '#41b6c4', c1: 3, f1: '#253494' };
		expect(hex(evaluate(own, 0, 'fill-color', state))).toBe('#41b6c4');
		expect(hex(evaluate(own, 1, 'fill-color', state))).toBe('#253494');
		expect(hex(evaluate(own, 2, 'fill-color', state))).toBe(SPECIAL_COLORS.pending);
	});

	it('over a base map, lets it show through a slot until its commune has a class', () => {
		const state = { c1: 2, f1: '#41b6c4' };
		expect(evaluate(overlay, 0, 'fill-opacity', state)).toBe(0);
		expect(evaluate(overlay, 1, 'fill-opacity', state)).toBe(0.65);
		expect(evaluate(own, 0, 'fill-opacity', {})).toBe(1);
	});
});
