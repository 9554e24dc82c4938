import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { protectSeries } from '../../src/lib/domain/disclosure-protect.ts';
import {
	seriesAudit,
	seriesCellId as id,
	seriesGrid,
	type SeriesFigure,
	type SeriesTable
} from '../../src/lib/domain/disclosure-series.ts';
import { disclosesSmallCount } from '../../src/lib/domain/metric-disclosure.ts';
import type { MetricKind } from '../../src/lib/domain/metric-definitions.ts';

const counts = (aggregation: 'flow' | 'stock', figures: number[][]): SeriesTable => ({
	kind: 'count',
	aggregation,
	figures: figures.map((row) => row.map((n) => ({ numerator: n, denominator: null })))
});

describe('protectSeries: hand examples', () => {
	it('hides a 2 × 2 block around a lone small month of a flow', () => {
		const t = counts('flow', [
			[20, 4, 25],
			[30, 40, 35]
		]);
		expect(protectSeries(t)).toEqual({
			hidden: [id.month(0, 0), id.month(0, 1), id.month(1, 0), id.month(1, 1)],
			moves: [],
			unresolved: []
		});
	});

	it('protects a stock within its month only: no sums over months', () => {
		const t = counts('stock', [
			[20, 4, 25],
			[30, 40, 35],
			[50, 60, 70]
		]);
		// a0/m1 is small; the next smallest commune of that month goes with it.
		expect(protectSeries(t).hidden).toEqual([id.month(0, 1), id.month(1, 1)]);
	});

	it('hides a commune when the level above already hid the province for that month', () => {
		const t = { ...counts('stock', [[20], [30], [50]]), hidden: [id.parentMonth(0)] };
		expect(protectSeries(t).hidden).toEqual([id.month(0, 0), id.parentMonth(0)]);
	});

	it('hides a small province month and enough of its communes', () => {
		const t = counts('flow', [
			[3, 20, 30],
			[4, 25, 35],
			[0, 30, 40]
		]);
		const { hidden, unresolved } = protectSeries(t);
		expect(hidden).toContain(id.parentMonth(0));
		expect(unresolved).toEqual([]);
		expect(seriesAudit(t, hidden)).toEqual({ determined: [], smallSums: [] });
	});

	it('keeps quarters and the year: a partner month comes from the same quarter', () => {
		const t: SeriesTable = {
			...counts('flow', [
				Array.from({ length: 12 }, (_, m) => (m === 4 ? 5 : 30 + m)),
				Array.from({ length: 12 }, (_, m) => 40 + m)
			]),
			groups: [
				[0, 1, 2],
				[3, 4, 5],
				[6, 7, 8],
				[9, 10, 11],
				Array.from({ length: 12 }, (_, m) => m)
			]
		};
		const { hidden, unresolved } = protectSeries(t);
		expect(unresolved).toEqual([]);
		expect(hidden.filter((h) => /\/m/.test(h) && !h.startsWith('parent'))).toEqual([
			id.month(0, 3),
			id.month(0, 4),
			id.month(1, 3),
			id.month(1, 4)
		]);
		expect(seriesAudit(t, hidden)).toEqual({ determined: [], smallSums: [] });
	});

	it('refuses ragged rows and sums over months for a stock', () => {
		expect(() => protectSeries(counts('flow', [[1, 2], [3]]))).toThrow(/row 1: 1 months, not 2/);
		expect(() => protectSeries({ ...counts('stock', [[1]]), groups: [[0]] })).toThrow(
			/a stock has no sums over months/
		);
	});
});

/** Mostly zeros and small counts, some large: the hard case for suppression. */
const countArb = fc.oneof(
	{ weight: 3, arbitrary: fc.constant(0) },
	{ weight: 4, arbitrary: fc.integer({ min: 1, max: 10 }) },
	{ weight: 3, arbitrary: fc.integer({ min: 11, max: 300 }) }
);
const figureArb = (kind: MetricKind): fc.Arbitrary<SeriesFigure | null> =>
	fc.oneof(
		{ weight: 1, arbitrary: fc.constant(null) },
		{
			weight: 12,
			arbitrary:
				kind === 'count'
					? countArb.map((n) => ({ numerator: n, denominator: null }))
					: fc
							.tuple(countArb, countArb)
							.map(([n, rest]) => ({ numerator: n, denominator: n + rest }))
		}
	);
const tableArb: fc.Arbitrary<SeriesTable> = fc
	.record({
		kind: fc.constantFrom<MetricKind>('count', 'proportion', 'per_1000'),
		aggregation: fc.constantFrom<'flow' | 'stock'>('flow', 'stock'),
		quarters: fc.boolean(),
		areas: fc.integer({ min: 1, max: 15 }),
		months: fc.integer({ min: 1, max: 13 })
	})
	.chain(({ kind, aggregation, quarters, areas, months }) =>
		fc
			.array(fc.array(figureArb(kind), { minLength: months, maxLength: months }), {
				minLength: areas,
				maxLength: areas
			})
			.map((figures): SeriesTable => {
				const all = Array.from({ length: months }, (_, m) => m);
				const byQuarter = [0, 3, 6, 9].map((q) => all.slice(q, q + 3)).filter((g) => g.length);
				const groups = aggregation === 'flow' && quarters ? [...byQuarter, all] : undefined;
				return { kind, aggregation, figures, groups };
			})
	);

describe('protectSeries on random tables', () => {
	it('leaves nothing determined, no small determined sum, and nothing unresolved', () => {
		fc.assert(
			fc.property(tableArb, (t) => {
				const { hidden, unresolved } = protectSeries(t);
				expect(unresolved).toEqual([]);
				expect(seriesAudit(t, hidden)).toEqual({ determined: [], smallSums: [] });
			}),
			{ numRuns: 300 }
		);
	}, 60_000);

	it('shows no figure that the primary rule hides, margins included', () => {
		fc.assert(
			fc.property(tableArb, (t) => {
				const hidden = new Set(protectSeries(t).hidden);
				const grid = seriesGrid(t);
				grid.layers.forEach((l, i) => {
					if (!l || hidden.has(grid.ids[i]!)) return;
					expect(disclosesSmallCount(t.kind, l[0]!, l[1] ?? null)).toBe(false);
				});
			}),
			{ numRuns: 300 }
		);
	}, 60_000);

	it('is idempotent: protecting again with its result hidden hides nothing more', () => {
		fc.assert(
			fc.property(tableArb, (t) => {
				const first = protectSeries(t);
				expect(protectSeries({ ...t, hidden: first.hidden })).toEqual(first);
			}),
			{ numRuns: 200 }
		);
	}, 60_000);
});
