/**
 * CSV import of official statistics (issue 16 §2, docs/official-statistics.md): one figure per
 * commune, month and service, with its source and an optional note. Pure: the server supplies
 * what the database knows (communes, crosswalk, populations) in an OfficialStatsContext.
 *
 * A line names either the new 5-digit commune ("Mã xã mới") or a pre-2025 commune ("Mã xã cũ
 * (trước 2025)"), never both. Old codes go through the crosswalk (official-stats-crosswalk.ts):
 * an old commune wholly inside one new commune carries over; one split across 2+ new communes is
 * apportioned by the usable population of the receiving communes (largest remainder, so the
 * parts add up to the old figure) and every part is marked an estimate — or the line is refused
 * as not comparable when a receiving commune's population is unusable; several old communes into
 * one new commune, month and service are summed (an estimate if any part is), and must all be in
 * the file, or the sum would be short.
 */
import type { CsvTable } from './csv-read.ts';
import { cellReader, startImport, type ImportError } from './csv-import.ts';
import { parseChoice } from './csv-fields.ts';
import { isCommuneCode, restoreCommuneCode } from './codes.ts';
import { DEFAULT_SERVICES } from './services.ts';
import { combineOfficialRows, type CrosswalkFacts } from './official-stats-crosswalk.ts';

/** Column → accepted header keys (csv-read headerKey: "Mã xã mới" → "ma_xa_moi"). */
export const OFFICIAL_STATS_COLUMNS = {
	ma_xa_moi: ['ma_xa_moi', 'ma_xa', 'commune_code'],
	ma_xa_cu: ['ma_xa_cu_truoc_2025', 'ma_xa_cu', 'old_commune_code'],
	thang: ['thang_yyyy_mm', 'thang', 'month'],
	dich_vu: ['dich_vu', 'service'],
	so_lieu: ['so_lieu', 'value'],
	nguon: ['nguon', 'source'],
	ghi_chu: ['ghi_chu', 'note']
} as const;

export type OfficialStatsField = keyof typeof OFFICIAL_STATS_COLUMNS;

/** The template's header, in the columns' order: what people see in Excel. */
export const OFFICIAL_STATS_HEADER: Readonly<Record<OfficialStatsField, string>> = {
	ma_xa_moi: 'Mã xã mới',
	ma_xa_cu: 'Mã xã cũ (trước 2025)',
	thang: 'Tháng (YYYY-MM)',
	dich_vu: 'Dịch vụ',
	so_lieu: 'Số liệu',
	nguon: 'Nguồn',
	ghi_chu: 'Ghi chú'
};

/** Service names accepted in the "Dịch vụ" column: the code, the Vietnamese or English name. */
export const OFFICIAL_SERVICE_LABELS: Record<string, readonly string[]> = Object.fromEntries(
	DEFAULT_SERVICES.map((s) => [s.code, [s.nameVi, s.nameEn]])
);

export const MAX_SOURCE_LENGTH = 200;
export const MAX_NOTE_LENGTH = 500;
/** The largest figure taken: more than Vietnam's population is a typing error. */
export const MAX_OFFICIAL_VALUE = 200_000_000;

/** One valid line of the file, before the crosswalk. */
export interface OfficialRow {
	line: number;
	/** Exactly one of newCode / oldCode is set. */
	newCode: string | null;
	oldCode: string | null;
	month: string;
	serviceCode: string;
	value: number;
	source: string;
	note: string | null;
}

/** One figure to store: a new commune, month and service (the key re-imports update). */
export interface OfficialRecord {
	communeCode: string;
	provinceCode: string;
	month: string;
	serviceCode: string;
	value: number;
	estimate: boolean;
	source: string;
	note: string | null;
	/** Pre-2025 codes summed into it, sorted; empty when keyed by the new code. */
	oldCodes: string[];
	/** File lines behind it. */
	lines: number[];
}

export interface OfficialStatsContext extends CrosswalkFacts {
	/** Importer's province; null for a national admin (every province). */
	scopeProvince: string | null;
	/** The current month (Vietnam time), "YYYY-MM": later months are refused. */
	currentMonth: string;
}

