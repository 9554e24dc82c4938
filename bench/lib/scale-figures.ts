/**
 * The stored figures the province roll-up reads: if the shard's communes have none yet (a fresh
 * fill), the metrics job computes every commune once, timed — the whole shard's recompute.
 */
import type { Db } from '../../src/lib/server/db/client.ts';
import { ShardRouter } from '../../src/lib/server/db/shards.ts';
import { computeMetrics } from '../../src/lib/server/metrics/job.ts';
import { SCALE_TARGET } from './scale-province.ts';

/** Computes every commune's figures once when the province has none with households. */
export async function ensureProvinceFigures(db: Db): Promise<void> {
	const row = await db.$client
		.prepare(
			`SELECT count(*) AS n FROM area_metrics WHERE level = 'commune' AND province_code = ?1
			AND households_known > 0`
		)
		.bind(SCALE_TARGET.provinceCode)
		.first<{ n: number }>();
	if ((row?.n ?? 0) > 0) return;
	console.log('\n▶ Metrics job over the whole shard (once: the roll-up reads its figures)');
	const started = performance.now();
	await computeMetrics(db, {
		now: new Date(),
		shards: new ShardRouter({ DB: db.$client }, db, { many: true })
	});
	console.log(
		`  every commune recomputed in ${((performance.now() - started) / 1000).toFixed(1)} s`
	);
}
