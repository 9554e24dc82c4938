/**
 * The completion forecast of a commune's public page (issue 17 §2): the commune's weekly counts
 * read on its province's shard, the burn-up with small counts hidden (forecast-history.ts
 * `publicBurnUp`) and the forecast dates. Counts only — no name, phone or place leaves the
 * query — so it may be public. Like the public figures, it is built once per commune, Vietnam
 * day and published version of the metrics (store.ts `readThrough`: per isolate, and per data
 * centre through the Cache API), so page views do not each read the shard.
 */
import type { Db } from '../db/client.ts';
import type { ShardRouter } from '../db/shards.ts';
import { publishedVersion } from './version.ts';
import { readThrough } from './store.ts';
import { readForecastCounts } from '../db/queries/forecast.ts';
import {
	areaForecast,
	forecastWeeks,
	publicBurnUp,
	type PublicBurnUpPoint
} from '../../domain/forecast-history.ts';
import type { Forecast } from '../../domain/forecast.ts';
import { vnDayStart, vnToday } from '../../domain/vn-time.ts';

export interface PublicForecast {
	burnUp: PublicBurnUpPoint[];
	forecast: Forecast;
}

/** A commune's public burn-up and forecast, read on its shard now. */
async function buildForecast(
	shards: ShardRouter,
	commune: { code: string; provinceCode: string },
	today: string
): Promise<PublicForecast> {
	const rows = await readForecastCounts(
		shards.forProvince(commune.provinceCode),
		{ provinceCode: commune.provinceCode, communeCode: commune.code },
		null,
		vnDayStart(forecastWeeks(today)[0]!)
	);
	const { burnUp, forecast } = areaForecast(rows, today, null);
	return { burnUp: publicBurnUp(burnUp), forecast };
}

/**
 * A commune's public burn-up and forecast (`code` and `provinceCode` from the reference data),
 * stored per day and published version. `binding` is the global D1 binding (the version's key).
 */
export async function publicForecast(
	where: { shards: ShardRouter; db: Db; binding: object },
	commune: { code: string; provinceCode: string }
): Promise<PublicForecast> {
	const today = vnToday();
	const version = await publishedVersion(where.binding, where.db);
	const key = `https://public.tung-ngo.invalid/forecast/${commune.code}?day=${today}&version=${version}`;
	const { payload } = await readThrough(key, async () => ({
		status: 200,
		body: JSON.stringify(await buildForecast(where.shards, commune, today))
	}));
	return JSON.parse(payload!.body) as PublicForecast;
}
