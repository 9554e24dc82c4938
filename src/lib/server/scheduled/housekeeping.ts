/**
 * Housekeeping of the scheduled run: rows that only ever grow and are no use once expired.
 * Each is one DELETE on an indexed or small table; the counts go to the run's report.
 */
import { and, isNull, lt, lte, sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { invites, loginThrottle, sessions } from '../db/schema/index.ts';
import { THROTTLE_WINDOW_MS } from '../auth/throttle.ts';

/** An unused invite is kept this long past its expiry (the admin sees it expired), then deleted. */
export const EXPIRED_INVITE_KEEP_MS = 30 * 86_400_000;

export interface HousekeepingReport {
	sessions: number;
	throttle: number;
	invites: number;
}

/**
 * Deletes sessions past their expiry, throttle rows whose window and lock are both over (a
 * new failure starts a fresh row anyway), and invites never accepted that expired more than
 * 30 days ago. Accepted invites stay: they say who brought whom in.
 */
export async function housekeeping(db: Db, now: number): Promise<HousekeepingReport> {
	const [s, t, i] = await db.batch([
		db.delete(sessions).where(lt(sessions.expiresAt, now)),
		db
			.delete(loginThrottle)
			.where(
				and(
					lte(sql`${loginThrottle.windowStart} + ${THROTTLE_WINDOW_MS}`, now),
					lte(loginThrottle.lockedUntil, now)
				)
			),
		db
			.delete(invites)
			.where(and(isNull(invites.acceptedAt), lt(invites.expiresAt, now - EXPIRED_INVITE_KEEP_MS)))
	]);
	return {
		sessions: s.meta.changes ?? 0,
		throttle: t.meta.changes ?? 0,
		invites: i.meta.changes ?? 0
	};
}
