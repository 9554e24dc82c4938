/**
 * Erasure of a person's data (Law 91/2025): the statements, run by the caller in D1 batches
 * with the audit entry. A household is wholly in its province's shard: one batch, whole or not
 * at all. A member is in the global D1 and their visits and devices in their province's shard
 * (docs/sharding.md): the shard's batch runs first, so a failure before the global one leaves
 * the member not erased and a retry does it all (the shard's statements find nothing left).
 *
 * What stays, and why: the public metrics count households, their latest visit's outcome and
 * the services per visit, and active members. So an erased household becomes an anonymous
 * placeholder under a NEW id (nothing links it to the old one: no address, point, hamlet,
 * names or dates of its own), its visits move to it keeping only commune, time, outcome, adults
 * and service counts (no note, route, member, device or revisit date), and it leaves every
 * route. The placeholder takes its latest visit's status, and the visit state's triggers move
 * its service states to it (migrations/0012). An erased member keeps their row (team, role,
 * training status, active flag: the team's counts) without name or phone; their accounts lose login, name and password and are
 * disabled, their sessions and devices are removed, their pending invites revoked, and the
 * visits they recorded no longer name them.
 */
import type { Db } from '../db/client.ts';
import type { ShardDb } from '../db/shards.ts';
import { ERASED_NAME } from '../../domain/personal-data.ts';
import { householdStatusStatements } from '../db/writes/visits.ts';

/** Statements that erase household `oldId` behind the new anonymous id `newId`. */
export function eraseHouseholdStatements(
	shard: ShardDb,
	oldId: string,
	newId: string,
	now: number
): D1PreparedStatement[] {
	const d1 = shard.$client;
	return [
		d1
			.prepare(
				`INSERT INTO households (id, province_code, commune_code, hamlet_id, address, address_key,
					alley_key, lon, lat, location_status, adults, head_name, head_phone, consent,
					do_not_contact, priority, is_demo, created_at, erased_at)
				SELECT ?2, province_code, commune_code, NULL, '', '', '', NULL, NULL, 'needs_check', 0,
					NULL, NULL, 0, 1, 0, is_demo, ?3, ?3
				FROM households WHERE id = ?1 AND erased_at IS NULL`
			)
			.bind(oldId, newId, now),
		d1
			.prepare(
				`UPDATE visits SET household_id = ?2, route_id = NULL, member_id = NULL, note = NULL,
					revisit_on = NULL, device_id = NULL WHERE household_id = ?1 RETURNING 1`
			)
			.bind(oldId, newId),
		d1.prepare(`DELETE FROM route_stops WHERE household_id = ?1 RETURNING 1`).bind(oldId),
		d1.prepare(`DELETE FROM visit_conflicts WHERE household_id = ?1`).bind(oldId),
		d1.prepare(`DELETE FROM households WHERE id = ?1`).bind(oldId),
		// The placeholder takes the status of the visits it now holds (the metrics count it).
		...householdStatusStatements(shard, [{ householdId: newId, outcome: '' }])
	];
}

/** The accounts of member `?1`, as a sub-select. */
const ACCOUNTS = `SELECT id FROM users WHERE member_id = ?1`;

/** The account ids `?2` (a JSON array, read from the global users first), as a sub-select. */
const ACCOUNT_IDS = `SELECT value FROM json_each(?2)`;

/**
 * Statements that unlink member `memberId` and their accounts (`accountIds`) from the records
 * of their province's shard: visits, conflicts and sync devices. The first one's returned rows
 * count the visits kept.
 */
export function eraseMemberShardStatements(
	shard: ShardDb,
	memberId: string,
	accountIds: readonly string[]
): D1PreparedStatement[] {
	const d1 = shard.$client;
	const ids = JSON.stringify(accountIds);
	const run = (text: string) => d1.prepare(text).bind(memberId, ids);
	return [
		d1
			.prepare(
				`UPDATE visits SET member_id = NULL, device_id = NULL WHERE member_id = ?1 RETURNING 1`
			)
			.bind(memberId),
		run(
			`UPDATE visits SET device_id = NULL WHERE device_id IN
				(SELECT id FROM sync_devices WHERE user_id IN (${ACCOUNT_IDS}) OR member_id = ?1)`
		),
		run(
			`UPDATE visit_conflicts SET user_id = NULL, device_id = NULL WHERE user_id IN (${ACCOUNT_IDS})`
		),
		run(`DELETE FROM sync_devices WHERE user_id IN (${ACCOUNT_IDS}) OR member_id = ?1`)
	];
}

/** Statements that erase member `memberId` and their accounts in the global D1. */
export function eraseMemberStatements(
	db: Db,
	memberId: string,
	now: number
): D1PreparedStatement[] {
	const d1 = db.$client;
	const run = (text: string, ...more: unknown[]) => d1.prepare(text).bind(memberId, ...more);
	return [
		run(`DELETE FROM trusted_devices WHERE user_id IN (${ACCOUNTS})`),
		run(`DELETE FROM sessions WHERE user_id IN (${ACCOUNTS})`),
		run(
			`UPDATE invites SET revoked_at = ?2 WHERE accepted_at IS NULL AND revoked_at IS NULL
				AND (member_id = ?1 OR created_by IN (${ACCOUNTS}))`,
			now
		),
		run(`UPDATE invites SET note = NULL WHERE member_id = ?1`),
		run(
			`UPDATE users SET email = NULL, phone = NULL, display_name = ?2, password_hash = '',
				disabled = 1, erased_at = ?3 WHERE member_id = ?1`,
			ERASED_NAME,
			now
		),
		run(
			`UPDATE members SET full_name = ?2, phone = NULL, erased_at = ?3 WHERE id = ?1`,
			ERASED_NAME,
			now
		)
	];
}