type Parsed<T> = { ok: true; value: T } | { ok: false; error: string };

/** "2025-09", "2025-9" or "09/2025" → "2025-09"; a month from 2000 on. */
export function parseMonth(raw: string): Parsed<string> {
	const s = raw.trim();
	let m = /^(\d{4})-(\d{1,2})$/.exec(s);
	let y: number, mo: number;
	if (m) [y, mo] = [Number(m[1]), Number(m[2])];
	else if ((m = /^(\d{1,2})[/.-](\d{4})$/.exec(s))) [mo, y] = [Number(m[1]), Number(m[2])];
	else return { ok: false, error: `tháng "${raw}" không đúng dạng YYYY-MM (ví dụ 2025-09)` };
	if (mo < 1 || mo > 12) return { ok: false, error: `tháng "${raw}" không tồn tại` };
	if (y < 2000) return { ok: false, error: `năm ${y} quá xa (từ năm 2000)` };
	return { ok: true, value: `${y}-${String(mo).padStart(2, '0')}` };
}

/**
 * A whole, non-negative count: "1234", or grouped by thousands as Vietnamese write it
 * ("1.234", "1 234"). Decimals and negatives are refused with the reason.
 */
export function parseCount(raw: string): Parsed<number> {
	const s = raw.trim();
	if (s.startsWith('-')) return { ok: false, error: `số liệu "${raw}" âm` };
	let digits: string | null = null;
	if (/^\d+$/.test(s)) digits = s;
	else if (/^\d{1,3}([. ]\d{3})+$/.test(s)) digits = s.replace(/[. ]/g, '');
	if (digits === null) {
		const decimal = /^\d+([.,]\d+)?$/.test(s);
		return {
			ok: false,
			error: decimal
				? `số liệu "${raw}" không phải số nguyên (số đếm không có phần lẻ)`
				: `số liệu "${raw}" không phải là số`
		};
	}
	const n = Number(digits);
	if (n > MAX_OFFICIAL_VALUE) return { ok: false, error: `số liệu ${raw} lớn bất thường` };
	return { ok: true, value: n };
}

type Err = (field: OfficialStatsField, message: string) => void;

/** The line's commune: exactly one of the new code (existing) or an old code (in the crosswalk). */
function readCodes(
	rawNew: string,
	rawOld: string,
	ctx: OfficialStatsContext,
	err: Err
): { newCode: string | null; oldCode: string | null } | null {
	if (!rawNew && !rawOld) {
		err('ma_xa_moi', 'cần mã xã mới hoặc mã xã cũ (trước 2025)');
		return null;
	}
	if (rawNew && rawOld) {
		err('ma_xa_cu', 'chỉ điền một trong hai: mã xã mới hoặc mã xã cũ');
		return null;
	}
	const field = rawNew ? 'ma_xa_moi' : 'ma_xa_cu';
	const code = restoreCommuneCode(rawNew || rawOld);
	if (!isCommuneCode(code)) {
		err(field, `mã xã "${rawNew || rawOld}" phải gồm 5 chữ số`);
		return null;
	}
	if (rawOld) {
		if (!ctx.links.has(code)) {
			err('ma_xa_cu', `mã xã cũ ${code} không có trong bảng chuyển đổi xã cũ → xã mới`);
			return null;
		}
		return { newCode: null, oldCode: code };
	}
	const province = ctx.provinceOf.get(code);
	if (!province) err('ma_xa_moi', `mã xã ${code} không tồn tại (mã xã từ 01/7/2025)`);
	else if (ctx.scopeProvince !== null && province !== ctx.scopeProvince) {
		err('ma_xa_moi', `xã ${code} thuộc tỉnh ${province}, ngoài tỉnh bạn quản lý`);
	} else return { newCode: code, oldCode: null };
	return null;
}

