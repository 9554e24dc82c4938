/**
 * Writes of the monthly series (issue 16 §1): the current month of recomputed communes, closing
 * a month, reconstructed rows, and the sums of provinces and the country — all set-based SQL on
 * the global D1, a few statements whatever the number of communes.
 */
import { sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { bulkInsert, statement } from '../db/bulk.ts';
import { areaMonthServices, areaMonths } from '../db/schema/index.ts';
import type { MonthCounts, MonthServiceCounts } from '../../domain/metric-months.ts';
import type { HelpedFlow, VisitFlow } from './months-read.ts';

const AREA_COLUMNS = sql.raw(`level, code, month, province_code, closed, teams, members,
	population, hamlets, hamlets_covered, households_known, households_reached, households_visited,
	visits, demo_records, computed_at`);
const BASIS_COLUMNS = sql.raw(`communes, communes_with_records, communes_with_population,
	communes_with_hamlets, communes_with_households`);
const SERVICE_COLUMNS = sql.raw(
	'level, code, month, service_code, province_code, adults_using, adults_total, helped'
);

const visitsJson = (f: VisitFlow[]) => JSON.stringify(f.map((x) => [x.c, x.v, x.p, x.d]));
const helpedJson = (f: HelpedFlow[]) => JSON.stringify(f.map((x) => [x.c, x.s, x.h, x.p]));

/**
 * The current month of the communes this run recomputed (their area_metrics rows stamped
 * `now`): stocks "as now" copied from those rows, flows of the month from `flows`. Closed rows
 * are left as they are.
 */
export function writeCurrentMonth(
	db: Db,
	month: string,
	now: number,
	flows: { visits: VisitFlow[]; helped: HelpedFlow[] }
): D1PreparedStatement[] {
	const recomputed = sql`SELECT code FROM area_metrics WHERE level = 'commune' AND computed_at = ${now}`;
	const closed = sql`SELECT code FROM area_months WHERE level = 'commune' AND month = ${month} AND closed = 1`;
	return [
		statement(
			db,
			sql`DELETE FROM area_month_services WHERE level = 'commune' AND month = ${month}
				AND code IN (${recomputed}) AND code NOT IN (${closed})`
		),
		statement(
			db,
			sql`DELETE FROM area_months WHERE level = 'commune' AND month = ${month} AND closed = 0
				AND code IN (${recomputed})`
		),
		statement(
			db,
			sql`WITH f AS MATERIALIZED (SELECT value ->> 0 AS c, value ->> 1 AS v
					FROM json_each(${visitsJson(flows.visits)}))
				INSERT OR IGNORE INTO area_months (${AREA_COLUMNS})
				SELECT 'commune', a.code, ${month}, a.province_code, 0, a.teams, a.members, a.population,
					a.hamlets, a.hamlets_covered, a.households_known, a.households_reached,
					a.households_visited, coalesce(f.v, 0), a.demo_records, ${now}
				FROM area_metrics a LEFT JOIN f ON f.c = a.code
				WHERE a.level = 'commune' AND a.computed_at = ${now}`
		),
		statement(
			db,
			sql`WITH f AS MATERIALIZED (SELECT value ->> 0 AS c, value ->> 1 AS s, value ->> 2 AS h
					FROM json_each(${helpedJson(flows.helped)}))
				INSERT OR IGNORE INTO area_month_services (${SERVICE_COLUMNS})
				SELECT 'commune', s.code, ${month}, s.service_code, s.province_code, s.adults_using,
					s.adults_total, coalesce(f.h, 0)
				FROM area_service_metrics s
				JOIN area_metrics a ON a.level = 'commune' AND a.code = s.code AND a.computed_at = ${now}
				LEFT JOIN f ON f.c = s.code AND f.s = s.service_code
				WHERE s.level = 'commune'`
		)
	];
}

/**
 * Closes a month that has ended: its flows set to the exact totals of the day tables (`flows`,
 * every commune), a row (stocks unknown) for a commune with flows the live runs never saw, and
 * every open commune row marked closed. Roll up its provinces afterwards.
 */
export function closeMonthStatements(
	db: Db,
	month: string,
	now: number,
	flows: { visits: VisitFlow[]; helped: HelpedFlow[] }
): D1PreparedStatement[] {
	const v = visitsJson(flows.visits);
	const h = helpedJson(flows.helped);
	const open = sql`SELECT code FROM area_months WHERE level = 'commune' AND month = ${month} AND closed = 0`;
	return [
		statement(
			db,
			sql`INSERT OR IGNORE INTO area_months (level, code, month, province_code, closed, visits,
					demo_records, computed_at)
				SELECT 'commune', value ->> 0, ${month}, value ->> 2, 0, 0, value ->> 3, ${now}
				FROM json_each(${v}) WHERE true`
		),
		statement(
			db,
			sql`INSERT OR IGNORE INTO area_month_services (level, code, month, service_code,
					province_code, helped)
				SELECT 'commune', value ->> 0, ${month}, value ->> 1, value ->> 3, 0
				FROM json_each(${h}) WHERE true`
		),
		// Zero, then the communes with flows: each looked up by its primary key.
		statement(
			db,
			sql`UPDATE area_months SET visits = 0
				WHERE level = 'commune' AND month = ${month} AND closed = 0`
		),
		statement(
			db,
			sql`WITH j AS MATERIALIZED (SELECT value ->> 0 AS c, value ->> 1 AS v FROM json_each(${v}))
				UPDATE area_months SET visits = j.v FROM j
				WHERE area_months.level = 'commune' AND area_months.code = j.c
					AND area_months.month = ${month} AND area_months.closed = 0`
		),
		statement(
			db,
			sql`UPDATE area_month_services SET helped = 0
				WHERE level = 'commune' AND month = ${month} AND code IN (${open})`
		),
		statement(
			db,
			sql`WITH j AS MATERIALIZED (SELECT value ->> 0 AS c, value ->> 1 AS s, value ->> 2 AS h
					FROM json_each(${h}))
				UPDATE area_month_services SET helped = j.h FROM j
				WHERE area_month_services.level = 'commune' AND area_month_services.code = j.c
					AND area_month_services.month = ${month} AND area_month_services.service_code = j.s
					AND area_month_services.code IN (${open})`
		),
		statement(
			db,
			sql`UPDATE area_months SET closed = 1, computed_at = ${now}
				WHERE level = 'commune' AND month = ${month} AND closed = 0`
		)
	];
}

/**
 * Reconstructed commune rows: `replace` (the audited recompute) deletes the month's rows of these
 * communes first; otherwise (backfill) rows that exist are kept.
 */
export function writeMonthRows(
	db: Db,
	rows: { areas: MonthCounts[]; services: MonthServiceCounts[] },
	opts: { replace: { month: string; codes: string[] } | null }
): D1PreparedStatement[] {
	const out: D1PreparedStatement[] = [];
	if (opts.replace) {
		const codes = JSON.stringify(opts.replace.codes);
		for (const table of ['area_month_services', 'area_months']) {
			out.push(
				statement(
					db,
					sql`DELETE FROM ${sql.raw(table)} WHERE level = 'commune' AND month = ${opts.replace.month}
						AND code IN (SELECT value FROM json_each(${codes}))`
				)
			);
		}
	}
	return [
		...out,
		...bulkInsert(db, areaMonths, rows.areas, { orIgnore: true }),
		...bulkInsert(db, areaMonthServices, rows.services, { orIgnore: true })
	];
}

/**
 * Province rows of some months and provinces summed from their communes, and the country's from
 * all provinces. A stock sums the communes where it is known (its rate's numerator and
 * denominator over the same communes); null when no commune's is known. `closed` when every
 * part is.
 */
export function rollUpMonths(
	db: Db,
	months: readonly string[],
	provinces: readonly string[],
	now: number
): D1PreparedStatement[] {
	const m = JSON.stringify(months);
	const p = JSON.stringify(provinces);
	const inMonths = sql`month IN (SELECT value FROM json_each(${m}))`;
	const inProvinces = (col: string) => sql`${sql.raw(col)} IN (SELECT value FROM json_each(${p}))`;
	const del = (table: string, level: string, extra = sql`true`) =>
		statement(
			db,
			sql`DELETE FROM ${sql.raw(table)} WHERE level = ${level} AND ${inMonths} AND ${extra}`
		);
	const areaSums = sql.raw(`min(closed), sum(teams),
		sum(CASE WHEN population IS NOT NULL THEN members END),
		sum(CASE WHEN members IS NOT NULL THEN population END),
		sum(CASE WHEN hamlets_covered IS NOT NULL THEN hamlets END), sum(hamlets_covered),
		sum(CASE WHEN households_reached IS NOT NULL THEN households_known END),
		sum(households_reached), sum(households_visited), sum(visits), sum(demo_records)`);
	const serviceSums = sql.raw(`sum(CASE WHEN adults_total IS NOT NULL THEN adults_using END),
		sum(CASE WHEN adults_using IS NOT NULL THEN adults_total END), sum(helped)`);
	// The basis (migrations/0020): a province counts its communes whose figure is known (as the
	// 12-month figures' roll-up.ts), the country sums its provinces'.
	const entered = `coalesce(teams, 0) + coalesce(members, 0) + coalesce(hamlets, 0)
		+ coalesce(households_known, 0) > 0`;
	const communeBasis = sql.raw(`sum(${entered}),
		sum(${entered} AND population IS NOT NULL AND members IS NOT NULL),
		sum(hamlets_covered IS NOT NULL AND hamlets > 0),
		sum(households_reached IS NOT NULL AND households_known > 0)`);
	const provinceBasis = sql.raw(`sum(communes_with_records), sum(communes_with_population),
		sum(communes_with_hamlets), sum(communes_with_households)`);
	const communesOf = sql`(SELECT count(*) FROM communes c WHERE c.province_code = area_months.province_code)`;
	return [
		del('area_month_services', 'province', inProvinces('code')),
		del('area_months', 'province', inProvinces('code')),
		statement(
			db,
			sql`INSERT INTO area_months (${AREA_COLUMNS}, ${BASIS_COLUMNS})
				SELECT 'province', province_code, month, province_code, ${areaSums}, ${now},
					${communesOf}, ${communeBasis}
				FROM area_months WHERE level = 'commune' AND ${inMonths} AND ${inProvinces('province_code')}
				GROUP BY province_code, month`
		),
		statement(
			db,
			sql`INSERT INTO area_month_services (${SERVICE_COLUMNS}, communes_with_adults)
				SELECT 'province', province_code, month, service_code, province_code, ${serviceSums},
					sum(adults_using IS NOT NULL AND adults_total > 0)
				FROM area_month_services
				WHERE level = 'commune' AND ${inMonths} AND ${inProvinces('province_code')}
				GROUP BY province_code, month, service_code`
		),
		del('area_month_services', 'country'),
		del('area_months', 'country'),
		statement(
			db,
			sql`INSERT INTO area_months (${AREA_COLUMNS}, ${BASIS_COLUMNS})
				SELECT 'country', 'VN', month, NULL, ${areaSums}, ${now},
					(SELECT count(*) FROM communes), ${provinceBasis}
				FROM area_months WHERE level = 'province' AND ${inMonths} GROUP BY month`
		),
		statement(
			db,
			sql`INSERT INTO area_month_services (${SERVICE_COLUMNS}, communes_with_adults)
				SELECT 'country', 'VN', month, service_code, NULL, ${serviceSums},
					sum(communes_with_adults)
				FROM area_month_services WHERE level = 'province' AND ${inMonths}
				GROUP BY month, service_code`
		)
	];
}
