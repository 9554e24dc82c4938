/**
 * Writes routes: storing a plan (its outings and ordered stops), assigning an outing to a member
 * (cancelling: route-cancel.ts). The coverage guarantee is checked here (a household already on a route is
 * refused unless the plan is an explicit revisit) and enforced again by the database's unique
 * index on non-revisit stops, so two concurrent plans cannot both take a household.
 * Routes, stops and households are in the province's shard; teams and members in the global D1.
 */
import type { AnyDb, Db } from '../client.ts';
import { requireShard, type ShardDb } from '../shards.ts';
import { bulkInsert, jsonChunks, runBatch } from '../bulk.ts';
import { scheduleStatements } from '../../help-requests/statements.ts';
import { routes, routeStops } from '../schema/index.ts';
import { routeAssignInput, routePlanInput, type RoutePlanInput } from '../schema/routes.input.ts';
import { parseRows } from './validate.ts';
import { estimateRoute } from '../../../domain/routing/estimate.ts';
import { streetLegs } from '../../../domain/routing/street-legs.ts';
import { travelModel } from '../../../domain/routing/travel.ts';
import type { StreetGraph } from '../../../domain/streets/types.ts';

export type RoutePlanProblem =
	| 'team_not_in_commune'
	| 'unknown_households'
	| 'outside_team_area'
	| 'do_not_contact'
	| 'duplicate_in_plan'
	| 'already_planned'
	| 'assignee_outside_commune'
	| 'assignee_other_team'
	| 'assignee_inactive';

/** A plan or assignment that breaks a rule: which rule, and the ids concerned. Nothing written. */
export class RoutePlanError extends Error {
	readonly problem: RoutePlanProblem;
	readonly ids: string[];
	constructor(problem: RoutePlanProblem, ids: string[], message: string) {
		super(message);
		this.name = 'RoutePlanError';
		this.problem = problem;
		this.ids = ids;
	}
}

interface HouseholdFacts {
	id: string;
	province_code: string;
	commune_code: string;
	hamlet_id: string | null;
	lon: number | null;
	lat: number | null;
	do_not_contact: number;
}

/** Rows by id from either database (the global D1's members, a shard's households). */
async function rowsByIds<T>(db: AnyDb, sqlText: string, ids: readonly string[]): Promise<T[]> {
	const stmts = jsonChunks([...new Set(ids)]).map((json) => db.$client.prepare(sqlText).bind(json));
	const results = await runBatch(db, stmts);
	return results.flatMap((r) => r.results as T[]);
}

const IN_IDS = `IN (SELECT value FROM json_each(?))`;

function fail(problem: RoutePlanProblem, ids: string[], what: string): never {
	const shown = ids.slice(0, 5).join(', ');
	throw new RoutePlanError(
		problem,
		ids,
		`${what}: ${shown}${ids.length > 5 ? ` (+${ids.length - 5})` : ''}`
	);
}

/** Members exist, are active and belong to the route's team (in its commune). */
async function checkAssignees(
	db: Db,
	route: { communeCode: string; teamId: string },
	memberIds: string[]
) {
	if (memberIds.length === 0) return;
	const rows = await rowsByIds<{
		id: string;
		commune_code: string;
		team_id: string;
		active: number;
	}>(db, `SELECT id, commune_code, team_id, active FROM members WHERE id ${IN_IDS}`, memberIds);
	const byId = new Map(rows.map((r) => [r.id, r]));
	const outside = memberIds.filter((m) => byId.get(m)?.commune_code !== route.communeCode);
	if (outside.length) fail('assignee_outside_commune', outside, 'members not in this commune');
	const otherTeam = memberIds.filter((m) => byId.get(m)!.team_id !== route.teamId);
	if (otherTeam.length)
		fail(
			'assignee_other_team',
			otherTeam,
			"an outing goes to a member of the route's own team; these members are in another team"
		);
	const inactive = memberIds.filter((m) => byId.get(m)?.active !== 1);
	if (inactive.length) fail('assignee_inactive', inactive, 'members no longer active');
}

