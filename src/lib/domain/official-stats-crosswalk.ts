/**
 * Official figures keyed by pre-2025 communes, carried onto the new communes through the
 * crosswalk (docs/official-statistics.md). Pure: the links and populations are given.
 *
 * The rule:
 *  - an old commune with one link (wholly inside one new commune) carries its figure over as it is;
 *  - an old commune split across 2+ new communes is apportioned by the usable population of the
 *    receiving new communes: part_i = value × pop_i ÷ Σ pop, rounded by largest remainder so the
 *    parts add up to the old figure exactly; every part is an estimate (the receiving commune's
 *    population stands in for the unknown population of the piece it received). When any
 *    receiving commune's population is unusable the line is refused as not comparable;
 *  - several old communes (or parts) into the same new commune, month and service are summed; the
 *    sum is an estimate if any part is. Every old commune of that new commune must be in the file
 *    for that month and service, or the sum would be short, so a missing one refuses the lines;
 *  - a line keyed by the new code and lines keyed by old codes may not meet on one key.
 */
import type { ImportError } from './csv-import.ts';
import type { OfficialRecord, OfficialRow } from './official-stats.ts';

/** What the database knows that the crosswalk needs. */
export interface CrosswalkFacts {
	/** New commune → its province, for every new commune the file names or reaches. */
	provinceOf: ReadonlyMap<string, string>;
	/** Old commune → the new communes it went into (crosswalk rows). */
	links: ReadonlyMap<string, readonly { newCode: string; type: 'full' | 'partial' }[]>;
	/** New commune → usable population, null when unusable (unofficial, see data README §6). */
	population: ReadonlyMap<string, number | null>;
	/** New commune → every old commune that went (wholly or partly) into it. */
	oldCodesOf: ReadonlyMap<string, readonly string[]>;
}

export interface Part {
	newCode: string;
	value: number;
	estimate: boolean;
}

export type Apportioned = { ok: true; parts: Part[] } | { ok: false; unusable: string[] };

/**
 * Splits an old commune's figure over the new communes it went into (see the file comment).
 * @returns the parts (summing to `value`), or the receiving communes whose population is unusable.
 */
export function apportion(
	value: number,
	receivers: readonly { newCode: string; population: number | null }[]
): Apportioned {
	if (receivers.length === 1) {
		return { ok: true, parts: [{ newCode: receivers[0]!.newCode, value, estimate: false }] };
	}
	const unusable = receivers.filter((r) => r.population === null || r.population <= 0);
	if (unusable.length > 0) return { ok: false, unusable: unusable.map((r) => r.newCode) };
	const total = receivers.reduce((s, r) => s + r.population!, 0);
	const exact = receivers.map((r) => (value * r.population!) / total);
	const parts = receivers.map((r, i) => ({
		newCode: r.newCode,
		value: Math.floor(exact[i]!),
		estimate: true
	}));
	let left = value - parts.reduce((s, p) => s + p.value, 0);
	const order = receivers
		.map((r, i) => ({ i, rest: exact[i]! - Math.floor(exact[i]!), code: r.newCode }))
		.sort((a, b) => b.rest - a.rest || (a.code < b.code ? -1 : 1));
	for (const o of order) {
		if (left <= 0) break;
		parts[o.i]!.value += 1;
		left -= 1;
	}
	return { ok: true, parts };
}

interface Contribution {
	line: number;
	row: OfficialRow;
	part: Part;
}

type Scope = CrosswalkFacts & { scopeProvince: string | null };

/** The parts of one line keyed by an old code, or its error. */
function partsOfOldRow(row: OfficialRow, ctx: Scope): Part[] | ImportError {
	const err = (message: string): ImportError => ({ line: row.line, field: 'ma_xa_cu', message });
	const links = ctx.links.get(row.oldCode!) ?? [];
	const receivers = links.map((l) => ({
		newCode: l.newCode,
		population: ctx.population.get(l.newCode) ?? null
	}));
	const outside = receivers.filter((r) => {
		const p = ctx.provinceOf.get(r.newCode);
		return ctx.scopeProvince !== null && p !== ctx.scopeProvince;
	});
	if (outside.length > 0) {
		const list = outside.map((r) => r.newCode).join(', ');
		return err(`xã cũ ${row.oldCode} chuyển vào xã mới ${list} ngoài tỉnh bạn quản lý`);
	}
	const split = apportion(row.value, receivers);
	if (!split.ok) {
		const into = receivers.map((r) => r.newCode).join(', ');
		return err(
			`không so sánh được: xã cũ ${row.oldCode} được chia cho các xã mới ${into}, nhưng dân số của xã ${split.unusable.join(', ')} không dùng được để chia số liệu`
		);
	}
	return split.parts;
}

