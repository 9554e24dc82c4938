import { Hono } from 'hono';
import { ApiError } from '../errors.ts';
import { validate } from '../validation.ts';
import type { AuthEnv } from '../middleware/env.ts';
import { sha256Hex } from '../../auth/crypto.ts';
import { findInviteByHash } from '../../db/queries/accounts.ts';
import { getCommuneArea, getTeam } from '../../db/queries/team-admin.ts';
import { getProvince } from '../../db/queries/admin-units.ts';
import { inviterGone, inviteUnusable, markAccepted, memberHasAccount } from '../../auth/invites.ts';
import { countAttempt, keyLockedUntil } from '../../auth/throttle.ts';
import { findUserByLogin, getUser, userInsert, userView } from '../../auth/users.ts';
import { createSession } from '../../auth/session.ts';
import { sessionCookie } from '../../auth/cookie.ts';
import { auditInsert } from '../../auth/audit.ts';
import { runBatch } from '../../db/writes/team-admin.ts';
import { inviteAccept, tokenParam } from './invites-input.ts';
import type { Db } from '../../db/client.ts';
import { invitesTokenOps as doc } from '../openapi/operations/public.ts';

async function openInvite(db: Db, token: string) {
	const row = await findInviteByHash(db, await sha256Hex(token));
	if (!row) throw new ApiError('invite_not_found', 404, 'This invite link is not valid');
	const why = inviteUnusable(row);
	if (why) throw new ApiError(`invite_${why}`, 410, `This invite link is ${why}`);
	return row;
}

/** "This login is taken" answers one invite link may give: enough for typos, too few to probe. */
export const LOGIN_TAKEN_LIMIT = 5;

/**
 * 409 `login_taken` when the phone or e-mail already has an account. Each such answer counts
 * against the invite link; past LOGIN_TAKEN_LIMIT the link answers 429 for a while, so it
 * cannot be used to find out which logins exist.
 */
async function checkLoginsFree(
	db: Db,
	inviteId: string,
	body: { phone?: string | null; email?: string | null }
) {
	const key = `invite:${inviteId}`;
	const until = await keyLockedUntil(db, key);
	if (until) {
		throw new ApiError(
			'too_many_attempts',
			429,
			`Too many logins tried with this link; try again in ${Math.ceil((until - Date.now()) / 60_000)} min`
		);
	}
	for (const kind of ['phone', 'email'] as const) {
		const value = body[kind];
		if (value && (await findUserByLogin(db, { kind, value }))) {
			await countAttempt(db, key, LOGIN_TAKEN_LIMIT);
			throw new ApiError(
				'login_taken',
				409,
				`${kind}: an account with this ${kind} already exists`,
				{
					field: kind
				}
			);
		}
	}
}

/** Names for the scope an invite grants (no personal data: place and team names only). */
async function describe(db: Db, row: Awaited<ReturnType<typeof openInvite>>) {
	const commune = row.scopeCommuneCode ? await getCommuneArea(db, row.scopeCommuneCode) : undefined;
	const province = row.scopeProvinceCode ? await getProvince(db, row.scopeProvinceCode) : undefined;
	const team = row.scopeTeamId ? await getTeam(db, row.scopeTeamId) : undefined;
	return {
		role: row.role,
		provinceName: province?.fullName ?? null,
		communeName: commune?.fullName ?? null,
		communeCode: row.scopeCommuneCode,
		teamName: team?.name ?? null,
		note: row.note,
		expiresAt: row.expiresAt
	};
}

/** What GET /api/invites/token/:token answers as `invite` (public: place and team names only). */
export type InvitePreview = Awaited<ReturnType<typeof describe>>;

/** Public: what an invite link offers, and accepting it (creates the account, logs in). */
export const inviteTokenApi = new Hono<AuthEnv>()
	.get('/:token', doc.getByToken, validate('param', tokenParam), async (c) => {
		const db = c.get('db');
		const row = await openInvite(db, c.req.valid('param').token);
		return c.json({ invite: await describe(db, row) }, 200);
	})
	.post(
		'/:token/accept',
		doc.postByTokenAccept,
		validate('param', tokenParam),
		validate('json', inviteAccept),
		async (c) => {
			const db = c.get('db');
			const row = await openInvite(db, c.req.valid('param').token);
			const body = c.req.valid('json');
			const grant = {
				role: row.role,
				provinceCode: row.scopeProvinceCode,
				communeCode: row.scopeCommuneCode,
				teamId: row.scopeTeamId
			};
			const gone = await inviterGone(db, row.createdBy, grant);
			if (gone) throw new ApiError('invite_revoked', 410, `This invite link is revoked: ${gone}`);
			if (row.memberId && (await memberHasAccount(db, row.memberId)))
				throw new ApiError('invite_used', 410, 'This member already has an account');
			await checkLoginsFree(db, row.id, body);
			// The account takes the invite's id: a second accept of the same link fails on the
			// primary key and its whole batch rolls back, so a link makes exactly one account.
			const { query, id } = await userInsert(
				db,
				{
					displayName: body.displayName,
					email: body.email ?? null,
					phone: body.phone ?? null,
					password: body.password,
					role: row.role,
					provinceCode: row.scopeProvinceCode,
					communeCode: row.scopeCommuneCode,
					teamId: row.scopeTeamId,
					memberId: row.memberId
				},
				row.id
			);
			const actor = {
				userId: id,
				role: row.role,
				provinceCode: row.scopeProvinceCode,
				communeCode: row.scopeCommuneCode,
				teamId: row.scopeTeamId,
				memberId: row.memberId
			};
			try {
				await runBatch(db, [
					query,
					markAccepted(db, row.id, id),
					auditInsert(
						db,
						actor,
						{
							kind: 'auth',
							action: 'invite.accept',
							entity: 'invite',
							entityId: row.id,
							provinceCode: row.scopeProvinceCode,
							communeCode: row.scopeCommuneCode,
							detail: { role: row.role }
						},
						c.get('requestId')
					)
				]);
			} catch {
				throw new ApiError('invite_used', 410, 'This invite link is used');
			}
			const s = await createSession(db, id);
			c.header('Set-Cookie', sessionCookie(s.token, s.expiresAt));
			const user = await getUser(db, id);
			return c.json({ user: user ? userView(user) : null }, 201);
		}
	);
