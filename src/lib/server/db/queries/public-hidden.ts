/**
 * The flags of the protection across time and geography (issue 16 §8, docs/disclosure.md): the
 * cells the metrics job hid and which (metric, period) its current protection covers, read by
 * every public reader of the figures (map, series, exports, reports) and applied with
 * domain/disclosure-flags.ts. One batch: the hidden cells on the table's key, and the runs.
 */
import { and, eq, inArray, or, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../client.ts';
import { communes, disclosureHidden, disclosureRuns } from '../schema/index.ts';
import { flagKey, type PublishedFlags } from '../../../domain/disclosure-flags.ts';
import { protectedMetricKeys, publishedPeriods } from '../../../domain/disclosure-publish.ts';

/**
 * Which areas' flags a reader needs: every area (the map), one area (a series), or the
 * country, the provinces and one province's communes (an area page, a report).
 */
export type FlagScope = { all: true } | { code: string } | { provinceCode: string };

function scopeOf(db: Db, scope: FlagScope): SQL | undefined {
	const code = disclosureHidden.code;
	if ('all' in scope) return undefined;
	if ('code' in scope) return eq(code, scope.code);
	const inProvince = db
		.select({ code: communes.code })
		.from(communes)
		.where(eq(communes.provinceCode, scope.provinceCode));
	return or(sql`length(${code}) <= 2`, inArray(code, inProvince));
}

/** The flags of some metrics in some periods ("YYYY-MM", "YYYY-Qn", "last12"). */
export async function publishedFlags(
	db: Db,
	metrics: readonly string[],
	periods: readonly string[],
	scope: FlagScope = { all: true }
): Promise<PublishedFlags> {
	const keys = metrics.filter((k) => protectedMetricKeys().includes(k));
	if (keys.length === 0 || periods.length === 0) return { hidden: new Set(), covered: new Set() };
	const [hidden, runs] = await db.batch([
		db
			.select()
			.from(disclosureHidden)
			.where(
				and(
					inArray(disclosureHidden.metric, keys),
					inArray(disclosureHidden.period, [...periods]),
					scopeOf(db, scope)
				)
			),
		db
			.select({ metric: disclosureRuns.metric, current: disclosureRuns.currentMonth })
			.from(disclosureRuns)
			.where(and(inArray(disclosureRuns.metric, keys), eq(disclosureRuns.fresh, true)))
	]);
	const covered = new Set<string>();
	for (const run of runs) {
		const { months, groups } = publishedPeriods(run.current);
		const within = new Set([...months, ...groups.map((g) => g.label)]);
		for (const p of periods) if (within.has(p)) covered.add(`${run.metric}|${p}`);
	}
	return { hidden: new Set(hidden.map((r) => flagKey(r.metric, r.period, r.code))), covered };
}
