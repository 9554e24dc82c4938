/** Account and invite reads for admins, always within a province or commune scope. */
import { and, desc, eq, isNull, type SQL } from 'drizzle-orm';
import type { Db } from '../client.ts';
import { invites, users } from '../schema/index.ts';

export interface ScopeFilter {
	provinceCode: string | null;
	communeCode: string | null;
	teamId?: string | null;
}

function usersWhere(f: ScopeFilter): SQL | undefined {
	const parts: SQL[] = [];
	if (f.provinceCode) parts.push(eq(users.scopeProvinceCode, f.provinceCode));
	if (f.communeCode) parts.push(eq(users.scopeCommuneCode, f.communeCode));
	if (f.teamId) parts.push(eq(users.scopeTeamId, f.teamId));
	return parts.length ? and(...parts) : undefined;
}

/** Accounts of a scope (users_scope_idx), newest first; never the password hash. */
export function listUsers(db: Db, f: ScopeFilter, limit = 500) {
	// Erased accounts (issue 13) are placeholders with nothing left to manage: never listed.
	return db
		.select({
			id: users.id,
			displayName: users.displayName,
			email: users.email,
			phone: users.phone,
			role: users.role,
			provinceCode: users.scopeProvinceCode,
			communeCode: users.scopeCommuneCode,
			teamId: users.scopeTeamId,
			memberId: users.memberId,
			disabled: users.disabled,
			createdAt: users.createdAt
		})
		.from(users)
		.where(and(usersWhere(f), isNull(users.erasedAt)))
		.orderBy(desc(users.createdAt))
		.limit(limit);
}

/** Invites of a scope (invites_scope_idx), newest first; never the token hash. */
export function listInvites(db: Db, f: ScopeFilter, limit = 200) {
	const parts: SQL[] = [];
	if (f.provinceCode) parts.push(eq(invites.scopeProvinceCode, f.provinceCode));
	if (f.communeCode) parts.push(eq(invites.scopeCommuneCode, f.communeCode));
	if (f.teamId) parts.push(eq(invites.scopeTeamId, f.teamId));
	return db
		.select({
			id: invites.id,
			role: invites.role,
			provinceCode: invites.scopeProvinceCode,
			communeCode: invites.scopeCommuneCode,
			teamId: invites.scopeTeamId,
			memberId: invites.memberId,
			note: invites.note,
			createdBy: invites.createdBy,
			createdAt: invites.createdAt,
			expiresAt: invites.expiresAt,
			acceptedAt: invites.acceptedAt,
			revokedAt: invites.revokedAt
		})
		.from(invites)
		.where(parts.length ? and(...parts) : undefined)
		.orderBy(desc(invites.createdAt))
		.limit(limit);
}

/** The open (not accepted, not revoked) invite for a token hash, or undefined. */
export async function findInviteByHash(db: Db, tokenHash: string) {
	const rows = await db
		.select()
		.from(invites)
		.where(and(eq(invites.tokenHash, tokenHash), isNull(invites.revokedAt)));
	return rows[0];
}

/** One invite by id, or undefined. */
export async function getInvite(db: Db, id: string) {
	const rows = await db.select().from(invites).where(eq(invites.id, id));
	return rows[0];
}
