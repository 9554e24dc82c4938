/**
 * A metric's monthly series for one parent area as a table of linear cells (issue 16 §8): rows
 * are the parent's areas (communes of a province, or provinces of the country) plus the parent
 * itself, columns are the months plus, for flows, the sums over groups of months (the period's
 * 12-month total, quarters). The relations are every sum a reader knows:
 *   flows   each row: Σ months of a group = the group's total (time); each column: Σ areas = the
 *           parent (geography);
 *   stocks  each month: Σ areas = the parent only — two months' difference is a net change, not
 *           a count of anyone, so stocks have no sums over time.
 * Used by disclosure-protect.ts and, through seriesAudit, by whoever checks what was published.
 */
import type { MetricKind } from './metric-definitions.ts';
import { auditDisclosure, type AuditCell, type AuditResult } from './disclosure-audit.ts';

/** One figure's counts (denominator null for a count). */
export interface SeriesFigure {
	numerator: number;
	denominator: number | null;
}

export interface SeriesTable {
	kind: MetricKind;
	aggregation: 'flow' | 'stock';
	/** figures[area][month]; null = no data there (it adds nothing to the parent). */
	figures: readonly (readonly (SeriesFigure | null)[])[];
	/**
	 * Flows only: groups of month indices whose sums are published per area and for the parent.
	 * Default: one group of every month (the period total). Stocks take none.
	 */
	groups?: readonly (readonly number[])[];
	/** Cell ids hidden beforehand, e.g. the parent's months hidden by the level above. */
	hidden?: readonly string[];
}

/** Cell ids: an area's month, an area's group total, the parent's month, the parent's group total. */
export const seriesCellId = {
	month: (area: number, month: number) => `a${area}/m${month}`,
	group: (area: number, group: number) => `a${area}/g${group}`,
	parentMonth: (month: number) => `parent/m${month}`,
	parentGroup: (group: number) => `parent/g${group}`
};

/**
 * The table as a grid: row `areas` is the parent; columns are months then groups. A cell's index
 * is row × width + column; `layers[i]` is null where there is no data (no cell).
 */
export interface SeriesGrid {
	kind: MetricKind;
	areas: number;
	months: number;
	groups: number[][];
	width: number;
	ids: string[];
	layers: (number[] | null)[];
	/** [total, ...parts], by cell index; only cells with data. */
	relations: number[][];
}

/** Layers of a figure: the counts that add up (see disclosure-audit.ts). */
export function figureLayers(kind: MetricKind, f: SeriesFigure): number[] {
	if (kind === 'count' || f.denominator === null) return [f.numerator];
	if (kind === 'per_1000') return [f.numerator, f.denominator];
	return [f.numerator, f.denominator, f.denominator - f.numerator];
}

function addLayers(a: number[] | null, b: number[] | null): number[] | null {
	if (!a) return b && [...b];
	return b ? a.map((x, i) => x + b[i]!) : a;
}

function checkTable(t: SeriesTable): number {
	const months = t.figures[0]?.length ?? 0;
	t.figures.forEach((row, r) => {
		if (row.length !== months)
			throw new RangeError(`series row ${r}: ${row.length} months, not ${months}`);
	});
	if (t.aggregation === 'stock' && t.groups?.length)
		throw new RangeError('series: a stock has no sums over months (groups)');
	for (const g of t.groups ?? [])
		if (g.some((m) => !Number.isInteger(m) || m < 0 || m >= months))
			throw new RangeError(`series group [${g.join(', ')}]: month out of range`);
	return months;
}

function gridIds(areas: number, months: number, groups: number): string[] {
	const ids: string[] = [];
	for (let r = 0; r <= areas; r++) {
		for (let m = 0; m < months; m++)
			ids.push(r < areas ? seriesCellId.month(r, m) : seriesCellId.parentMonth(m));
		for (let g = 0; g < groups; g++)
			ids.push(r < areas ? seriesCellId.group(r, g) : seriesCellId.parentGroup(g));
	}
	return ids;
}

/**
 * Builds the grid of a table: the parent's and the groups' values are the sums of their parts.
 * @throws RangeError on ragged rows, a month out of range in a group, or groups for a stock.
 */
export function seriesGrid(t: SeriesTable): SeriesGrid {
	const months = checkTable(t);
	const areas = t.figures.length;
	const groups =
		t.aggregation === 'stock'
			? []
			: (t.groups ?? [Array.from({ length: months }, (_, m) => m)]).map((g) => [...g]);
	const width = months + groups.length;
	const layers: (number[] | null)[] = new Array((areas + 1) * width).fill(null);
	const at = (r: number, c: number) => r * width + c;
	t.figures.forEach((row, r) =>
		row.forEach((f, m) => (layers[at(r, m)] = f && figureLayers(t.kind, f)))
	);
	for (let r = 0; r < areas; r++)
		groups.forEach((g, k) => {
			for (const m of g)
				layers[at(r, months + k)] = addLayers(layers[at(r, months + k)]!, layers[at(r, m)]!);
		});
	for (let c = 0; c < width; c++)
		for (let r = 0; r < areas; r++)
			layers[at(areas, c)] = addLayers(layers[at(areas, c)]!, layers[at(r, c)]!);
	const relations: number[][] = [];
	const keep = (rel: number[]) => layers[rel[0]!] && relations.push(rel.filter((i) => layers[i]));
	for (let r = 0; r <= areas; r++)
		groups.forEach((g, k) => keep([at(r, months + k), ...g.map((m) => at(r, m))]));
	for (let c = 0; c < width; c++)
		keep([at(areas, c), ...Array.from({ length: areas }, (_, r) => at(r, c))]);
	return {
		kind: t.kind,
		areas,
		months,
		groups,
		width,
		ids: gridIds(areas, months, groups.length),
		layers,
		relations
	};
}

/** The grid's cells (those with data) and relations, as the auditor takes them. */
export function gridAuditInput(grid: SeriesGrid, hidden: ArrayLike<boolean>) {
	const cells: AuditCell[] = [];
	grid.layers.forEach(
		(values, i) => values && cells.push({ id: grid.ids[i]!, values, hidden: !!hidden[i] })
	);
	const relations = grid.relations.map(([total, ...parts]) => ({
		total: grid.ids[total!]!,
		parts: parts.map((p) => grid.ids[p]!)
	}));
	return { cells, relations };
}

/** Audits a table as published with the given hidden cell ids (see auditDisclosure). */
export function seriesAudit(t: SeriesTable, hiddenIds: Iterable<string>): AuditResult {
	const grid = seriesGrid(t);
	const set = new Set(hiddenIds);
	const { cells, relations } = gridAuditInput(
		grid,
		grid.ids.map((id) => set.has(id))
	);
	return auditDisclosure(cells, relations);
}
