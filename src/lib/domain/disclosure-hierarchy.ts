/**
 * Suppression across two levels of geography at once (issue 16 §8): a province's months are a
 * row of the country's table and the parent row of the province's own table, so the two tables
 * must agree on what is hidden and their cycles must join up — otherwise a province hidden in
 * the country table could be worked out as the sum of its communes, or a commune from a province
 * that only the country table frees.
 *
 * The top table (rows = the children's parents, e.g. provinces of the country) is protected
 * first, with a cycle of hidden cells through every hidden cell (`withMoves`). Each child table
 * (communes of one province) then takes the province's hidden cells as given, treats the
 * province row as known (no cycle of its own moves it) and, for each way the top table's cycles
 * move the province, hides one commune along the same months: together they make a cycle of the
 * whole hierarchy. Nothing a child table does changes the top table.
 *
 * That is not yet all: a sum the top table leaves determined (the country minus shown provinces)
 * can, once a province is replaced by its shown communes and the one commune backing it, become
 * a small sum of that commune and other cells. So the whole hierarchy is then audited at once
 * (auditHierarchy), and for each flagged target one more commune of its province is hidden, the
 * province re-protected, until the audit is clean or nothing more can be hidden.
 */
import { disclosesSmallCount } from './metric-disclosure.ts';
import { protectSeries, type SeriesProtection } from './disclosure-protect.ts';
import {
	auditDisclosure,
	type AuditCell,
	type AuditRelation,
	type AuditResult
} from './disclosure-audit.ts';
import {
	gridAuditInput,
	seriesGrid,
	type SeriesFigure,
	type SeriesTable
} from './disclosure-series.ts';

export interface HierarchyProtection {
	/** The top table: `a{p}/…` are child table p's parent (province p), `parent/…` the top area. */
	top: SeriesProtection;
	/** One per child table: its hidden ids, `parent/…` being its own row in the top table. */
	children: SeriesProtection[];
	/** Whole-hierarchy audit ids (auditHierarchy) still flagged at the end (expected none). */
	unresolved: string[];
}

/** The parent's figures, month by month (sums of the areas'; null where none has data). */
export function parentFigures(table: SeriesTable): (SeriesFigure | null)[] {
	const g = seriesGrid(table);
	return Array.from({ length: g.months }, (_, m) => {
		const l = g.layers[g.areas * g.width + m];
		return l ? { numerator: l[0]!, denominator: l.length > 1 ? l[1]! : null } : null;
	});
}

/** The top table: one row per child table, its parent's figures. */
function topOf(tables: readonly SeriesTable[]): SeriesTable {
	const first = tables[0];
	if (!first) throw new RangeError('protectHierarchy: no tables');
	const shape = (t: SeriesTable) =>
		JSON.stringify([t.kind, t.aggregation, t.groups ?? null, t.figures[0]?.length ?? 0]);
	const bad = tables.findIndex((t) => shape(t) !== shape(first));
	if (bad >= 0) throw new RangeError(`protectHierarchy: table ${bad} differs from table 0`);
	const { kind, aggregation, groups } = first;
	return { kind, aggregation, groups, figures: tables.map(parentFigures) };
}

/** Child p's parent-row ids hidden in the top table. */
function parentHidden(topTable: SeriesTable, top: SeriesProtection, p: number): string[] {
	const prefix = `a${p}/`;
	const g = seriesGrid(topTable);
	return top.hidden
		.filter((id) => id.startsWith(prefix) && g.ids.includes(id))
		.map((id) => `parent/${id.slice(prefix.length)}`);
}

/** A child cell's id in the whole hierarchy: `p3:a2/m5`; its parent row is the top's `a3/m5`. */
export const hierarchyCellId = (p: number, id: string) =>
	id.startsWith('parent/') ? `a${p}/${id.slice('parent/'.length)}` : `p${p}:${id}`;

/**
 * Audits everything published for the period at once: the top table and every child table, with
 * all their sums (see auditDisclosure). Ids: the top table's, and hierarchyCellId for children's.
 */
