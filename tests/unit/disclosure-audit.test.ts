import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { auditDisclosure, type AuditCell } from '../../src/lib/domain/disclosure-audit.ts';
import {
	seriesAudit,
	seriesCellId as id,
	type SeriesTable
} from '../../src/lib/domain/disclosure-series.ts';

const cell = (cid: string, value: number, hidden = false): AuditCell => ({
	id: cid,
	values: [value],
	hidden
});

/** A flow table of counts, figures[area][month]. */
const flows = (figures: number[][]): SeriesTable => ({
	kind: 'count',
	aggregation: 'flow',
	figures: figures.map((row) => row.map((n) => ({ numerator: n, denominator: null })))
});

const grid3 = flows([
	[20, 30, 40],
	[25, 35, 45],
	[50, 60, 70]
]);

describe('auditDisclosure: determined cells', () => {
	it('finds a hidden month worked out as the 12-month total minus the other months', () => {
		const months = Array.from({ length: 12 }, (_, m) => cell(`m${m}`, 20 + m, m === 4));
		const total = cell(
			'year',
			months.reduce((s, c) => s + c.values[0]!, 0)
		);
		const result = auditDisclosure(
			[...months, total],
			[{ total: 'year', parts: months.map((c) => c.id) }]
		);
		expect(result.determined).toEqual(['m4']);
	});

	it('finds a hidden commune worked out as its province minus the shown communes', () => {
		const result = auditDisclosure(
			[cell('a', 7, true), cell('b', 40), cell('c', 60), cell('province', 107)],
			[{ total: 'province', parts: ['a', 'b', 'c'] }]
		);
		expect(result.determined).toEqual(['a']);
	});

	it('finds the province hidden but its communes all shown', () => {
		const result = auditDisclosure(
			[cell('a', 30), cell('b', 40), cell('province', 70, true)],
			[{ total: 'province', parts: ['a', 'b'] }]
		);
		expect(result.determined).toEqual(['province']);
	});

	it('finds every cell of an L of three hidden cells (each row or column leaves one alone)', () => {
		const hidden = [id.month(0, 0), id.month(0, 1), id.month(1, 0)];
		expect(seriesAudit(grid3, hidden).determined.sort()).toEqual([...hidden].sort());
	});

	it('finds two hidden months of one commune when each is alone in its month', () => {
		const hidden = [id.month(0, 0), id.month(0, 1)];
		expect(seriesAudit(grid3, hidden).determined.sort()).toEqual(hidden);
	});

	it('finds nothing when a 2 × 2 block is hidden (a cycle: +t, −t, +t, −t keeps every sum)', () => {
		const hidden = [id.month(0, 0), id.month(0, 1), id.month(1, 0), id.month(1, 1)];
		expect(seriesAudit(grid3, hidden)).toEqual({ determined: [], smallSums: [] });
	});

	it('finds a cell closed by a cycle through the margins only when the margins are hidden', () => {
		// a0/m0 with its commune's total, the province's month and the province's total.
		const ring = [id.month(0, 0), id.group(0, 0), id.parentMonth(0), id.parentGroup(0)];
		expect(seriesAudit(grid3, ring).determined).toEqual([]);
		expect(seriesAudit(grid3, ring.slice(0, 3)).determined.length).toBeGreaterThan(0);
	});
});

describe('auditDisclosure: small sums', () => {
	it('reports two hidden communes whose sum, province minus the rest, is 1–10', () => {
		const result = auditDisclosure(
			[cell('a', 3, true), cell('b', 4, true), cell('c', 60), cell('province', 67)],
			[{ total: 'province', parts: ['a', 'b', 'c'] }]
		);
		expect(result.determined).toEqual([]);
		expect(result.smallSums).toEqual([
			{ cells: ['a', 'b'], layer: 0, value: 7, source: 'relation' }
		]);
	});

	it('checks every layer of a rate: a denominator sum of 1–10 discloses', () => {
		const rate = (cid: string, n: number, d: number, hidden = false) => ({
			id: cid,
			values: [n, d],
			hidden
		});
		const result = auditDisclosure(
			[rate('a', 0, 4, true), rate('b', 0, 5, true), rate('c', 30, 900), rate('p', 30, 909)],
			[{ total: 'p', parts: ['a', 'b', 'c'] }]
		);
		expect(result.smallSums).toEqual([
			{ cells: ['a', 'b'], layer: 1, value: 9, source: 'relation' }
		]);
	});

	it('leaves a safe hidden sum alone', () => {
		const result = auditDisclosure(
			[cell('a', 3, true), cell('b', 9, true), cell('province', 12)],
			[{ total: 'province', parts: ['a', 'b'] }]
		);
		expect(result).toEqual({ determined: [], smallSums: [] });
	});

	it('refuses a relation naming an unknown cell, and duplicate ids', () => {
		expect(() => auditDisclosure([cell('a', 1)], [{ total: 'p', parts: ['a'] }])).toThrow(
			/unknown cell p/
		);
		expect(() => auditDisclosure([cell('a', 1), cell('a', 2)], [])).toThrow(/duplicate cell a/);
	});
});

