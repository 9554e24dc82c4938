/**
 * The weekly history behind a completion forecast (issue 17 §2): per hamlet and Vietnam week, the
 * households added to the scope and the households visited for the first time, read on the
 * province's shard (docs/sharding.md). Counts only: no names, places or visits leave the query.
 *
 * The scope is the area's households, less the erased ones and those who asked not to be
 * contacted and were never visited (nobody will visit them: they would hold every forecast off).
 * A household's first visit is the earliest of its visits still held (visits archived past their
 * retention are gone: a household visited only then counts from when it was added), and never
 * earlier than the household was added — the burn-up's done line stays under its scope line.
 */
import type { ShardDb } from '../shards.ts';
import { dayNumberToDate } from '../../../domain/progress.ts';
import type { ForecastCount } from '../../../domain/forecast-history.ts';

/** The Monday (Vietnam day number) of an instant's week, in SQL. */
const WEEK = (at: string) =>
	`((${at} + 25200000) / 86400000 - (((${at} + 25200000) / 86400000 + 3) % 7))`;

/**
 * ?1 province, ?2 commune, ?3 the first instant of the period (older counts come back with a
 * NULL week), ?4 the hamlet (with `oneHamlet`). The households by households_commune_idx; each
 * visited one's first visit by visits_household_idx (province, commune, household, time).
 */
export function forecastSql(oneHamlet: boolean): string {
	return `WITH h AS MATERIALIZED (
		SELECT hamlet_id, created_at,
			CASE WHEN last_visit_at IS NOT NULL THEN max(created_at, coalesce((
				SELECT min(v.visited_at) FROM visits AS v
				WHERE v.province_code = ?1 AND v.commune_code = ?2 AND v.household_id = hh.id), 0)) END
				AS first_at
		FROM households AS hh
		WHERE province_code = ?1 AND commune_code = ?2 AND ${oneHamlet ? 'hamlet_id = ?4' : '?4 IS NULL'}
			AND erased_at IS NULL AND (do_not_contact = 0 OR last_visit_at IS NOT NULL)
	),
	ev AS (
		SELECT hamlet_id, created_at AS at, 1 AS added, 0 AS visited FROM h
		UNION ALL
		SELECT hamlet_id, first_at, 0, 1 FROM h WHERE first_at IS NOT NULL
	)
	SELECT hamlet_id AS hamletId, CASE WHEN at >= ?3 THEN ${WEEK('at')} END AS week,
		sum(added) AS added, sum(visited) AS visited
	FROM ev GROUP BY 1, 2`;
}

/**
 * A commune's (or one hamlet's) counts per hamlet and week from `since` (epoch ms, a Monday
 * 00:00 in Vietnam); everything older in rows whose week is null.
 */
export async function readForecastCounts(
	shard: ShardDb,
	area: { provinceCode: string; communeCode: string },
	hamletId: string | null,
	since: number
): Promise<ForecastCount[]> {
	const rows = await shard.$client
		.prepare(forecastSql(hamletId !== null))
		.bind(area.provinceCode, area.communeCode, since, hamletId)
		.all<{ hamletId: string | null; week: number | null; added: number; visited: number }>();
	return rows.results.map((r) => ({
		hamletId: r.hamletId,
		week: r.week === null ? null : dayNumberToDate(r.week),
		added: r.added,
		visited: r.visited
	}));
}
