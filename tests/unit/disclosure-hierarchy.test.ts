import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { auditHierarchy, protectHierarchy } from '../../src/lib/domain/disclosure-hierarchy.ts';
import {
	seriesCellId as id,
	type SeriesFigure,
	type SeriesTable
} from '../../src/lib/domain/disclosure-series.ts';
import type { MetricKind } from '../../src/lib/domain/metric-definitions.ts';

const counts = (figures: number[][]): SeriesTable => ({
	kind: 'count',
	aggregation: 'flow',
	figures: figures.map((row) => row.map((n) => ({ numerator: n, denominator: null })))
});

/** Protects, then audits everything published for the period as one system. */
function wholeAudit(tables: SeriesTable[]) {
	const protection = protectHierarchy(tables);
	const { top, children } = protection;
	return {
		top,
		children,
		audit: auditHierarchy(tables, protection),
		unresolved: [top, ...children].flatMap((x) => x.unresolved).concat(protection.unresolved)
	};
}

describe('protectHierarchy: hand examples', () => {
	it('hides a commune of a province hidden in the country table (else: province = Σ communes)', () => {
		// Province 0 helped 6 people: hidden with another province; its communes are 0 and 6.
		const tables = [counts([[0], [6]]), counts([[40], [50]]), counts([[60], [70]])];
		const { top, children, audit } = wholeAudit(tables);
		expect(top.hidden).toEqual([id.month(0, 0), id.group(0, 0), id.month(1, 0), id.group(1, 0)]);
		expect(children[0]!.hidden).toContain(id.month(1, 0));
		expect(children[1]!.hidden.filter((h) => h.startsWith('a'))).not.toEqual([]);
		expect(audit).toEqual({ determined: [], smallSums: [] });
	});

	it('hides more when the widening leaves a small sum (a leftover fresh seeds once found)', () => {
		// Found by an unseeded run: the widening alone left this in `unresolved`.
		const tables = [
			counts([
				[0, 1, 11, 0],
				[1, 11, 0, 11],
				[11, 11, 0, 0]
			]),
			counts([
				[11, 1, 11, 0],
				[1, 1, 1, 11],
				[0, 0, 0, 0]
			]),
			counts([
				[1, 1, 0, 0],
				[0, 11, 11, 0],
				[1, 0, 1, 0],
				[11, 0, 11, 11]
			]),
			counts([
				[1, 0, 1, 0],
				[10, 88, 1, 1],
				[85, 0, 1, 14]
			])
		];
		const { audit, unresolved } = wholeAudit(tables);
		expect(unresolved).toEqual([]);
		expect(audit).toEqual({ determined: [], smallSums: [] });
	});

	it('refuses tables of different shapes', () => {
		expect(() => protectHierarchy([counts([[1, 2]]), counts([[1]])])).toThrow(
			/table 1 differs from table 0/
		);
		expect(() => protectHierarchy([])).toThrow(/no tables/);
	});
});

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
const hierarchyArb = fc
	.record({
		kind: fc.constantFrom<MetricKind>('count', 'proportion', 'per_1000'),
		aggregation: fc.constantFrom<'flow' | 'stock'>('flow', 'stock'),
		quarters: fc.boolean(),
		sizes: fc.array(fc.integer({ min: 1, max: 6 }), { minLength: 1, maxLength: 5 }),
		months: fc.integer({ min: 1, max: 7 })
	})
	.chain(({ kind, aggregation, quarters, sizes, months }) =>
		fc
			.tuple(
				...sizes.map((n) =>
					fc.array(fc.array(figureArb(kind), { minLength: months, maxLength: months }), {
						minLength: n,
						maxLength: n
					})
				)
			)
			.map((all): SeriesTable[] => {
				const every = Array.from({ length: months }, (_, m) => m);
				const byQuarter = [0, 3, 6].map((q) => every.slice(q, q + 3)).filter((g) => g.length);
				const groups = aggregation === 'flow' && quarters ? [...byQuarter, every] : undefined;
				return all.map((figures) => ({ kind, aggregation, figures, groups }));
			})
	);

describe('protectHierarchy on random provinces of random communes', () => {
	// Fresh seeds: the rare leftover the widening cannot close (about one random hierarchy in
	// 2.000) is closed by hiding more (protectHierarchy's fallback), never left `unresolved`.
	it('leaves nothing determined in the whole publication (country, provinces, communes)', () => {
		fc.assert(
			fc.property(hierarchyArb, (tables) => {
				const { audit, unresolved } = wholeAudit(tables);
				expect(unresolved).toEqual([]);
				expect(audit).toEqual({ determined: [], smallSums: [] });
			}),
			{ numRuns: 300 }
		);
	}, 60_000);

	it('agrees across levels: a province is hidden in its own table iff in the country table', () => {
		fc.assert(
			fc.property(hierarchyArb, (tables) => {
				const { top, children } = protectHierarchy(tables);
				children.forEach((child, p) => {
					const own = child.hidden.filter((h) => h.startsWith('parent/'));
					const there = top.hidden
						.filter((h) => h.startsWith(`a${p}/`))
						.map((h) => `parent/${h.slice(h.indexOf('/') + 1)}`);
					expect(own).toEqual(there);
				});
			}),
			{ numRuns: 200 }
		);
	}, 60_000);
});
