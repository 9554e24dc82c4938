import { Hono } from 'hono';
import type { Context } from 'hono';
import { ApiError } from '../errors.ts';
import { validate } from '../validation.ts';
import { ensure, noStore, requireActor, type AuthEnv } from '../middleware/env.ts';
import { audit, auditNow, communeOr404, teamOr404 } from '../middleware/scope.ts';
import { leaderHamlet, vnToday } from '../middleware/household-scope.ts';
import { recordShard, shardOf } from '../middleware/shard.ts';
import {
	canPlanRoutes,
	canSeeHouseholds,
	canSeePersonal,
	canSeeRoute,
	type Actor
} from '../../../domain/scope.ts';
import { householdsInPolygon, polygonProblem } from '../../../domain/routing/selection.ts';
import {
	getRoute,
	listRoutes,
	routesOfMember,
	routeStopsOf,
	type RouteRow
} from '../../db/queries/routes.ts';
import { listPlanningHouseholds } from '../../db/queries/households.ts';
import { teamIdsOfHamlet } from '../../db/queries/team-admin.ts';
import { overListLimit } from './households.ts';
import { prepareAssignment, prepareRoutePlan } from '../../db/writes/routes.ts';
import { cancelEffect, cancelStatements } from '../../db/writes/route-cancel.ts';
import { runBatch, statementOf } from '../../db/bulk.ts';
import { communeStreetGraph } from '../../basemap/street-graphs.ts';
import type { ShardDb } from '../../db/shards.ts';
import { idParam, routeAssignBody, routeListQuery, routePlanBody } from './visit-routes-input.ts';
import { visitRoutesOps as doc } from '../openapi/operations/records.ts';

/** The route with this id in the caller's province shard (recordShard), and that shard. */
async function routeOr404(
	c: Context<AuthEnv>,
	actor: Actor,
	id: string
): Promise<{ route: RouteRow; shard: ShardDb }> {
	const shard = recordShard(c, actor);
	const route = await getRoute(c.get('db'), shard, id);
	if (!route) throw new ApiError('route_not_found', 404, 'No such route');
	return { route, shard };
}

/** The drawn area must be a simple polygon holding households of the caller's scope. */
async function checkArea(
	shard: ShardDb,
	area: { provinceCode: string; communeCode: string },
	points: [number, number][],
	hamletLimit: string | null
): Promise<Set<string>> {
	const problem = polygonProblem(points);
	if (problem)
		throw new ApiError(
			problem === 'self_intersecting' ? 'area_self_intersecting' : 'area_too_small',
			422,
			problem === 'self_intersecting'
				? 'area: the drawn polygon crosses itself; redraw it without crossing lines'
				: 'area: draw at least three distinct points',
			{ field: 'area' }
		);
	const hs = await listPlanningHouseholds(shard, area, hamletLimit);
	const inside = householdsInPolygon(hs, points);
	if (inside.length === 0)
		throw new ApiError('area_empty', 422, 'area: the drawn polygon holds no households', {
			field: 'area'
		});
	return new Set(inside.map((h) => h.id));
}

const personalFor = (actor: Actor, route: RouteRow) =>
	canSeePersonal(actor, { ...route, teamId: route.teamId });

/**
 * Visit routes: GET / (a commune's or team's routes), GET /mine (the caller's assigned routes),
 * GET /:id (route + ordered stops + visit fields: the route view and the field app's offline
 * copy), POST / (store a plan), PATCH /:id (assign to a member on a date), POST /:id/cancel.
 */
