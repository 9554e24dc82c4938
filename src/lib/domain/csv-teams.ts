/**
 * CSV import of teams and their members: one row per member, the team's columns repeated
 * (a row without a name just declares a team). Pure: the server passes in what the database
 * knows (communes, hamlets, teams, phones) and writes the result only when there are no errors.
 */
import { parseChoice, parseDate, parsePhone } from './csv-fields.ts';
import { mapHeader, type CsvRow, type CsvTable } from './csv-read.ts';
import { ONETOUCH_LABELS, TEAM_ROLE_LABELS, UNION_LABELS } from './csv-labels.ts';
import { cellReader, readRow, startImport, type ImportError } from './csv-import.ts';
import { searchKey } from './text.ts';

/** Column names (as in exports) and the header spellings accepted for each. */
export const TEAM_COLUMNS = {
	ma_xa: ['ma_xa', 'commune_code'],
	ten_to: ['ten_to', 'to', 'team', 'team_name'],
	thon: ['thon', 'thon_to_dan_pho', 'hamlet'],
	ngay_thanh_lap: ['ngay_thanh_lap', 'founded_on'],
	ho_ten: ['ho_ten', 'ho_va_ten', 'full_name'],
	so_dien_thoai: ['so_dien_thoai', 'dien_thoai', 'sdt', 'phone'],
	doan_the: ['doan_the', 'to_chuc', 'union_affiliation'],
	vai_tro: ['vai_tro', 'chuc_vu', 'team_role'],
	onetouch: ['onetouch', 'dao_tao_onetouch', 'onetouch_status'],
	ngay_onetouch: ['ngay_onetouch', 'onetouch_date']
} as const;
export type TeamColumn = keyof typeof TEAM_COLUMNS;

export interface TeamImportContext {
	communeCode: string;
	knownCommunes: ReadonlySet<string>;
	/** searchKey(hamlet name) → hamlet id, for the target commune. */
	hamlets: ReadonlyMap<string, string>;
	/** searchKey(team name) → team id, for teams the commune already has. */
	teams: ReadonlyMap<string, string>;
	/** Phones already used by members of the commune → that member's name. */
	phonesTaken: ReadonlyMap<string, string>;
}

export interface ImportedTeam {
	key: string;
	name: string;
	hamletId: string | null;
	foundedOn: string | null;
	/** Set when the commune already has this team: members are added to it. */
	existingId: string | null;
	line: number;
}

export interface ImportedMember {
	teamKey: string;
	fullName: string;
	phone: string | null;
	unionAffiliation: keyof typeof UNION_LABELS;
	onetouchStatus: keyof typeof ONETOUCH_LABELS;
	onetouchDate: string | null;
	teamRole: keyof typeof TEAM_ROLE_LABELS;
	line: number;
}

export interface TeamImport {
	teams: ImportedTeam[];
	members: ImportedMember[];
	errors: ImportError[];
}

type Cell = (f: TeamColumn) => string;
type Report = (field: TeamColumn, message: string) => void;

function readTeam(
	cell: Cell,
	ctx: TeamImportContext,
	line: number,
	err: Report
): ImportedTeam | null {
	const name = cell('ten_to');
	if (!name) {
		err('ten_to', 'thiếu tên tổ');
		return null;
	}
	let hamletId: string | null = null;
	const hamlet = cell('thon');
	if (hamlet) {
		hamletId = ctx.hamlets.get(searchKey(hamlet)) ?? null;
		if (!hamletId)
			err('thon', `thôn "${hamlet}" chưa có trong danh sách thôn của xã (nhập thôn trước)`);
	}
	let foundedOn: string | null = null;
	if (cell('ngay_thanh_lap')) {
		const d = parseDate(cell('ngay_thanh_lap'));
		if (d.ok) foundedOn = d.value;
		else err('ngay_thanh_lap', d.error);
	}
	const key = searchKey(name);
	return { key, name, hamletId, foundedOn, existingId: ctx.teams.get(key) ?? null, line };
}