async function checkHouseholds(
	shard: ShardDb,
	plan: ReturnType<typeof routePlanInput.parse>,
	hamletId: string | null
): Promise<Map<string, HouseholdFacts>> {
	const all = plan.routes.flatMap((r) => r.householdIds);
	const seen = new Set<string>();
	const twice = all.filter((id) => (seen.has(id) ? true : (seen.add(id), false)));
	if (twice.length) fail('duplicate_in_plan', [...new Set(twice)], 'households twice in the plan');
	const rows = await rowsByIds<HouseholdFacts>(
		shard,
		`SELECT id, province_code, commune_code, hamlet_id, lon, lat, do_not_contact FROM households WHERE id ${IN_IDS}`,
		all
	);
	const byId = new Map(rows.map((r) => [r.id, r]));
	const unknown = all.filter(
		(id) =>
			byId.get(id)?.commune_code !== plan.communeCode ||
			byId.get(id)?.province_code !== plan.provinceCode
	);
	if (unknown.length) fail('unknown_households', unknown, 'households not in this commune');
	if (hamletId) {
		const outside = all.filter((id) => byId.get(id)!.hamlet_id !== hamletId);
		if (outside.length) fail('outside_team_area', outside, "households outside the team's hamlet");
	}
	const dnc = all.filter((id) => byId.get(id)!.do_not_contact === 1);
	if (dnc.length) fail('do_not_contact', dnc, 'households asked not to be contacted');
	const fresh = plan.routes.flatMap((r) =>
		r.householdIds.filter((id) => !isRevisitStop(plan, r, id))
	);
	if (fresh.length) {
		const taken = await rowsByIds<{ household_id: string }>(
			shard,
			`SELECT household_id FROM route_stops WHERE revisit = 0 AND household_id ${IN_IDS}`,
			fresh
		);
		if (taken.length)
			fail(
				'already_planned',
				taken.map((t) => t.household_id),
				'households already on a route'
			);
	}
	return byId;
}

/** A stop is an explicit revisit: the whole outing (or plan) is, or the household is listed. */
function isRevisitStop(
	plan: { revisit: boolean },
	route: { revisit?: boolean; revisitIds: string[] },
	householdId: string
): boolean {
	return (route.revisit ?? plan.revisit) || route.revisitIds.includes(householdId);
}

export interface PreparedPlan {
	statements: D1PreparedStatement[];
	routes: {
		id: string;
		name: string;
		stops: number;
		distanceM: number;
		estimatedMinutes: number;
	}[];
}

interface PlanOptions {
	hamletId?: string | null;
	/** The commune's streets: outings priced along them, as the planner priced them. */
	streets?: StreetGraph | null;
}

/**
 * Validates a plan and builds its inserts (routes, then stops in walking order), prepared on
 * the shard: run them there, in one batch.
 * @param db the global D1 (the team and the assignees).
 * @param shard the plan's province shard (its households, the stops already taken).
 * @param opts.hamletId households must lie in this hamlet (a hamlet team's leader planning).
 * @param opts.streets the commune's street graph: distances and minutes along the streets, the
 *   plan's own figures; absent, straight lines × detour.
 * @throws WriteValidationError for malformed input; RoutePlanError for a broken rule.
 */