/** Reads and checks one line; reports its problems through `err`. */
function readLine(
	cell: (f: OfficialStatsField) => string,
	line: number,
	ctx: OfficialStatsContext,
	err: Err
): OfficialRow | null {
	const codes = readCodes(cell('ma_xa_moi'), cell('ma_xa_cu'), ctx, err);
	const month = cell('thang') ? parseMonth(cell('thang')) : null;
	if (!month) err('thang', 'thiếu tháng (YYYY-MM)');
	else if (!month.ok) err('thang', month.error);
	else if (month.value > ctx.currentMonth) {
		err('thang', `tháng ${month.value} chưa tới (tháng này là ${ctx.currentMonth})`);
	}
	const service = parseChoice(cell('dich_vu'), OFFICIAL_SERVICE_LABELS, 'dịch vụ');
	if (!cell('dich_vu')) err('dich_vu', 'thiếu dịch vụ');
	else if (!service.ok) err('dich_vu', service.error);
	const value = cell('so_lieu') ? parseCount(cell('so_lieu')) : null;
	if (!value) err('so_lieu', 'thiếu số liệu');
	else if (!value.ok) err('so_lieu', value.error);
	const source = cell('nguon');
	if (!source) err('nguon', 'thiếu nguồn số liệu (cơ quan công bố, văn bản)');
	else if (source.length > MAX_SOURCE_LENGTH) {
		err('nguon', `nguồn dài quá ${MAX_SOURCE_LENGTH} ký tự`);
	}
	const note = cell('ghi_chu');
	if (note.length > MAX_NOTE_LENGTH) err('ghi_chu', `ghi chú dài quá ${MAX_NOTE_LENGTH} ký tự`);
	if (!codes || !month?.ok || !service.ok || !value?.ok) return null;
	if (!source || source.length > MAX_SOURCE_LENGTH || note.length > MAX_NOTE_LENGTH) return null;
	return {
		line,
		...codes,
		month: month.value,
		serviceCode: service.value,
		value: value.value,
		source,
		note: note || null
	};
}

/** Duplicate (commune or old commune, month, service) keys within the file. */
function duplicateErrors(rows: OfficialRow[]): ImportError[] {
	const seen = new Map<string, number>();
	const errors: ImportError[] = [];
	for (const r of rows) {
		const key = `${r.newCode ? 'n' : 'o'}|${r.newCode ?? r.oldCode}|${r.month}|${r.serviceCode}`;
		const first = seen.get(key);
		if (first === undefined) seen.set(key, r.line);
		else {
			const field = r.newCode ? 'ma_xa_moi' : 'ma_xa_cu';
			const what = `${r.newCode ?? r.oldCode}, tháng ${r.month}, dịch vụ ${r.serviceCode}`;
			errors.push({ line: r.line, field, message: `trùng với dòng ${first} (${what})` });
		}
	}
	return errors;
}

/**
 * Validates a whole file and maps it to the records to store. Committed only when `errors` is
 * empty (all or nothing); errors are sorted by line.
 */
export function parseOfficialStatsImport(
	table: CsvTable,
	ctx: OfficialStatsContext
): { records: OfficialRecord[]; errors: ImportError[]; rows: number } {
	const { columns, errors, ok } = startImport(table, OFFICIAL_STATS_COLUMNS, [
		'thang',
		'dich_vu',
		'so_lieu',
		'nguon'
	]);
	if (ok && columns.ma_xa_moi < 0 && columns.ma_xa_cu < 0) {
		errors.push({ line: 1, field: 'ma_xa_moi', message: 'thiếu cột "Mã xã mới" hoặc "Mã xã cũ"' });
	}
	if (!ok || errors.some((e) => e.line === 1)) return { records: [], errors, rows: 0 };
	const rows: OfficialRow[] = [];
	for (const row of table.rows) {
		const err: Err = (field, message) => errors.push({ line: row.line, field, message });
		const r = readLine(cellReader(columns, row), row.line, ctx, err);
		if (r) rows.push(r);
	}
	errors.push(...duplicateErrors(rows));
	const combined = combineOfficialRows(rows, ctx);
	errors.push(...combined.errors);
	errors.sort((a, b) => a.line - b.line);
	return { records: errors.length ? [] : combined.records, errors, rows: table.rows.length };
}
