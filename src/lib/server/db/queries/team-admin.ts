/**
 * Scoped reads for the management pages: a commune's teams, members and hamlets. Every query
 * takes the province and commune (docs/style.md) and is served by the commune indexes.
 */
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../client.ts';
import { communes, hamlets, members, provinces, teams } from '../schema/index.ts';

/** A commune with its province (names for headings), or undefined. */
export async function getCommuneArea(db: Db, code: string) {
	const rows = await db
		.select({
			provinceCode: communes.provinceCode,
			communeCode: communes.code,
			name: communes.name,
			fullName: communes.fullName,
			provinceName: provinces.fullName
		})
		.from(communes)
		.innerJoin(provinces, eq(provinces.code, communes.provinceCode))
		.where(eq(communes.code, code));
	return rows[0];
}
export type CommuneArea = NonNullable<Awaited<ReturnType<typeof getCommuneArea>>>;

/** A commune's teams with active-member counts and hamlet names, by name. */
export function listTeams(db: Db, provinceCode: string, communeCode: string) {
	return db
		.select({
			id: teams.id,
			name: teams.name,
			hamletId: teams.hamletId,
			hamletName: hamlets.name,
			foundedOn: teams.foundedOn,
			active: teams.active,
			isDemo: teams.isDemo,
			memberCount: sql<number>`(select count(*) from ${members} where ${members.teamId} = ${teams.id} and ${members.active} = 1)`
		})
		.from(teams)
		.leftJoin(hamlets, eq(hamlets.id, teams.hamletId))
		.where(and(eq(teams.provinceCode, provinceCode), eq(teams.communeCode, communeCode)))
		.orderBy(asc(teams.name));
}

/** A team as GET /api/teams lists it. */
export type TeamListItem = Awaited<ReturnType<typeof listTeams>>[number];

/** One team by id, or undefined. */
export async function getTeam(db: Db, id: string) {
	const rows = await db.select().from(teams).where(eq(teams.id, id));
	return rows[0];
}
export type TeamRow = NonNullable<Awaited<ReturnType<typeof getTeam>>>;

/** A team's members (personal data: callers audit the read), leaders first, then by name. */
export function listMembers(db: Db, teamId: string) {
	return db
		.select()
		.from(members)
		.where(eq(members.teamId, teamId))
		.orderBy(asc(members.teamRole), asc(members.fullName));
}

/** A member as GET /api/teams/:id/members lists it. */
export type MemberListItem = Awaited<ReturnType<typeof listMembers>>[number];

/** One member by id, or undefined. */
export async function getMember(db: Db, id: string) {
	const rows = await db.select().from(members).where(eq(members.id, id));
	return rows[0];
}

/** A commune's hamlets, by name. */
export function listHamlets(db: Db, provinceCode: string, communeCode: string) {
	return db
		.select()
		.from(hamlets)
		.where(and(eq(hamlets.provinceCode, provinceCode), eq(hamlets.communeCode, communeCode)))
		.orderBy(asc(hamlets.name));
}

/** A hamlet as GET /api/hamlets lists it. */
export type HamletListItem = Awaited<ReturnType<typeof listHamlets>>[number];

/** One hamlet by id, or undefined. */
export async function getHamlet(db: Db, id: string) {
	const rows = await db.select().from(hamlets).where(eq(hamlets.id, id));
	return rows[0];
}

/** Members of a commune already holding any of these phone numbers. */
export async function membersWithPhones(
	db: Db,
	provinceCode: string,
	communeCode: string,
	phones: string[]
) {
	if (phones.length === 0) return [];
	const found: { id: string; phone: string | null; fullName: string }[] = [];
	// D1 allows 100 bound parameters per statement.
	for (let i = 0; i < phones.length; i += 90) {
		const rows = await db
			.select({ id: members.id, phone: members.phone, fullName: members.fullName })
			.from(members)
			.where(
				and(
					eq(members.provinceCode, provinceCode),
					eq(members.communeCode, communeCode),
					inArray(members.phone, phones.slice(i, i + 90))
				)
			);
		found.push(...rows);
	}
	return found;
}

/** Every team of a commune with its members (one row per member; teams without any once). */
export function communeRoster(db: Db, provinceCode: string, communeCode: string) {
	return db
		.select({ team: teams, hamletName: hamlets.name, member: members })
		.from(teams)
		.leftJoin(hamlets, eq(hamlets.id, teams.hamletId))
		.leftJoin(members, eq(members.teamId, teams.id))
		.where(and(eq(teams.provinceCode, provinceCode), eq(teams.communeCode, communeCode)))
		.orderBy(asc(teams.name), asc(members.teamRole), asc(members.fullName));
}

/** The teams of one hamlet of a commune (a large commune's planning page shows one hamlet). */
export async function teamIdsOfHamlet(
	db: Db,
	area: { provinceCode: string; communeCode: string },
	hamletId: string
): Promise<string[]> {
	const rows = await db
		.select({ id: teams.id })
		.from(teams)
		.where(
			and(
				eq(teams.provinceCode, area.provinceCode),
				eq(teams.communeCode, area.communeCode),
				eq(teams.hamletId, hamletId)
			)
		);
	return rows.map((r) => r.id);
}
