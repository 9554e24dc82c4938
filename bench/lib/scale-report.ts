/** Printing of the scale benchmark: the timing table, the query plans, storage and capacity. */
import type { CaseResult } from './scale-measure.ts';
import { oneLine } from './scale-plans.ts';
import {
	D1_MAX_BYTES,
	daysOfVisits,
	NATIONAL_PEAK_VISITS_PER_DAY,
	type StorageReport
} from './scale-bytes.ts';

/** Households of the largest merged province (Hồ Chí Minh, ~14 M people at ~3.5 a household). */
export const LARGEST_PROVINCE_HOUSEHOLDS = 4_000_000;
/** Households of the country (docs/domain.md, "Scale to plan for"). */
export const NATIONAL_HOUSEHOLDS = 27_000_000;

const ms = (x: number) => (x < 10 ? x.toFixed(1) : Math.round(x).toLocaleString('en-US'));
const mb = (b: number) =>
	`${(b / 1024 ** 2).toLocaleString('en-US', { maximumFractionDigits: 0 })} MB`;

/** One line per case as it is measured. */
export function printCase(r: CaseResult): void {
	const ok = r.p95 <= r.goalMs ? 'ok' : 'OVER';
	const scans = r.plans.some((p) => p.scans.length > 0) ? '  FULL SCAN' : '';
	const sql = r.sql ? `${ms(r.sql.p50)} / ${ms(r.sql.p95)}` : 'n/a';
	console.log(
		`${r.name.padEnd(52)} p50 ${ms(r.p50).padStart(6)}  p95 ${ms(r.p95).padStart(6)}  ` +
			`max ${ms(r.max).padStart(6)}  D1 ${sql.padStart(15)}  goal ${String(r.goalMs).padStart(3)} ` +
			`${ok}${scans}   ${r.route}${r.runs < 30 ? ` (${r.runs} runs)` : ''}`
	);
}

/** The plan of every statement, compactly: the statement, then its plan lines. */
export function printPlans(results: readonly CaseResult[]): void {
	console.log('\n▶ Query plans (EXPLAIN QUERY PLAN of each statement the request runs)');
	const shown = new Set<string>();
	for (const r of results) {
		console.log(`\n${r.name}`);
		for (const p of r.plans) {
			if (shown.has(p.sql)) {
				console.log(`  = ${oneLine(p.sql, 90)} (plan above)`);
				continue;
			}
			shown.add(p.sql);
			console.log(`  ${p.scans.length ? '✗' : '·'} ${oneLine(p.sql)}`);
			for (const line of p.lines) console.log(`      ${line}`);
			if (p.scans.length) console.log(`      → FULL TABLE SCAN of ${p.scans.join(', ')}`);
		}
	}
}

/** Bytes per table, per household and per visit, and what a 10 GB shard holds. */
export function printStorage(s: StorageReport): void {
	console.log(`\n▶ Storage (dbstat on the shard's SQLite file: ${mb(s.fileBytes)})`);
	for (const t of s.tables.slice(0, 10)) {
		const per = t.rows ? `, ${Math.round(t.bytes / t.rows)} B per row` : '';
		console.log(
			`  ${t.table.padEnd(18)} ${mb(t.bytes).padStart(9)} (indexes ${mb(t.indexBytes)})` +
				`${t.rows ? `, ${t.rows.toLocaleString('en-US')} rows` : ''}${per}`
		);
	}
	const province = LARGEST_PROVINCE_HOUSEHOLDS * s.perHousehold;
	const share = LARGEST_PROVINCE_HOUSEHOLDS / NATIONAL_HOUSEHOLDS;
	console.log(
		`  per household (with its indexes): ${Math.round(s.perHousehold)} B; per visit with its ` +
			`${s.servicesPerVisit.toFixed(1)} service rows: ${Math.round(s.perVisit)} B`
	);
	const national = daysOfVisits(s.perVisit, NATIONAL_PEAK_VISITS_PER_DAY, 0);
	const own = daysOfVisits(s.perVisit, NATIONAL_PEAK_VISITS_PER_DAY * share, province);
	console.log(
		`  a 10 GB shard (${mb(D1_MAX_BYTES)}) holds ${national.toFixed(1)} days of the national peak ` +
			`(${NATIONAL_PEAK_VISITS_PER_DAY.toLocaleString('en-US')} visits a day) with nothing else in it; ` +
			`the largest province's shard (${LARGEST_PROVINCE_HOUSEHOLDS.toLocaleString('en-US')} households = ` +
			`${mb(province)}) holds ${own.toFixed(0)} days of its own share of the peak ` +
			`(${Math.round(share * 100)} %, ${Math.round(NATIONAL_PEAK_VISITS_PER_DAY * share).toLocaleString('en-US')} a day)`
	);
}
