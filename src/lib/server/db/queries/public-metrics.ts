/**
 * Public reads of the precomputed aggregates (area_metrics, area_service_metrics). Never scans
 * records: the metrics job has done that. Suppression needs whole groups, so every read returns
 * the country, all provinces and whole provinces' communes (see domain/metrics.ts).
 */
import { and, asc, eq, inArray, or } from 'drizzle-orm';
import type { Db } from '../client.ts';
import { areaMetrics, areaServiceMetrics, hamlets, meta, teams } from '../schema/index.ts';
import {
	toPublicMetrics,
	type AreaCounts,
	type AreaServiceCounts,
	type PublicAreaMetrics
} from '../../../domain/metrics.ts';
import { METRIC_KEYS, type MetricDefinition } from '../../../domain/metric-definitions.ts';
import {
	toMetricPayload,
	type MetricPayload,
	type PublicTeam
} from '../../../domain/metric-payload.ts';
import { officialForAllCommunes, withOfficialMetrics } from './public-official.ts';
import { publishedFlags } from './public-hidden.ts';
import { sumsRule, withHidden } from '../../../domain/disclosure-flags.ts';
import { LAST_12 } from '../../../domain/disclosure-publish.ts';

/** The metrics job's last run (epoch ms from meta.updated_at), or 0 when it never ran. */
export async function metricsVersion(db: Db): Promise<number> {
	const rows = await db
		.select({ at: meta.updatedAt })
		.from(meta)
		.where(eq(meta.key, 'metrics_computed_at'));
	return rows[0]?.at ?? 0;
}

/** One metric for every commune, province and the country, in the map's compact form. */
export async function metricForAllCommunes(db: Db, def: MetricDefinition): Promise<MetricPayload> {
	if (def.group === 'official') return officialForAllCommunes(db, def);
	const [[areas, services], flags] = await Promise.all([
		db.batch([
			db.select().from(areaMetrics),
			db
				.select()
				.from(areaServiceMetrics)
				.where(eq(areaServiceMetrics.serviceCode, def.serviceCode ?? '-'))
		]),
		publishedFlags(db, [def.key], [LAST_12])
	]);
	// The 12-month figures take the protection across months and areas (docs/disclosure.md).
	const rule = sumsRule(flags, LAST_12);
	const pub = toPublicMetrics(
		areas as AreaCounts[],
		services as AreaServiceCounts[],
		[def.key],
		rule
	);
	return toMetricPayload(def, withHidden(pub, LAST_12, flags));
}

/**
 * Every metric for the country, all provinces and the communes of one province: enough to
 * apply suppression exactly as the map does; the official figures after the others. Empty when
 * the job never ran.
 */
export async function metricsOfProvinceGroup(
	db: Db,
	provinceCode: string
): Promise<PublicAreaMetrics[]> {
	const inGroup = or(
		inArray(areaMetrics.level, ['country', 'province']),
		and(eq(areaMetrics.level, 'commune'), eq(areaMetrics.provinceCode, provinceCode))
	);
	const svcInGroup = or(
		inArray(areaServiceMetrics.level, ['country', 'province']),
		and(eq(areaServiceMetrics.level, 'commune'), eq(areaServiceMetrics.provinceCode, provinceCode))
	);
	const [[areas, services], flags] = await Promise.all([
		db.batch([
			db.select().from(areaMetrics).where(inGroup),
			db.select().from(areaServiceMetrics).where(svcInGroup)
		]),
		publishedFlags(db, METRIC_KEYS, [LAST_12], { provinceCode })
	]);
	const rule = sumsRule(flags, LAST_12);
	const group = withHidden(
		toPublicMetrics(areas as AreaCounts[], services as AreaServiceCounts[], METRIC_KEYS, rule),
		LAST_12,
		flags
	);
	return withOfficialMetrics(db, provinceCode, group);
}

/** Public team facts of a commune: active teams' names and hamlets (no people). */
export function listPublicTeams(
	db: Db,
	provinceCode: string,
	communeCode: string
): Promise<PublicTeam[]> {
	return db
		.select({ name: teams.name, hamlet: hamlets.name, foundedOn: teams.foundedOn })
		.from(teams)
		.leftJoin(hamlets, eq(hamlets.id, teams.hamletId))
		.where(
			and(
				eq(teams.provinceCode, provinceCode),
				eq(teams.communeCode, communeCode),
				eq(teams.active, true)
			)
		)
		.orderBy(asc(teams.name));
}