export async function prepareRoutePlan(
	db: Db,
	shard: ShardDb,
	input: RoutePlanInput,
	opts: PlanOptions = {}
): Promise<PreparedPlan> {
	const [plan] = parseRows('routes', routePlanInput, [input]);
	const team = await db.$client
		.prepare('SELECT commune_code FROM teams WHERE id = ?')
		.bind(plan!.teamId)
		.first<{ commune_code: string }>();
	if (team?.commune_code !== plan!.communeCode)
		fail('team_not_in_commune', [plan!.teamId], 'team not in this commune');
	requireShard(shard, [plan!.provinceCode]);
	const facts = await checkHouseholds(shard, plan!, opts.hamletId ?? null);
	const assignees = [...new Set(plan!.routes.flatMap((r) => r.assigneeMemberId ?? []))];
	await checkAssignees(db, plan!, assignees);
	const p = plan!;
	const model = travelModel(p.travelMode, p.walkMetersPerMinute);
	// One measure for the whole plan: legs and snaps shared by its outings, as in the planner.
	const legs = opts.streets ? streetLegs(opts.streets, model) : null;
	const routeRows = p.routes.map((r) => {
		const start = r.start === undefined ? p.start : r.start;
		const est = estimateRoute(
			r.householdIds.map((id) => facts.get(id)!),
			start,
			model,
			p.minutesPerHouse,
			legs
		);
		return {
			id: r.id,
			provinceCode: p.provinceCode,
			communeCode: p.communeCode,
			teamId: p.teamId,
			assigneeMemberId: r.assigneeMemberId,
			name: r.name,
			plannedOn: r.plannedOn,
			session: r.session,
			travelMode: p.travelMode,
			sessionMinutes: r.sessionMinutes,
			travelMinutes: est.travelMinutes,
			startKind: r.startKind,
			flag: r.flag,
			status: r.assigneeMemberId ? ('assigned' as const) : ('draft' as const),
			distanceM: est.distanceM,
			estimatedMinutes: est.estimatedMinutes,
			startLon: start?.[0] ?? null,
			startLat: start?.[1] ?? null,
			createdBy: p.createdBy,
			assignedAt: r.assigneeMemberId ? p.createdAt : null,
			updatedAt: null,
			isDemo: p.isDemo,
			createdAt: p.createdAt
		};
	});
	const stops = p.routes.flatMap((r) =>
		r.householdIds.map((householdId, i) => ({
			routeId: r.id,
			seq: i + 1,
			householdId,
			provinceCode: p.provinceCode,
			communeCode: p.communeCode,
			revisit: isRevisitStop(p, r, householdId)
		}))
	);
	return {
		statements: [
			...bulkInsert(shard, routes, routeRows),
			...bulkInsert(shard, routeStops, stops),
			...scheduleStatements(
				shard,
				stops.map((s) => s.householdId),
				p.createdAt
			)
		],
		routes: routeRows.map((r, i) => ({
			id: r.id,
			name: r.name,
			stops: p.routes[i]!.householdIds.length,
			distanceM: r.distanceM,
			estimatedMinutes: r.estimatedMinutes
		}))
	};
}

/** True for the D1 error of the coverage index (a concurrent plan took a household first). */
export function isCoverageConflict(err: unknown): boolean {
	return (
		err instanceof Error &&
		/UNIQUE constraint failed: route_stops\.household_id/.test(
			String(err.message) + String((err as { cause?: unknown }).cause ?? '')
		)
	);
}

/**
 * The update assigning a route to a member on a date (or unassigning it: member null),
 * prepared on the route's shard; the member is checked in the global D1.
 * @throws RoutePlanError when the member is not an active member of the route's commune.
 */
export async function prepareAssignment(
	db: Db,
	shard: ShardDb,
	route: { id: string; communeCode: string; teamId: string; status: string },
	input: unknown,
	now = Date.now()
): Promise<D1PreparedStatement> {
	const [a] = parseRows('route assignment', routeAssignInput, [input]);
	if (a!.assigneeMemberId) await checkAssignees(db, route, [a!.assigneeMemberId]);
	const status = a!.assigneeMemberId ? 'assigned' : 'draft';
	const keep = route.status === 'in_progress' || route.status === 'done';
	return shard.$client
		.prepare(
			`UPDATE routes SET assignee_member_id = ?, planned_on = ?, session = ?, status = ?, assigned_at = ?, updated_at = ? WHERE id = ?`
		)
		.bind(
			a!.assigneeMemberId,
			a!.plannedOn,
			a!.session,
			keep ? route.status : status,
			a!.assigneeMemberId ? now : null,
			now,
			route.id
		);
}
