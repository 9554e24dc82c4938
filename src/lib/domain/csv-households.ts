/**
 * CSV import of households: address, hamlet, optional point, adults, optional head-of-household
 * name and phone, consent and do-not-contact flags. Pure: the server supplies the commune's
 * hamlets (with their points, for rows without coordinates) and existing duplicate keys.
 */
import { parsePhone, readPoint } from './csv-fields.ts';
import type { CsvTable } from './csv-read.ts';
import { readRow, startImport, type ImportError } from './csv-import.ts';
import { duplicateKey } from './household-keys.ts';
import { pointOf } from './point.ts';
import { searchKey } from './text.ts';

export const HOUSEHOLD_COLUMNS = {
	ma_xa: ['ma_xa', 'commune_code'],
	dia_chi: ['dia_chi', 'address'],
	thon: ['thon', 'ten_thon', 'thon_xom', 'to_dan_pho', 'hamlet'],
	kinh_do: ['kinh_do', 'lon', 'longitude'],
	vi_do: ['vi_do', 'lat', 'latitude'],
	so_nguoi_lon: ['so_nguoi_lon', 'nguoi_lon', 'adults'],
	chu_ho: ['chu_ho', 'ten_chu_ho', 'head_name'],
	dien_thoai: ['dien_thoai', 'so_dien_thoai', 'sdt', 'phone'],
	dong_y: ['dong_y', 'consent'],
	khong_lien_he: ['khong_lien_he', 'do_not_contact']
} as const;
type Column = keyof typeof HOUSEHOLD_COLUMNS;

/** A household file may hold a big ward's households (docs/domain.md "Scale": up to 50k). */
export const MAX_HOUSEHOLD_ROWS = 20_000;

export interface HouseholdImportContext {
	communeCode: string;
	knownCommunes: ReadonlySet<string>;
	/** searchKey(name) → the commune's hamlet, with its point if it has one. */
	hamlets: ReadonlyMap<
		string,
		{ id: string; name: string; lon: number | null; lat: number | null }
	>;
	/** Duplicate keys of the commune's households. */
	existingKeys: ReadonlySet<string>;
}

export interface ImportedHousehold {
	line: number;
	address: string;
	hamletId: string | null;
	lon: number | null;
	lat: number | null;
	/** 'needs_check' when placed at the hamlet's point (or nowhere) for want of coordinates. */
	locationStatus: 'exact' | 'needs_check';
	adults: number;
	headName: string | null;
	headPhone: string | null;
	consent: boolean;
	doNotContact: boolean;
}

const YES = new Set(['co', 'x', '1', 'yes', 'true', 'dong y', 'y']);
const NO = new Set(['', 'khong', '0', 'no', 'false', 'n']);

function flag(raw: string, field: Column, err: (f: Column, m: string) => void): boolean {
	const k = searchKey(raw);
	if (YES.has(k)) return true;
	if (!NO.has(k)) err(field, `"${raw}" không hợp lệ (ghi "có" hoặc "không")`);
	return false;
}

function readAdults(raw: string, err: (f: Column, m: string) => void): number {
	if (!/^\d{1,2}$/.test(raw) || Number(raw) > 60) {
		err(
			'so_nguoi_lon',
			raw ? `số người lớn "${raw}" phải là số từ 0 đến 60` : 'thiếu số người lớn'
		);
		return 0;
	}
	return Number(raw);
}

/** Validates a household file; committed only when `errors` is empty. */
export function parseHouseholdImport(
	table: CsvTable,
	ctx: HouseholdImportContext
): { households: ImportedHousehold[]; errors: ImportError[] } {
	const { columns, errors, ok } = startImport(
		table,
		HOUSEHOLD_COLUMNS,
		['ma_xa', 'dia_chi', 'so_nguoi_lon'],
		MAX_HOUSEHOLD_ROWS
	);
	if (!ok) return { households: [], errors };
	const households: ImportedHousehold[] = [];
	const seen = new Map<string, number>();
	for (const row of table.rows) {
		const before = errors.length;
		const { cell, err } = readRow(columns, row, ctx, errors);
		const address = cell('dia_chi');
		if (!address) err('dia_chi', 'thiếu địa chỉ');
		else if (address.length > 300) err('dia_chi', 'địa chỉ dài quá 300 ký tự');
		const hamletName = cell('thon');
		const hamlet = hamletName ? ctx.hamlets.get(searchKey(hamletName)) : undefined;
		if (hamletName && !hamlet)
			err('thon', `thôn "${hamletName}" chưa có trong danh sách thôn của xã (nhập thôn trước)`);
		const point = readPoint(cell('kinh_do'), cell('vi_do'), err);
		const adults = readAdults(cell('so_nguoi_lon'), err);
		const headName = cell('chu_ho') || null;
		if (headName && headName.length > 120) err('chu_ho', 'tên chủ hộ dài quá 120 ký tự');
		let headPhone: string | null = null;
		if (cell('dien_thoai')) {
			const p = parsePhone(cell('dien_thoai'));
			if (p.ok) headPhone = p.value;
			else err('dien_thoai', p.error);
		}
		const consent = flag(cell('dong_y'), 'dong_y', err);
		const doNotContact = flag(cell('khong_lien_he'), 'khong_lien_he', err);
		const key = address ? duplicateKey(address, headName) : null;
		if (key && ctx.existingKeys.has(key)) err('dia_chi', `hộ "${address}" đã có trong xã`);
		else if (key && seen.has(key)) err('dia_chi', `"${address}" trùng với dòng ${seen.get(key)}`);
		else if (key) seen.set(key, row.line);
		if (errors.length > before) continue;
		// No point of its own: the hamlet's, when the hamlet has a whole one.
		const at = point ?? (hamlet ? pointOf(hamlet) : null);
		households.push({
			line: row.line,
			address,
			hamletId: hamlet?.id ?? null,
			lon: at?.lon ?? null,
			lat: at?.lat ?? null,
			locationStatus: point ? 'exact' : 'needs_check',
			adults,
			headName,
			headPhone,
			consent,
			doNotContact
		});
	}
	errors.sort((a, b) => a.line - b.line);
	return { households, errors };
}