const keyOf = (code: string, r: OfficialRow) => `${code}|${r.month}|${r.serviceCode}`;
const joinDistinct = (xs: (string | null)[]) => [...new Set(xs.filter(Boolean))].join('; ');

/**
 * Maps valid lines to records: new codes as they are, old codes through the crosswalk, summed per
 * (new commune, month, service). @returns the records and the lines refused by the rule.
 */
export function combineOfficialRows(
	rows: readonly OfficialRow[],
	ctx: Scope
): { records: OfficialRecord[]; errors: ImportError[] } {
	const errors: ImportError[] = [];
	const groups = new Map<string, Contribution[]>();
	const add = (c: Contribution) => {
		const key = keyOf(c.part.newCode, c.row);
		groups.set(key, [...(groups.get(key) ?? []), c]);
	};
	for (const row of rows) {
		if (row.newCode) {
			add({
				line: row.line,
				row,
				part: { newCode: row.newCode, value: row.value, estimate: false }
			});
			continue;
		}
		const parts = partsOfOldRow(row, ctx);
		if (!Array.isArray(parts)) errors.push(parts);
		else for (const part of parts) add({ line: row.line, row, part });
	}
	// Old communes the file gives (even on a line refused above): a missing one is only one absent.
	const given = new Set(rows.map((r) => (r.oldCode ? keyOf(r.oldCode, r) : '')));
	const records: OfficialRecord[] = [];
	for (const list of groups.values()) {
		const problem = groupError(list, given, ctx);
		if (problem) errors.push(problem);
		else records.push(toRecord(list, ctx));
	}
	return { records, errors };
}

/** A key reached both by its new code and by old codes, or by old codes that are not all there. */
function groupError(
	list: Contribution[],
	given: ReadonlySet<string>,
	ctx: Scope
): ImportError | null {
	const byOld = list.filter((c) => c.row.oldCode);
	if (byOld.length === 0) return null;
	const { newCode } = list[0]!.part;
	const { month, serviceCode } = list[0]!.row;
	const direct = list.find((c) => c.row.newCode);
	const last = Math.max(...byOld.map((c) => c.line));
	if (direct) {
		return {
			line: Math.max(direct.line, last),
			field: 'ma_xa_cu',
			message: `xã mới ${newCode} (tháng ${month}, ${serviceCode}) đã có số liệu theo mã mới ở dòng ${direct.line} và theo mã xã cũ ở dòng ${byOld[0]!.line}: chỉ dùng một cách`
		};
	}
	const missing = (ctx.oldCodesOf.get(newCode) ?? []).filter(
		(o) => !given.has(keyOf(o, list[0]!.row))
	);
	if (missing.length === 0) return null;
	return {
		line: last,
		field: 'ma_xa_cu',
		message: `xã mới ${newCode} gồm cả xã cũ ${missing.join(', ')}: tệp thiếu số liệu của ${missing.length > 1 ? 'các xã này' : 'xã này'} (tháng ${month}, ${serviceCode}), tổng sẽ thiếu`
	};
}

function toRecord(list: Contribution[], ctx: Scope): OfficialRecord {
	const first = list[0]!;
	const oldCodes = [...new Set(list.flatMap((c) => (c.row.oldCode ? [c.row.oldCode] : [])))];
	return {
		communeCode: first.part.newCode,
		provinceCode: ctx.provinceOf.get(first.part.newCode) ?? '',
		month: first.row.month,
		serviceCode: first.row.serviceCode,
		value: list.reduce((s, c) => s + c.part.value, 0),
		estimate: list.some((c) => c.part.estimate),
		source: joinDistinct(list.map((c) => c.row.source)),
		note: joinDistinct(list.map((c) => c.row.note)) || null,
		oldCodes: oldCodes.sort(),
		lines: [...new Set(list.map((c) => c.line))].sort((a, b) => a - b)
	};
}