export function auditHierarchy(
	tables: readonly SeriesTable[],
	protection: HierarchyProtection
): AuditResult {
	const cells: AuditCell[] = [];
	const relations: AuditRelation[] = [];
	const add = (t: SeriesTable, hidden: string[], rename: (id: string) => string, top: boolean) => {
		const grid = seriesGrid(t);
		const set = new Set(hidden);
		const input = gridAuditInput(
			grid,
			grid.ids.map((id) => set.has(id))
		);
		for (const c of input.cells)
			if (top || !c.id.startsWith('parent/')) cells.push({ ...c, id: rename(c.id) });
		for (const r of input.relations)
			relations.push({ total: rename(r.total), parts: r.parts.map(rename) });
	};
	add(topOf(tables), protection.top.hidden, String, true);
	tables.forEach((t, p) =>
		add(t, protection.children[p]!.hidden, (id) => hierarchyCellId(p, id), false)
	);
	return auditDisclosure(cells, relations);
}

/**
 * For targets the whole-hierarchy audit flags (determined cells or small sums): one more cell of
 * a table to hide, the smallest shown one counting something in the column (else the row) of a
 * cell of that table in a target, or null when there is none. `own` maps a whole-hierarchy id to
 * the table's own id, or null when the cell is not in it; a child table's parent row (`parentRow`
 * false) is the top table's to hide.
 */
function widen(
	table: SeriesTable,
	protection: SeriesProtection,
	targets: string[][],
	own: (id: string) => string | null,
	parentRow: boolean
): string | null {
	const g = seriesGrid(table);
	const hidden = new Set(protection.hidden);
	const pick = (cells: number[]) =>
		cells
			.filter((i) => !hidden.has(g.ids[i]!) && g.layers[i]?.some((x) => x > 0))
			.sort((a, b) => weightOf(g.layers[a]!) - weightOf(g.layers[b]!) || a - b)[0];
	for (const id of targets.flat()) {
		const i = g.ids.indexOf(own(id) ?? '');
		if (i < 0) continue;
		const [row, column] = [Math.floor(i / g.width), i % g.width];
		const inColumn = Array.from(
			{ length: parentRow ? g.areas + 1 : g.areas },
			(_, r) => r * g.width + column
		);
		const inRow = Array.from({ length: g.width }, (_, c) => row * g.width + c).filter(
			() => parentRow || row < g.areas
		);
		const best = pick(inColumn) ?? pick(inRow);
		if (best !== undefined) return g.ids[best]!;
	}
	return null;
}

const weightOf = (l: number[]) => (l.length > 1 ? l[1]! : l[0]!);

/**
 * When nothing more can be hidden: shows again the child cells the whole-hierarchy audit still
 * finds determined that were hidden only to protect others (see release in disclosure-protect.ts).
 * @returns the protection, with the ids still flagged as `unresolved`.
 */
function release(tables: readonly SeriesTable[], hp: HierarchyProtection): HierarchyProtection {
	for (const cellId of auditHierarchy(tables, hp).determined) {
		const m = /^p(\d+):(a\d+\/[mg]\d+)$/.exec(cellId);
		if (!m) continue;
		const [p, id] = [Number(m[1]), m[2]!];
		const g = seriesGrid(tables[p]!);
		const l = g.layers[g.ids.indexOf(id)]!;
		const rule = disclosesSmallCount(g.kind, l[0]!, l.length > 1 ? l[1]! : null);
		if (rule || tables[p]!.hidden?.includes(id)) continue;
		const child = hp.children[p]!;
		hp.children[p] = {
			...child,
			hidden: child.hidden.filter((h) => h !== id),
			unresolved: child.unresolved.filter((h) => h !== id)
		};
	}
	const audit = auditHierarchy(tables, hp);
	const flagged = [...audit.determined, ...audit.smallSums.flatMap((x) => x.cells)];
	return { ...hp, unresolved: [...new Set(flagged)] };
}

/**
 * Protects one metric over a parent of parents and its children's tables: the country and the
 * provinces' tables of communes (or a province and tables of smaller units). The children's
 * tables must share kind, aggregation, months and groups.
 * @returns the top table's protection and each child's, consistent with each other.
 * @throws RangeError on no tables or tables that differ in shape (or see seriesGrid).
 * @example
 *   const { top, children } = protectHierarchy(provinces.map((p) => tableOf(metric, p)));
 *   // country figures: top.hidden ('parent/m3' = the country's month 3, 'a5/m3' = province 5's);
 *   // commune figures of province 5: children[5].hidden ('a12/m3' = its commune 12).
 */
export function protectHierarchy(tables: readonly SeriesTable[]): HierarchyProtection {
	const hp = protectTables(tables);
	return hp.unresolved.length === 0 ? hp : hideUntilClean(tables, hp);
}

