/**
 * The leader and member requests the scale benchmark times, each as its API route does its
 * database work (the query functions of src/lib/server/db/queries, and the pure domain work the
 * route does on their rows), without the session lookup and the audit entry every route adds.
 */
import type { Db } from '../../src/lib/server/db/client.ts';
import type { ShardDb, ShardRouter } from '../../src/lib/server/db/shards.ts';
import {
	countPlanningHouseholds,
	listPlanningHouseholds,
	progressGroups
} from '../../src/lib/server/db/queries/households.ts';
import { PLAN_LIST_MAX_DEFAULT } from '../../src/lib/server/api/routes/households.ts';
import {
	getRoute,
	listRoutes,
	routeStopsOf,
	routesOfMember
} from '../../src/lib/server/db/queries/routes.ts';
import * as field from '../../src/lib/server/db/queries/field-routes.ts';
import { listTeams } from '../../src/lib/server/db/queries/team-admin.ts';
import { readOverview } from '../../src/lib/server/db/queries/overview.ts';
import { householdStatus, revisitSuggestion } from '../../src/lib/domain/routing/status.ts';
import { areaProgress, weekOf } from '../../src/lib/domain/team-overview.ts';
import { vnToday } from '../../src/lib/domain/vn-time.ts';
import { Rng } from '../../src/lib/server/demo/rng.ts';
import { deviceBatch, memberStops, syncBatch } from './scale-sync.ts';
import { recomputeCommunes } from '../../src/lib/server/metrics/job.ts';
import { rollUpProvinces } from '../../src/lib/server/metrics/store.ts';
import { twelveMonthsTo } from '../../src/lib/server/metrics/period.ts';
import type { ScaleSubjects } from './scale-subjects.ts';

export interface ScaleCase {
	name: string;
	/** The API route (or job) whose database work this is. */
	route: string;
	/** The goal for its p95, ms. */
	goalMs: number;
	run: (dbs: Dbs) => Promise<unknown>;
}

/** The global D1 and the province's shard (the same database in the scale simulation). */
export interface Dbs {
	db: Db;
	shard: ShardDb;
	/** The scale database as a one-database deployment's router (every shard is DB). */
	shards: ShardRouter;
}

type Area = { provinceCode: string; communeCode: string };

/** GET /api/households: the list with each household's status, and the gaps summary. */
async function planningList(shard: ShardDb, area: Area, hamletId: string | null) {
	const today = vnToday();
	const rows = await listPlanningHouseholds(shard, area, hamletId);
	const list = rows.map((h) => ({
		...h,
		status: householdStatus(h, h.visits, today),
		revisit: revisitSuggestion(h.visits)
	}));
	const planned = list.filter((h) => h.routeId !== null).length;
	const dnc = list.filter((h) => h.routeId === null && h.status === 'do_not_contact').length;
	return { total: list.length, gaps: list.length - planned - dnc };
}

/** GET /api/overview: the week's outings, members, devices and each team's progress and gaps. */
async function leadersDay({ db, shard }: Dbs, area: Area, teamId: string | null) {
	const today = vnToday();
	const since = twelveMonthsTo(new Date()).start.getTime();
	const all = await listTeams(db, area.provinceCode, area.communeCode);
	const teams = all.filter((t) => (teamId ? t.id === teamId : t.active));
	const hamletId = teamId ? (teams[0]?.hamletId ?? null) : null;
	const [data, groups] = await Promise.all([
		readOverview(
			db,
			shard,
			area,
			teams.map((t) => t.id),
			weekOf(today)
		),
		progressGroups(shard, area, hamletId, since)
	]);
	const progress = teams.map((t) =>
		areaProgress(
			t.hamletId ? groups.filter((h) => h.hamletId === t.hamletId) : groups,
			today,
			since
		)
	);
	return { outings: data.outings.length, gaps: progress.reduce((n, p) => n + p.gaps, 0) };
}

