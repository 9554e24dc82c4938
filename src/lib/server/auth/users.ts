/** Account records: lookup by login, creation, and the view of a user that leaves the server. */
import { eq } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { users } from '../db/schema/index.ts';
import type { Actor } from '../../domain/scope.ts';
import type { Role } from '../../domain/roles.ts';
import { hashPassword } from './password.ts';

export type UserRow = typeof users.$inferSelect;

/** The user for a normalised phone or e-mail, or undefined. */
export async function findUserByLogin(
	db: Db,
	login: { kind: 'phone' | 'email'; value: string }
): Promise<UserRow | undefined> {
	const column = login.kind === 'phone' ? users.phone : users.email;
	const rows = await db.select().from(users).where(eq(column, login.value));
	return rows[0];
}

/** One user by id, or undefined. */
export async function getUser(db: Db, id: string): Promise<UserRow | undefined> {
	const rows = await db.select().from(users).where(eq(users.id, id));
	return rows[0];
}

/** What the rules need to know about a logged-in user. */
export function toActor(u: UserRow): Actor {
	return {
		userId: u.id,
		role: u.role,
		provinceCode: u.scopeProvinceCode,
		communeCode: u.scopeCommuneCode,
		teamId: u.scopeTeamId,
		memberId: u.memberId
	};
}

/** A user as the API returns it: never the password hash. */
export function userView(u: UserRow) {
	return {
		id: u.id,
		displayName: u.displayName,
		email: u.email,
		phone: u.phone,
		role: u.role,
		provinceCode: u.scopeProvinceCode,
		communeCode: u.scopeCommuneCode,
		teamId: u.scopeTeamId,
		memberId: u.memberId,
		disabled: u.disabled,
		createdAt: u.createdAt
	};
}
export type UserView = ReturnType<typeof userView>;

export interface NewUser {
	displayName: string;
	email: string | null;
	phone: string | null;
	password: string;
	role: Role;
	provinceCode: string | null;
	communeCode: string | null;
	teamId: string | null;
	memberId?: string | null;
}

/** The insert for a new account (password hashed here), for use alone or in a batch. */
export async function userInsert(
	db: Db,
	u: NewUser,
	id: string = crypto.randomUUID(),
	now = Date.now()
) {
	const row = {
		id,
		displayName: u.displayName,
		email: u.email,
		phone: u.phone,
		passwordHash: await hashPassword(u.password),
		role: u.role,
		scopeProvinceCode: u.provinceCode,
		scopeCommuneCode: u.communeCode,
		scopeTeamId: u.teamId,
		memberId: u.memberId ?? null,
		createdAt: now
	};
	return { id, query: db.insert(users).values(row) };
}
