import { Hono } from 'hono';
import { z } from 'zod';
import { communeCode, validate } from '../validation.ts';
import { ensure, noStore, requireActor, type AuthEnv } from '../middleware/env.ts';
import { communeOr404 } from '../middleware/scope.ts';
import { shardOf } from '../middleware/shard.ts';
import { canAdminister, canSeeHouseholds, canSeePersonal } from '../../../domain/scope.ts';
import { vnDayStart, vnToday } from '../../../domain/vn-time.ts';
import {
	areaForecast,
	forecastWeeks,
	type AreaForecast
} from '../../../domain/forecast-history.ts';
import { listTeams, type CommuneArea } from '../../db/queries/team-admin.ts';
import { readForecastCounts } from '../../db/queries/forecast.ts';
import { operation } from '../openapi/describe.ts';

/** One team's burn-up and forecast, over its area (its hamlet, or the whole commune). */
export interface TeamForecast extends AreaForecast {
	id: string;
	name: string;
	/** null: a commune-wide team. */
	hamletName: string | null;
}

/** GET /api/forecast: the response. */
export interface ForecastBody {
	commune: CommuneArea;
	/** Today in Vietnam (YYYY-MM-DD): no date given is before it. */
	today: string;
	teams: TeamForecast[];
	/** The whole commune, for those who administer it (null for a team leader). */
	communeForecast: AreaForecast | null;
}

const doc = operation(
	'Burn-up and completion forecast per team and for the commune (counts only)',
	'Tiến độ tích luỹ và dự báo ngày thăm hết các hộ, theo tổ và toàn xã (chỉ số đếm)',
	{ auth: true, errors: [404], tags: ['progress'] }
);

/**
 * When will every household have been visited (issue 17 §2)? GET /forecast?commune=05569: per
 * team in view — a team leader their own, a commune's admins every active team and the commune
 * as a whole — the last 26 weeks' burn-up (households known, visited at least once) and the
 * 50 % / 85 % dates of a Monte Carlo over the last 12 weeks (or why there are none). Counts
 * only, so not audited; read on the province's shard, one hamlet's households when a team
 * leader's team has one. Mounted at /api.
 */
export const forecastApi = new Hono<AuthEnv>().get(
	'/forecast',
	noStore,
	doc,
	validate('query', z.object({ commune: communeCode })),
	async (c) => {
		const actor = requireActor(c);
		const area = await communeOr404(c, c.req.valid('query').commune);
		ensure(canSeeHouseholds(actor, area), "this commune's forecast");
		const all = await listTeams(c.get('db'), area.provinceCode, area.communeCode);
		const teams = all.filter(
			(tm) =>
				(actor.role === 'team_leader' ? tm.id === actor.teamId : tm.active) &&
				canSeePersonal(actor, { ...area, teamId: tm.id })
		);
		const whole = canAdminister(actor, area);
		const today = vnToday();
		// A team leader's hamlet team reads its hamlet only; anyone else the whole commune.
		const hamlet = !whole && teams.length === 1 ? teams[0]!.hamletId : null;
		const rows =
			teams.length === 0 && !whole
				? []
				: await readForecastCounts(
						shardOf(c, area.provinceCode),
						area,
						hamlet,
						vnDayStart(forecastWeeks(today)[0]!)
					);
		const body: ForecastBody = {
			commune: area,
			today,
			teams: teams.map((tm) => ({
				id: tm.id,
				name: tm.name,
				hamletName: tm.hamletId ? tm.hamletName : null,
				...areaForecast(rows, today, tm.hamletId)
			})),
			communeForecast: whole ? areaForecast(rows, today, null) : null
		};
		return c.json(body, 200);
	}
);