/**
 * The graph rule for a table of sums with its margins: rows (areas and the parent) and columns
 * (months and the total) are nodes, hidden cells are edges; a hidden cell is determined exactly
 * when no cycle of hidden cells runs through it (a bridge). Found here by search, independently.
 */
function bridges(rows: number, cols: number, edges: [number, number][]): boolean[] {
	const node = (e: [number, number], side: 0 | 1) => (side === 0 ? e[0] : rows + e[1]);
	return edges.map((_, skip) => {
		const seen = new Set([node(edges[skip]!, 0)]);
		const todo = [node(edges[skip]!, 0)];
		while (todo.length) {
			const n = todo.pop()!;
			edges.forEach((e, k) => {
				if (k === skip) return;
				const [a, b] = [node(e, 0), node(e, 1)];
				const next = a === n ? b : b === n ? a : -1;
				if (next < 0 || seen.has(next)) return;
				seen.add(next);
				todo.push(next);
			});
		}
		return !seen.has(node(edges[skip]!, 1));
	});
}

const randomHidden = fc.record({
	areas: fc.integer({ min: 1, max: 6 }),
	months: fc.integer({ min: 1, max: 6 }),
	seeds: fc.array(fc.integer({ min: 0, max: 999 }), { minLength: 49, maxLength: 49 }),
	share: fc.integer({ min: 1, max: 9 })
});

describe('auditDisclosure on random tables', () => {
	it('agrees with the graph rule: determined exactly when no cycle of hidden cells runs through it', () => {
		fc.assert(
			fc.property(randomHidden, ({ areas, months, seeds, share }) => {
				const t = flows(
					Array.from({ length: areas }, (_, r) =>
						Array.from({ length: months }, (_, m) => 11 + seeds[r * 7 + m]!)
					)
				);
				const edges: [number, number][] = [];
				const ids: string[] = [];
				for (let r = 0; r <= areas; r++)
					for (let c = 0; c <= months; c++)
						if (seeds[r * 7 + c]! % 10 < share) {
							edges.push([r, c]);
							const month = c < months;
							if (r < areas) ids.push(month ? id.month(r, c) : id.group(r, 0));
							else ids.push(month ? id.parentMonth(c) : id.parentGroup(0));
						}
				const want = ids.filter((_, k) => bridges(areas + 1, months + 1, edges)[k]);
				expect(seriesAudit(t, ids).determined.sort()).toEqual(want.sort());
			}),
			{ numRuns: 200 }
		);
	}, 60_000);

	it('is not vacuous: an unprotected table with a lone hidden cell in a row has it determined', () => {
		fc.assert(
			fc.property(
				fc.integer({ min: 1, max: 15 }),
				fc.integer({ min: 2, max: 13 }),
				fc.array(fc.integer({ min: 0, max: 60 }), { minLength: 15 * 13, maxLength: 15 * 13 }),
				fc.nat(),
				(areas, months, values, pick) => {
					const t = flows(
						Array.from({ length: areas }, (_, r) =>
							Array.from({ length: months }, (_, m) => values[r * 13 + m]!)
						)
					);
					const r = pick % areas;
					const lone = id.month(r, Math.floor(pick / areas) % months);
					// Any other rows' cells hidden too, as the primary rule alone would hide them.
					const others = t.figures.flatMap((row, r2) =>
						r2 === r ? [] : row.flatMap((f, m) => (f!.numerator <= 10 ? [id.month(r2, m)] : []))
					);
					expect(seriesAudit(t, [lone, ...others]).determined).toContain(lone);
				}
			),
			{ numRuns: 200 }
		);
	}, 60_000);
});