/** Every cell of a table with data, areas' rows only or its parent's too. */
function cellIds(table: SeriesTable, parentRow: boolean): string[] {
	const g = seriesGrid(table);
	return g.ids.filter((_, i) => g.layers[i] && (parentRow || i < g.areas * g.width));
}

/**
 * The rare leftovers the widening cannot close (about one random hierarchy in 2.000): hiding
 * more is always safe (a reader knows less), so first every commune of the provinces the
 * flagged cells touch, then, if the audit still flags anything, every cell of every table.
 * The levels still agree: a province's own row is hidden exactly where the top table hides it.
 */
function hideUntilClean(tables: readonly SeriesTable[], hp: HierarchyProtection) {
	const touched = new Set<number>();
	for (const id of hp.unresolved) {
		const m = /^(?:p(\d+):|a(\d+)\/)/.exec(id);
		if (m) touched.add(Number(m[1] ?? m[2]));
		else tables.forEach((_, p) => touched.add(p));
	}
	const children = hp.children.map((child, p) =>
		touched.has(p)
			? { ...child, hidden: [...new Set([...child.hidden, ...cellIds(tables[p]!, false)])] }
			: child
	);
	const wider = { ...hp, children: clear(children), top: clear([hp.top])[0]! };
	const audit = auditHierarchy(tables, wider);
	if (audit.determined.length === 0 && audit.smallSums.length === 0)
		return { ...wider, unresolved: [] };
	const all: HierarchyProtection = {
		top: { ...wider.top, hidden: cellIds(topOf(tables), true) },
		children: wider.children.map((child, p) => ({ ...child, hidden: cellIds(tables[p]!, true) })),
		unresolved: []
	};
	const last = auditHierarchy(tables, all);
	const flagged = [...last.determined, ...last.smallSums.flatMap((x) => x.cells)];
	return { ...all, unresolved: [...new Set(flagged)] };
}

/** The tables' own leftovers, once the whole-hierarchy audit is the judge. */
const clear = (list: SeriesProtection[]) => list.map((x) => ({ ...x, unresolved: [] }));

/** protectHierarchy's widening (before the fallback). */
function protectTables(tables: readonly SeriesTable[]): HierarchyProtection {
	const topTable = topOf(tables);
	const grids = tables.map(seriesGrid);
	const canMove = (p: number, cols: readonly number[]) => {
		const g = grids[p]!;
		return Array.from({ length: g.areas }, (_, r) => r).some((r) =>
			cols.every((c) => g.layers[r * g.width + c])
		);
	};
	const topExtra: string[] = [];
	for (;;) {
		const top = protectSeries({ ...topTable, hidden: topExtra }, { withMoves: true, canMove });
		const { children, targets } = protectChildren(tables, topTable, top);
		const hp = { top, children, unresolved: [] };
		if (targets.length === 0) return hp;
		const more = widen(topTable, top, targets, (id) => id, true);
		if (more === null) return release(tables, hp);
		topExtra.push(more);
	}
}

/**
 * The child tables under a protected top table, widened until the whole-hierarchy audit is clean.
 * @returns the children and the targets the audit still flags when no child cell can help.
 */
function protectChildren(
	tables: readonly SeriesTable[],
	topTable: SeriesTable,
	top: SeriesProtection
): { children: SeriesProtection[]; targets: string[][] } {
	const given = tables.map((_, p) => parentHidden(topTable, top, p));
	const extra = tables.map((): string[] => []);
	const protect = (p: number) =>
		protectSeries(
			{ ...tables[p]!, hidden: [...(tables[p]!.hidden ?? []), ...given[p]!, ...extra[p]!] },
			{ parentMoves: top.moves[p] ?? [] }
		);
	const children = tables.map((_, p) => protect(p));
	for (;;) {
		const audit = auditHierarchy(tables, { top, children, unresolved: [] });
		const targets = [...audit.determined.map((id) => [id]), ...audit.smallSums.map((x) => x.cells)];
		const changed = new Set<number>();
		for (const target of targets)
			tables.forEach((t, p) => {
				const prefix = `p${p}:`;
				const own = (id: string) => (id.startsWith(prefix) ? id.slice(prefix.length) : null);
				const fix = changed.has(p) ? null : widen(t, children[p]!, [target], own, false);
				if (fix === null) return;
				extra[p]!.push(fix);
				changed.add(p);
			});
		if (changed.size === 0) return { children, targets };
		for (const p of changed) children[p] = protect(p);
	}
}
