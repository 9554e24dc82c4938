/**
 * The part of a commune a caller plans and edits households in: the whole commune for admins,
 * the team's hamlet for the leader of a hamlet team (the whole commune for a commune-wide team).
 */
import type { Context } from 'hono';
import type { AuthEnv } from './env.ts';
import { ensure } from './env.ts';
import { getTeam } from '../../db/queries/team-admin.ts';
import type { Actor } from '../../../domain/scope.ts';

/** The hamlet a team leader is limited to, or null for the whole commune. */
export async function leaderHamlet(c: Context<AuthEnv>, actor: Actor): Promise<string | null> {
	if (actor.role !== 'team_leader' || !actor.teamId) return null;
	const team = await getTeam(c.get('db'), actor.teamId);
	return team?.hamletId ?? null;
}

/** 403 unless a hamlet-limited leader stays in their hamlet. */
export function ensureInHamlet(
	limit: string | null,
	hamletId: string | null | undefined,
	what: string
) {
	if (limit) ensure(hamletId === limit, what);
}

/** Today in Vietnam (revisit dates are local dates): domain/vn-time.ts. */
export { vnToday } from '../../../domain/vn-time.ts';