export const visitRoutesApi = new Hono<AuthEnv>()
	.use(noStore)
	.get('/', doc.get, validate('query', routeListQuery), async (c) => {
		const actor = requireActor(c);
		const q = c.req.valid('query');
		const area = await communeOr404(c, q.commune);
		ensure(canSeeHouseholds(actor, area), "this commune's routes");
		const team = actor.role === 'team_leader' ? actor.teamId : (q.team ?? null);
		const teams = team
			? [team]
			: q.hamlet
				? await teamIdsOfHamlet(c.get('db'), area, q.hamlet)
				: null;
		const shard = shardOf(c, area.provinceCode);
		// A commune too large to list whole (over PLAN_LIST_MAX_HOUSEHOLDS, as its households):
		// no outings, but the count, unless a team or a hamlet is asked for.
		const tooMany = teams ? null : await overListLimit(c, shard, area);
		if (tooMany) return c.json({ commune: area, routes: [], tooMany }, 200);
		const rows = await listRoutes(c.get('db'), shard, area, teams);
		// Member names (who walks what, when): a personal-data read.
		await auditNow(c, {
			kind: 'read',
			action: 'routes.read',
			entity: 'route',
			provinceCode: area.provinceCode,
			communeCode: area.communeCode,
			detail: { rows: rows.length, teamId: team, hamletId: team ? null : (q.hamlet ?? null) }
		});
		return c.json({ commune: area, routes: rows, tooMany: null }, 200);
	})
	.get('/mine', doc.getMine, async (c) => {
		const actor = requireActor(c);
		const routes = actor.memberId
			? await routesOfMember(c.get('db'), recordShard(c, actor), actor.memberId)
			: [];
		await auditNow(c, {
			kind: 'read',
			action: 'routes.mine.read',
			entity: 'route',
			provinceCode: actor.provinceCode,
			communeCode: actor.communeCode,
			detail: { rows: routes.length }
		});
		return c.json({ memberId: actor.memberId, routes }, 200);
	})
	.get('/:id', doc.getById, validate('param', idParam), async (c) => {
		const actor = requireActor(c);
		const { route, shard } = await routeOr404(c, actor, c.req.valid('param').id);
		ensure(canSeeRoute(actor, route), 'this route');
		const today = vnToday();
		const stops = await routeStopsOf(c.get('db'), shard, route, today);
		const personal = personalFor(actor, route);
		const assignee = !!actor.memberId && actor.memberId === route.assigneeMemberId;
		const shown = stops.map((s) => {
			// The member visiting sees a name and phone the household agreed to give.
			const see = personal || (assignee && s.consent);
			return see ? s : { ...s, headName: null, headPhone: null };
		});
		await auditNow(c, {
			kind: 'read',
			action: 'route.read',
			entity: 'route',
			entityId: route.id,
			provinceCode: route.provinceCode,
			communeCode: route.communeCode,
			detail: { stops: stops.length }
		});
		return c.json({ route, stops: shown, today }, 200);
	})
	.post('/', doc.post, validate('json', routePlanBody), async (c) => {
		const actor = requireActor(c);
		const body = c.req.valid('json');
		const area = await communeOr404(c, body.communeCode);
		const team = await teamOr404(c, body.teamId);
		ensure(canPlanRoutes(actor, { ...area, teamId: team.id }), "planning this team's routes");
		const hamletLimit = await leaderHamlet(c, actor);
		const shard = shardOf(c, area.provinceCode);
		// Read while the plan is checked; null (straight lines × detour) never fails the save.
		const streets = communeStreetGraph(c.env.BASEMAP, area.communeCode);
		if (body.area) {
			const inside = await checkArea(shard, area, body.area, hamletLimit);
			const outside = body.routes.flatMap((r) => r.householdIds).filter((id) => !inside.has(id));
			if (outside.length)
				throw new ApiError('outside_area', 422, 'households outside the drawn area', {
					ids: outside
				});
		}
		if (body.routes.length === 0)
			throw new ApiError('empty_plan', 422, 'routes: the plan has no outings', { field: 'routes' });
		const now = Date.now();
		const plan = await prepareRoutePlan(
			c.get('db'),
			shard,
			{
				...body,
				provinceCode: area.provinceCode,
				createdBy: actor.userId,
				createdAt: now,
				routes: body.routes.map((r) => ({ ...r, id: crypto.randomUUID() }))
			},
			{ hamletId: hamletLimit, streets: await streets }
		);
		// The plan's audit entry is written with it, in the shard's batch (docs/sharding.md).
		await runBatch(shard, [
			...plan.statements,
			statementOf(
				shard,
				audit(c, {
					kind: 'write',
					action: 'routes.plan',
					entity: 'route',
					provinceCode: area.provinceCode,
					communeCode: area.communeCode,
					detail: {
						routes: plan.routes.length,
						stops: plan.routes.reduce((n, r) => n + r.stops, 0),
						revisit: body.revisit
					}
				})
			)
		]);
		return c.json({ routes: plan.routes }, 201);
	})
	.patch(
		'/:id',
		doc.patchById,
		validate('param', idParam),
		validate('json', routeAssignBody),
		async (c) => {
			const actor = requireActor(c);
			const { route, shard } = await routeOr404(c, actor, c.req.valid('param').id);
			ensure(canPlanRoutes(actor, route), 'assigning this route');
			if (route.status === 'cancelled')
				throw new ApiError('route_cancelled', 409, 'A cancelled route cannot be assigned');
			const db = c.get('db');
			const body = c.req.valid('json');
			await runBatch(shard, [
				await prepareAssignment(db, shard, route, body),
				statementOf(
					shard,
					audit(c, {
						kind: 'write',
						action: 'route.assign',
						entity: 'route',
						entityId: route.id,
						provinceCode: route.provinceCode,
						communeCode: route.communeCode,
						detail: { assigned: body.assigneeMemberId !== null }
					})
				)
			]);
			return c.json({ route: await getRoute(db, shard, route.id) }, 200);
		}
	)
	.post('/:id/cancel', doc.postByIdCancel, validate('param', idParam), async (c) => {
		const actor = requireActor(c);
		const { route, shard } = await routeOr404(c, actor, c.req.valid('param').id);
		ensure(canPlanRoutes(actor, route), 'cancelling this route');
		if (route.status === 'cancelled')
			throw new ApiError('route_cancelled', 409, 'This route is already cancelled');
		// A finished outing is the record of the work done: it stays as it is.
		if (route.status === 'done')
			throw new ApiError('route_done', 409, 'A finished route cannot be cancelled');
		const effect = await cancelEffect(shard, route.id);
		await runBatch(shard, [
			...cancelStatements(shard, route.id),
			statementOf(
				shard,
				audit(c, {
					kind: 'write',
					action: 'route.cancel',
					entity: 'route',
					entityId: route.id,
					provinceCode: route.provinceCode,
					communeCode: route.communeCode,
					detail: { status: route.status, keptStops: effect.kept, freedStops: effect.freed }
				})
			)
		]);
		return c.json({ route: await getRoute(c.get('db'), shard, route.id), ...effect }, 200);
	});
