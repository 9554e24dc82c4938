/**
 * The completion forecast of a commune's public page (issue 17 §2): the commune's weekly counts
 * read on its province's shard, the burn-up with small counts hidden (forecast-history.ts
 * `publicBurnUp`) and the forecast dates. Counts only — no name, phone or place leaves the
 * query — so it may be public.
 */
import type { ShardRouter } from '../db/shards.ts';
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

/** A commune's public burn-up and forecast (`code` and `provinceCode` from the reference data). */
export async function publicForecast(
	shards: ShardRouter,
	commune: { code: string; provinceCode: string }
): Promise<PublicForecast> {
	const today = vnToday();
	const rows = await readForecastCounts(
		shards.forProvince(commune.provinceCode),
		{ provinceCode: commune.provinceCode, communeCode: commune.code },
		null,
		vnDayStart(forecastWeeks(today)[0]!)
	);
	const { burnUp, forecast } = areaForecast(rows, today, null);
	return { burnUp: publicBurnUp(burnUp), forecast };
}
