/**
 * Field mode reads (issue 6): the routes the caller walks, and one route's offline pack: the
 * route, its stops with only what a visit needs (address, adults, point, status, what was
 * recorded on this route — never the head of household's name or phone), and the commune's
 * extent for the offline map.
 * GET /api/field/routes · GET /api/field/routes/:id
 * Reading a pack is a read of personal data (addresses, points): it is audited.
 * Routes and households are read from the caller's province shard (recordShard); a national
 * admin's list is kept to the province their page names.
 */
import { Hono } from 'hono';
import { z } from 'zod';
import { ApiError } from '../errors.ts';
import { validate } from '../validation.ts';
import { ensure, noStore, requireActor, type AuthEnv } from '../middleware/env.ts';
import { auditNow } from '../middleware/scope.ts';
import { PROVINCE_HEADER, recordShard } from '../middleware/shard.ts';
import {
	canWalkRoute,
	getRoute,
	listFieldRoutes,
	packCommune,
	routePackStops
} from '../../db/queries/field-routes.ts';
import { basemapStyleUrl } from '../../basemap/config.ts';
import { fieldOps as doc } from '../openapi/operations/records.ts';

const idParam = z.object({ id: z.string().min(1).max(64) });

export const fieldApi = new Hono<AuthEnv>()
	.use(noStore)
	.get('/routes', doc.getRoutes, async (c) => {
		const actor = requireActor(c);
		const province = actor.provinceCode ?? c.req.header(PROVINCE_HEADER) ?? null;
		const routes = await listFieldRoutes(recordShard(c, actor), actor, province);
		await auditNow(c, {
			kind: 'read',
			action: 'field.routes.read',
			entity: 'route',
			provinceCode: actor.provinceCode,
			communeCode: actor.communeCode,
			detail: { rows: routes.length }
		});
		return c.json({ routes, memberId: actor.memberId });
	})
	.get('/routes/:id', doc.getRoutesById, validate('param', idParam), async (c) => {
		const actor = requireActor(c);
		const shard = recordShard(c, actor);
		const route = await getRoute(shard, c.req.valid('param').id);
		if (!route) throw new ApiError('route_not_found', 404, 'No such route');
		ensure(canWalkRoute(actor, route), 'open this route');
		const [stops, commune] = await Promise.all([
			routePackStops(shard, route),
			packCommune(c.get('db'), route.communeCode)
		]);
		await auditNow(c, {
			kind: 'read',
			action: 'route.pack',
			entity: 'route',
			entityId: route.id,
			provinceCode: route.provinceCode,
			communeCode: route.communeCode,
			detail: { stops: stops.length }
		});
		return c.json({
			route: {
				id: route.id,
				name: route.name,
				plannedOn: route.plannedOn,
				status: route.status,
				provinceCode: route.provinceCode,
				communeCode: route.communeCode,
				distanceM: route.distanceM,
				estimatedMinutes: route.estimatedMinutes,
				/** How the member gets about: passed to the phone's map app for directions. */
				travelMode: route.travelMode
			},
			commune,
			stops,
			memberId: actor.memberId,
			/** The configured base map style (its tiles are saved at walking zooms), or null. */
			basemapStyleUrl: basemapStyleUrl(c.env),
			packedAt: Date.now()
		});
	});
