/**
 * What Từng Ngõ holds about one person, read for a data-subject export (Law 91/2025): a
 * household with its visits and the routes it is on; a member with their accounts, invites,
 * assigned routes and the visits they recorded. Every read is keyed by the record's own id and
 * its commune (the caller checked the scope first).
 */
import { and, count, desc, eq, inArray, max } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
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
async function visitsWithServices(db: Db, where: ReturnType<typeof eq>) {
	const rows = await db.select().from(visits).where(where).orderBy(desc(visits.visitedAt));
	if (rows.length === 0) return [];
	const ids = rows.map((v) => v.id);
	const services: (typeof visitServices.$inferSelect)[] = [];
	for (let i = 0; i < ids.length; i += 90) {
		services.push(
			...(await db
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

/** Everything held about one household (the caller checked scope). */
export async function householdExport(db: Db, h: Household) {
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
	const onRoutes = await db
		.select({
			id: routes.id,
			name: routes.name,
			plannedOn: routes.plannedOn,
			session: routes.session,
			status: routes.status,
			teamId: routes.teamId,
			teamName: teams.name,
			seq: routeStops.seq,
			revisit: routeStops.revisit
		})
		.from(routeStops)
		.innerJoin(routes, eq(routes.id, routeStops.routeId))
		.innerJoin(teams, eq(teams.id, routes.teamId))
		.where(eq(routeStops.householdId, h.id));
	const [conflicts] = await db
		.select({ n: count() })
		.from(visitConflicts)
		.where(eq(visitConflicts.householdId, h.id));
	return {
		household: h,
		commune: commune ?? null,
		hamlet: hamlet ?? null,
		visits: await visitsWithServices(db, eq(visits.householdId, h.id)),
		routes: onRoutes,
		visitConflictsUnderReview: conflicts?.n ?? 0
	};
}

/** The accounts linked to a member, without password hashes, with their sessions and devices. */
async function memberAccounts(db: Db, memberId: string) {
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
			const devices = await db
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

/** Everything held about one member and their accounts (the caller checked scope). */
export async function memberExport(db: Db, m: Member) {
	const [team] = await db
		.select({ id: teams.id, name: teams.name, communeCode: teams.communeCode })
		.from(teams)
		.where(eq(teams.id, m.teamId));
	const accounts = await memberAccounts(db, m.id);
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
	const assigned = await db
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
	const recorded = await visitsWithServices(db, eq(visits.memberId, m.id));
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
