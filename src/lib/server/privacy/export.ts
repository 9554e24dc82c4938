/**
 * What Từng Ngõ holds about one person, read for a data-subject export (Law 91/2025): a
 * household with its visits and the routes it is on; a member with their accounts, invites,
 * assigned routes and the visits they recorded. Every read is keyed by the record's own id and
 * its commune (the caller checked the scope first). Households, routes, visits and sync devices
 * are read in the record's province shard, the rest in the global D1 (docs/sharding.md), and
 * never joined across the two in SQL.
 */
import { and, count, desc, eq, inArray, max } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import type { ShardDb } from '../db/shards.ts';
import {
	auditLog,
	communes,
	hamlets,
	households,
	invites,
	members,
	routeStops,
	routes,
	sessions,
	syncDevices,
	teams,
	trustedDevices,
	users,
	visitConflicts,
	visitServices,
	visits
} from '../db/schema/index.ts';

type Household = typeof households.$inferSelect;
type Member = typeof members.$inferSelect;

/** Visits with their per-service rows, newest first. */
async function visitsWithServices(shard: ShardDb, where: ReturnType<typeof eq>) {
	const rows = await shard.select().from(visits).where(where).orderBy(desc(visits.visitedAt));
	if (rows.length === 0) return [];
	const ids = rows.map((v) => v.id);
	const services: (typeof visitServices.$inferSelect)[] = [];
	for (let i = 0; i < ids.length; i += 90) {
		services.push(
			...(await shard
				.select()
				.from(visitServices)
				.where(inArray(visitServices.visitId, ids.slice(i, i + 90))))
		);
	}
	return rows.map((v) => ({
		...v,
		visitedAtIso: new Date(v.visitedAt).toISOString(),
		services: services
			.filter((s) => s.visitId === v.id)
			.map(({ serviceCode, adultsUsing, helped }) => ({ serviceCode, adultsUsing, helped }))
	}));
}

/** The routes a household is on, with their teams' names (teams are global: a second read). */
async function routesOf(db: Db, shard: ShardDb, householdId: string) {
	const stops = await shard
		.select({
			id: routes.id,
			name: routes.name,
			plannedOn: routes.plannedOn,
			session: routes.session,
			status: routes.status,
			teamId: routes.teamId,
			seq: routeStops.seq,
			revisit: routeStops.revisit
		})
		.from(routeStops)
		.innerJoin(routes, eq(routes.id, routeStops.routeId))
		.where(eq(routeStops.householdId, householdId));
	const teamIds = [...new Set(stops.map((r) => r.teamId))];
	const named =
		teamIds.length === 0
			? []
			: await db
					.select({ id: teams.id, name: teams.name })
					.from(teams)
					.where(inArray(teams.id, teamIds));
	const nameOf = new Map(named.map((tm) => [tm.id, tm.name]));
	// An inner join before the split: a route whose team is gone is not listed.
	return stops.flatMap(({ seq, revisit, ...r }) => {
		const teamName = nameOf.get(r.teamId);
		return teamName === undefined ? [] : [{ ...r, teamName, seq, revisit }];
	});
}

/**
 * Everything held about one household (the caller checked scope).
 * @param db the global D1 (commune, hamlet, team names); shard: the household's province shard.
 */
export async function householdExport(db: Db, shard: ShardDb, h: Household) {
	const [commune] = await db
		.select({ code: communes.code, name: communes.fullName, provinceCode: communes.provinceCode })
		.from(communes)
		.where(eq(communes.code, h.communeCode));
	const [hamlet] = h.hamletId
		? await db
				.select({ id: hamlets.id, name: hamlets.name, kind: hamlets.kind })
				.from(hamlets)
				.where(eq(hamlets.id, h.hamletId))
		: [];
	const onRoutes = await routesOf(db, shard, h.id);
	const [conflicts] = await shard
		.select({ n: count() })
		.from(visitConflicts)
		.where(eq(visitConflicts.householdId, h.id));
	return {
		household: h,
		commune: commune ?? null,
		hamlet: hamlet ?? null,
		visits: await visitsWithServices(shard, eq(visits.householdId, h.id)),
		routes: onRoutes,
		visitConflictsUnderReview: conflicts?.n ?? 0
	};
}

/**
 * The accounts linked to a member, without password hashes, with their sessions and devices
 * (sync devices are in the member's province shard).
 */
async function memberAccounts(db: Db, shard: ShardDb, memberId: string) {
	const accounts = await db.select().from(users).where(eq(users.memberId, memberId));
	return Promise.all(
		accounts.map(async ({ passwordHash: _hash, ...u }) => {
			const [s] = await db
				.select({ n: count(), lastSeenAt: max(sessions.lastSeenAt) })
				.from(sessions)
				.where(eq(sessions.userId, u.id));
			const [trusted] = await db
				.select({ n: count() })
				.from(trustedDevices)
				.where(eq(trustedDevices.userId, u.id));
			const devices = await shard
				.select({
					id: syncDevices.id,
					firstSeenAt: syncDevices.firstSeenAt,
					lastSeenAt: syncDevices.lastSeenAt
				})
				.from(syncDevices)
				.where(eq(syncDevices.userId, u.id));
			const [acted] = await db
				.select({ n: count() })
				.from(auditLog)
				.where(eq(auditLog.actorUserId, u.id));
			return {
				...u,
				passwordSet: true,
				sessions: { count: s?.n ?? 0, lastSeenAt: s?.lastSeenAt ?? null },
				trustedDevices: trusted?.n ?? 0,
				syncDevices: devices,
				auditEntriesAsActor: acted?.n ?? 0
			};
		})
	);
}

/**
 * Everything held about one member and their accounts (the caller checked scope).
 * @param db the global D1 (member, team, accounts, invites); shard: the member's province shard.
 */
export async function memberExport(db: Db, shard: ShardDb, m: Member) {
	const [team] = await db
		.select({ id: teams.id, name: teams.name, communeCode: teams.communeCode })
		.from(teams)
		.where(eq(teams.id, m.teamId));
	const accounts = await memberAccounts(db, shard, m.id);
	const invited = await db
		.select({
			id: invites.id,
			role: invites.role,
			note: invites.note,
			scopeCommuneCode: invites.scopeCommuneCode,
			scopeTeamId: invites.scopeTeamId,
			createdAt: invites.createdAt,
			expiresAt: invites.expiresAt,
			acceptedAt: invites.acceptedAt,
			revokedAt: invites.revokedAt
		})
		.from(invites)
		.where(eq(invites.memberId, m.id));
	const assigned = await shard
		.select({
			id: routes.id,
			name: routes.name,
			plannedOn: routes.plannedOn,
			status: routes.status,
			teamId: routes.teamId
		})
		.from(routes)
		.where(
			and(
				eq(routes.provinceCode, m.provinceCode),
				eq(routes.communeCode, m.communeCode),
				eq(routes.assigneeMemberId, m.id)
			)
		);
	const recorded = await visitsWithServices(shard, eq(visits.memberId, m.id));
	return {
		member: m,
		team: team ?? null,
		accounts,
		invites: invited,
		routesAssigned: assigned,
		// The households' own data is theirs, not the member's: ids, times and outcomes only.
		visitsRecorded: recorded.map((v) => ({
			id: v.id,
			householdId: v.householdId,
			communeCode: v.communeCode,
			routeId: v.routeId,
			visitedAt: v.visitedAt,
			visitedAtIso: v.visitedAtIso,
			outcome: v.outcome,
			peopleHelped: v.peopleHelped,
			services: v.services
		}))
	};
}