/** The cases, for the subjects picked from the database. */
export async function scaleCases(shard: ShardDb, s: ScaleSubjects): Promise<ScaleCase[]> {
	const stops = await memberStops(shard, s.member.memberId);
	if (stops.length === 0) throw new Error('the benchmark member has no stops to visit');
	const rng = new Rng(`scale-sync|${Date.now()}`);
	const ward = s.ward;
	const period = () => {
		const p = twelveMonthsTo(new Date());
		return { start: p.start.toISOString(), end: p.end.toISOString() };
	};
	return [
		{
			name: 'floor: one D1 round trip (SELECT 1)',
			route: 'what any request pays per round trip here',
			goalMs: 50,
			run: ({ shard }) => shard.$client.prepare('SELECT 1').all()
		},
		{
			name: 'planning list + gaps: the ward whole (50,000 households)',
			route: 'GET /api/households?commune= (commune admin)',
			goalMs: 50,
			run: ({ shard }) => planningList(shard, ward, null)
		},
		{
			name: 'planning page of the ward as a commune admin opens it',
			route: 'GET /api/households?commune= (count: too many), then &hamlet= (one khu phố)',
			goalMs: 50,
			run: async ({ shard }) => {
				const total = await countPlanningHouseholds(shard, ward);
				if (total <= PLAN_LIST_MAX_DEFAULT) throw new Error('the ward should be over the limit');
				return planningList(shard, ward, s.team.hamletId);
			}
		},
		{
			name: 'planning list + gaps: one khu phố',
			route: 'GET /api/households (team leader)',
			goalMs: 50,
			run: ({ shard }) => planningList(shard, ward, s.team.hamletId)
		},
		{
			name: "leader's day, gaps per team: the ward",
			route: 'GET /api/overview (commune admin)',
			goalMs: 50,
			run: (dbs) => leadersDay(dbs, ward, null)
		},
		{
			name: "leader's day, gaps: one team",
			route: 'GET /api/overview (team leader)',
			goalMs: 50,
			run: (dbs) => leadersDay(dbs, ward, s.team.id)
		},
		{
			name: 'routes of the team',
			route: 'GET /api/routes?commune=&team= (team leader)',
			goalMs: 50,
			run: ({ db, shard }) => listRoutes(db, shard, ward, [s.team.id])
		},
		{
			name: 'routes of the ward (all teams)',
			route: 'GET /api/routes?commune= (commune admin)',
			goalMs: 50,
			run: ({ db, shard }) => listRoutes(db, shard, ward, null)
		},
		{
			name: 'route view (stops, visit status)',
			route: 'GET /api/routes/:id',
			goalMs: 50,
			run: async ({ db, shard }) => {
				const route = await getRoute(db, shard, s.routeId);
				return routeStopsOf(db, shard, route!, vnToday());
			}
		},
		{
			name: 'route pack for field mode',
			route: 'GET /api/field/routes/:id (member)',
			goalMs: 50,
			run: async ({ db, shard }) => {
				const route = await field.getRoute(shard, s.routeId);
				return Promise.all([
					field.routePackStops(shard, route!),
					field.packCommune(db, ward.communeCode)
				]);
			}
		},
		{
			name: 'my routes',
			route: 'GET /api/routes/mine (member)',
			goalMs: 50,
			run: ({ db, shard }) => routesOfMember(db, shard, s.member.memberId)
		},
		{
			name: 'my routes in field mode',
			route: 'GET /api/field/routes (member)',
			goalMs: 50,
			run: ({ shard }) => field.listFieldRoutes(shard, s.member)
		},
		{
			name: 'sync batch: 200 visits from a member',
			route: 'POST /api/visits (member)',
			goalMs: 250,
			run: ({ db, shard }) => {
				const now = Date.now();
				return syncBatch(db, shard, s.member, deviceBatch(rng, s.member, stops, now), now);
			}
		},
		{
			name: 'recompute one commune: the ward',
			route: 'metrics job: recomputeCommunes (+ province, country)',
			goalMs: 500,
			run: ({ db, shards }) => recomputeCommunes(db, [ward.communeCode], new Date(), shards)
		},
		{
			name: `recompute one commune: median (${s.medianCommune.households.toLocaleString('en-US')} households)`,
			route: 'metrics job: recomputeCommunes (+ province, country)',
			goalMs: 500,
			run: ({ db, shards }) =>
				recomputeCommunes(db, [s.medianCommune.communeCode], new Date(), shards)
		},
		{
			// What one Cron run does when every commune of the province was marked (168 < the
			// run's 300): chunks of 25, then the province and the country. A scheduled run may use
			// 30 s of CPU (D1's time is not CPU) and 1.000 D1 queries (170 for 300 communes).
			name: 'scheduled run: every commune of the province marked',
			route: 'metrics job: runMetrics within RUN_LIMITS',
			goalMs: 30_000,
			run: async ({ db, shards }) => {
				const codes = await db.$client
					.prepare('SELECT code FROM communes WHERE province_code = ?1')
					.bind(ward.provinceCode)
					.all<{ code: string }>();
				return recomputeCommunes(
					db,
					codes.results.map((c) => c.code),
					new Date(),
					shards
				);
			}
		},
		{
			// A step of the metrics job, not a request a person waits for: it is inside each
			// recompute above ("+ province, country"), whose goal it shares.
			name: 'province roll-up from its communes',
			route: 'metrics job: rollUpProvinces',
			goalMs: 500,
			run: ({ db }) => rollUpProvinces(db, [ward.provinceCode], period(), new Date())
		}
	];
}
