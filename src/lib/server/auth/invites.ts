/**
 * Invitations: resolving the scope an inviter asks for, and accepting a link. The token is
 * shown once (link + QR code) and stored only as its SHA-256.
 */
import { eq } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { invites, users } from '../db/schema/index.ts';
import { canInvite, type Grant } from '../../domain/scope.ts';
import { toActor } from './users.ts';
import type { Role } from '../../domain/roles.ts';
import { getCommuneArea, getMember, getTeam } from '../db/queries/team-admin.ts';
import { randomToken, sha256Hex } from './crypto.ts';

/** An invite link is valid this long. */
export const INVITE_TTL_MS = 14 * 24 * 60 * 60 * 1000;

export interface InviteRequest {
	role: Role;
	provinceCode?: string | null;
	communeCode?: string | null;
	teamId?: string | null;
	memberId?: string | null;
}

/**
 * The full grant an invite request means: the province comes from the commune, the commune
 * from the team. Returns an error (field and reason) when the pieces do not fit together.
 */
export async function resolveGrant(
	db: Db,
	r: InviteRequest
): Promise<{ grant: Grant; memberId: string | null } | { field: string; error: string }> {
	let { provinceCode = null, communeCode = null } = r;
	const teamId = r.teamId ?? null;
	if (teamId) {
		const team = await getTeam(db, teamId);
		if (!team) return { field: 'teamId', error: 'no such team' };
		if (communeCode && communeCode !== team.communeCode) {
			return { field: 'teamId', error: 'the team is not in this commune' };
		}
		communeCode = team.communeCode;
	}
	if (communeCode) {
		const area = await getCommuneArea(db, communeCode);
		if (!area) return { field: 'communeCode', error: `no commune with code ${communeCode}` };
		if (provinceCode && provinceCode !== area.provinceCode) {
			return { field: 'communeCode', error: 'the commune is not in this province' };
		}
		provinceCode = area.provinceCode;
	}
	const memberId = r.memberId ?? null;
	if (memberId) {
		const m = await getMember(db, memberId);
		if (!m || m.teamId !== teamId) return { field: 'memberId', error: 'not a member of this team' };
		if (await memberHasAccount(db, memberId))
			return { field: 'memberId', error: 'this member already has an account' };
	}
	return { grant: { role: r.role, provinceCode, communeCode, teamId }, memberId };
}

/** True when an account already acts as this member (two logins must never share one). */
export async function memberHasAccount(db: Db, memberId: string): Promise<boolean> {
	const rows = await db.select({ id: users.id }).from(users).where(eq(users.memberId, memberId));
	return rows.length > 0;
}

/**
 * Why the person who made an invite can no longer stand behind it — disabled, gone, or no
 * longer allowed to grant that role and scope — or null when the invite still holds.
 */
export async function inviterGone(db: Db, createdBy: string, grant: Grant): Promise<string | null> {
	const rows = await db.select().from(users).where(eq(users.id, createdBy));
	const inviter = rows[0];
	if (!inviter || inviter.disabled) return 'the person who made this invite can no longer invite';
	if (!canInvite(toActor(inviter), grant))
		return 'the person who made this invite can no longer grant it';
	return null;
}

/** A new invite's row and its one-time token. */
export async function newInvite(
	grant: Grant,
	memberId: string | null,
	note: string | null,
	createdBy: string,
	now = Date.now()
) {
	const token = randomToken(32);
	const row = {
		id: crypto.randomUUID(),
		tokenHash: await sha256Hex(token),
		role: grant.role,
		scopeProvinceCode: grant.provinceCode,
		scopeCommuneCode: grant.communeCode,
		scopeTeamId: grant.teamId,
		memberId,
		note,
		createdBy,
		createdAt: now,
		expiresAt: now + INVITE_TTL_MS
	};
	return { token, row };
}

/** Marks an invite accepted by a user (used in the accept batch). */
export function markAccepted(db: Db, inviteId: string, userId: string, now = Date.now()) {
	return db
		.update(invites)
		.set({ acceptedAt: now, acceptedBy: userId })
		.where(eq(invites.id, inviteId));
}

/** Why an invite row cannot be used now, or null when it can. */
export function inviteUnusable(
	row: { acceptedAt: number | null; revokedAt: number | null; expiresAt: number },
	now = Date.now()
): string | null {
	if (row.revokedAt) return 'revoked';
	if (row.acceptedAt) return 'used';
	if (row.expiresAt <= now) return 'expired';
	return null;
}
