/**
 * The progress table as a CSV (issue 16 §6): one row per week and member, then the team's row
 * for the week ("Cả tổ") and the week's total over the teams shown ("Tất cả"); Vietnamese
 * headers, UTF-8 with BOM (csv-write.ts), days as YYYY-MM-DD so a spreadsheet sorts them.
 */
import { toCsv } from './csv-write.ts';
import type { ProgressFigures, ProgressTable } from './progress.ts';

/** Labels of the rows that are not one member's. */
export const PROGRESS_CSV_LABELS = {
	team: 'Cả tổ',
	all: 'Tất cả',
	noTeam: 'Chưa rõ tổ',
	noMember: 'Không ghi thành viên'
} as const;

/** The fixed columns; one "Giúp: <service>" column per service follows. */
export const PROGRESS_CSV_HEADER = [
	'Tuần',
	'Từ ngày',
	'Đến ngày',
	'Tổ',
	'Thành viên',
	'Lượt thăm',
	'Hộ đã thăm',
	'Hộ đã gặp',
	'Người được giúp'
] as const;

/**
 * The CSV text of a progress table.
 * @param serviceNames Vietnamese service names by code (a code without one is written as is).
 */
export function progressCsv(table: ProgressTable, serviceNames: Record<string, string>): string {
	const header = [
		...PROGRESS_CSV_HEADER,
		...table.services.map((s) => `Giúp: ${serviceNames[s] ?? s}`)
	];
	const figures = (f: ProgressFigures) => [
		f.visits,
		f.households,
		f.reached,
		f.peopleHelped,
		...table.services.map((s) => f.helped[s] ?? 0)
	];
	const rows: (string | number)[][] = [];
	table.weeks.forEach((w, i) => {
		const week = [`Tuần ${w.week}/${w.year}`, w.start, w.end];
		for (const tm of table.teams) {
			const team = tm.id === '' ? PROGRESS_CSV_LABELS.noTeam : tm.name;
			for (const m of tm.members) {
				const who = m.id === null ? PROGRESS_CSV_LABELS.noMember : (m.name ?? '…');
				rows.push([...week, team, who, ...figures(m.weeks[i]!)]);
			}
			rows.push([...week, team, PROGRESS_CSV_LABELS.team, ...figures(tm.weeks[i]!)]);
		}
		rows.push([...week, PROGRESS_CSV_LABELS.all, '', ...figures(table.weekTotals[i]!)]);
	});
	return toCsv(header, rows);
}