function mergeTeam(seen: Map<string, ImportedTeam>, team: ImportedTeam, err: Report): void {
	const first = seen.get(team.key);
	if (!first) {
		seen.set(team.key, team);
		return;
	}
	if (team.hamletId && first.hamletId && team.hamletId !== first.hamletId) {
		err('thon', `tổ "${team.name}" đã ghi thôn khác ở dòng ${first.line}`);
	}
	if (team.foundedOn && first.foundedOn && team.foundedOn !== first.foundedOn) {
		err('ngay_thanh_lap', `tổ "${team.name}" đã ghi ngày thành lập khác ở dòng ${first.line}`);
	}
	first.hamletId ??= team.hamletId;
	first.foundedOn ??= team.foundedOn;
}

function readPhone(
	cell: Cell,
	ctx: TeamImportContext,
	phones: Map<string, number>,
	line: number,
	err: Report
) {
	if (!cell('so_dien_thoai')) return null;
	const p = parsePhone(cell('so_dien_thoai'));
	if (!p.ok) {
		err('so_dien_thoai', p.error);
		return null;
	}
	const taken = ctx.phonesTaken.get(p.value);
	const dup = phones.get(p.value);
	if (taken) err('so_dien_thoai', `số ${p.value} đã thuộc về thành viên "${taken}" của xã`);
	else if (dup) err('so_dien_thoai', `số ${p.value} trùng với dòng ${dup}`);
	else phones.set(p.value, line);
	return p.value;
}

function readMember(
	cell: Cell,
	ctx: TeamImportContext,
	teamKey: string,
	phones: Map<string, number>,
	line: number,
	err: Report
): ImportedMember | null {
	const fullName = cell('ho_ten');
	const memberCols: TeamColumn[] = [
		'so_dien_thoai',
		'doan_the',
		'vai_tro',
		'onetouch',
		'ngay_onetouch'
	];
	if (!fullName) {
		if (memberCols.some((f) => cell(f)))
			err('ho_ten', 'có thông tin thành viên nhưng thiếu họ tên');
		return null;
	}
	const phone = readPhone(cell, ctx, phones, line, err);
	const union = cell('doan_the')
		? parseChoice(cell('doan_the'), UNION_LABELS, 'đoàn thể')
		: ({ ok: false, error: 'thiếu đoàn thể' } as const);
	const role = parseChoice(cell('vai_tro') || 'thanh_vien', TEAM_ROLE_LABELS, 'vai trò');
	const status = parseChoice(
		cell('onetouch') || 'chua_hoc',
		ONETOUCH_LABELS,
		'tình trạng OneTouch'
	);
	const date = cell('ngay_onetouch')
		? parseDate(cell('ngay_onetouch'))
		: ({ ok: true, value: null } as const);
	if (!union.ok) err('doan_the', union.error);
	if (!role.ok) err('vai_tro', role.error);
	if (!status.ok) err('onetouch', status.error);
	if (!date.ok) err('ngay_onetouch', date.error);
	if (!union.ok || !role.ok || !status.ok || !date.ok) return null;
	return {
		teamKey,
		fullName,
		phone,
		unionAffiliation: union.value,
		onetouchStatus: status.value,
		onetouchDate: date.value,
		teamRole: role.value,
		line
	};
}

/** Validates a whole file; the result is committed only when `errors` is empty. */
export function parseTeamImport(table: CsvTable, ctx: TeamImportContext): TeamImport {
	const { columns, errors, ok } = startImport(table, TEAM_COLUMNS, ['ma_xa', 'ten_to']);
	if (!ok) return { teams: [], members: [], errors };
	const teams = new Map<string, ImportedTeam>();
	const members: ImportedMember[] = [];
	const phones = new Map<string, number>();
	for (const row of table.rows) {
		const { cell, err } = readRow(columns, row, ctx, errors);
		const team = readTeam(cell, ctx, row.line, err);
		if (!team) continue;
		mergeTeam(teams, team, err);
		const member = readMember(cell, ctx, team.key, phones, row.line, err);
		if (member) members.push(member);
	}
	errors.sort((a, b) => a.line - b.line);
	return { teams: [...teams.values()], members, errors };
}

/** Normalised phones a file mentions (so the server can look up which are taken). */
export function phonesInTable(table: CsvTable): string[] {
	const { columns } = mapHeader(table.header, TEAM_COLUMNS, []);
	const out = new Set<string>();
	for (const row of table.rows as CsvRow[]) {
		const p = parsePhone(cellReader(columns, row)('so_dien_thoai'));
		if (p.ok) out.add(p.value);
	}
	return [...out];
}
