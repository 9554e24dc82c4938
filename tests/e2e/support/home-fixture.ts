/**
 * The leader's-day e2e fixture, written into the e2e D1 around the demo accounts: two outings
 * of the demo leader's team for the demo member (today and in three days) over households of
 * the team's hamlet that no route holds, two visits on today's, and the member's phone holding
 * unsent visits for two days. Ids start with `e2e-home-`; `clearHomeFixture` removes them all.
 * The records go to the demo province's shard (docs/sharding.md), the rest is read from global.
 */
import { withLocalDb } from '../../../scripts/lib/local-d1.ts';
import type { AnyDb, Db } from '../../../src/lib/server/db/client.ts';
import type { ShardDb } from '../../../src/lib/server/db/shards.ts';
import { E2E_PERSIST } from './e2e-db.ts';

export const LEADER = { login: 'totruong@demo.tungngo.vn', password: 'demo-to-truong' };
export const MEMBER = { login: 'thanhvien@demo.tungngo.vn', password: 'demo-thanh-vien' };
export const TODAY_ROUTE = { id: 'e2e-home-today', name: 'Chuyến thử sáng nay', stops: 4 };
/** The demo's province (Thái Nguyên): its shard holds the fixture's records. */
export const DEMO_PROVINCE = '19';
export const LATER_ROUTE = { id: 'e2e-home-later', name: 'Chuyến thử buổi chiều', stops: 2 };
const DEVICE = 'e2e-home-device';
const DAY = 86_400_000;

export interface HomeFixture {
	teamId: string;
	teamName: string;
	hamletId: string;
	memberName: string;
	today: string;
}

const vnDay = (ms: number) => new Date(ms + 7 * 3_600_000).toISOString().slice(0, 10);

async function all<T>(db: AnyDb, text: string, ...binds: unknown[]): Promise<T[]> {
	return (
		await db.$client
			.prepare(text)
			.bind(...binds)
			.all<T>()
	).results;
}

async function clear(db: ShardDb) {
	await db.$client.batch([
		db.$client.prepare(`DELETE FROM visits WHERE id LIKE 'e2e-home-%'`),
		// The households' status back to their own latest visit (or none).
		db.$client.prepare(
			`UPDATE households SET (last_visit_id, last_outcome, last_visit_at) = (SELECT v.id,
			v.outcome, v.visited_at FROM visits v WHERE v.household_id = households.id
			ORDER BY v.visited_at DESC LIMIT 1) WHERE last_visit_id LIKE 'e2e-home-%'`
		),
		db.$client.prepare(`DELETE FROM route_stops WHERE route_id LIKE 'e2e-home-%'`),
		db.$client.prepare(`DELETE FROM routes WHERE id LIKE 'e2e-home-%'`),
		db.$client.prepare(`DELETE FROM sync_devices WHERE id = ?`).bind(DEVICE)
	]);
}

/** Removes every row of the fixture. */
export function clearHomeFixture(): Promise<void> {
	return withLocalDb(({ shards }) => clear(shards.forProvince(DEMO_PROVINCE)), E2E_PERSIST);
}

interface Who {
	teamId: string;
	teamName: string;
	hamletId: string;
	memberId: string;
	memberName: string;
	userId: string;
	communeCode: string;
	provinceCode: string;
}

async function who(db: Db): Promise<Who> {
	const [w] = await all<Who>(
		db,
		`SELECT l.scope_team_id AS teamId, t.name AS teamName, t.hamlet_id AS hamletId, m.id AS memberId,
			m.full_name AS memberName, u.id AS userId, t.commune_code AS communeCode,
			t.province_code AS provinceCode
		FROM users l JOIN teams t ON t.id = l.scope_team_id
		JOIN users u ON u.email = ?2 JOIN members m ON m.id = u.member_id
		WHERE l.email = ?1`,
		LEADER.login,
		MEMBER.login
	);
	if (!w?.hamletId) throw new Error('the demo leader has no hamlet team: run the demo seed');
	return w;
}

/** Households of the hamlet that no route holds (the fixture's outings take them). */
async function gapHouseholds(db: ShardDb, hamletId: string, n: number): Promise<string[]> {
	const rows = await all<{ id: string }>(
		db,
		`SELECT h.id FROM households h WHERE h.hamlet_id = ?1 AND h.do_not_contact = 0
		AND NOT EXISTS (SELECT 1 FROM route_stops s WHERE s.household_id = h.id AND s.revisit = 0)
		ORDER BY h.id LIMIT ?2`,
		hamletId,
		n
	);
	if (rows.length < n) throw new Error('the demo hamlet has too few households without a route');
	return rows.map((r) => r.id);
}

/** The inserts of one outing for the member, its stops in order. */
function outing(
	db: ShardDb,
	w: Who,
	r: { id: string; name: string; day: string; session: string; status: string },
	householdIds: string[],
	now: number
): D1PreparedStatement[] {
	const d1 = db.$client;
	return [
		d1
			.prepare(
				`INSERT INTO routes (id, province_code, commune_code, team_id, assignee_member_id, name,
				planned_on, session, status, estimated_minutes, is_demo, created_at)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 130, 0, ?)`
			)
			.bind(
				r.id,
				w.provinceCode,
				w.communeCode,
				w.teamId,
				w.memberId,
				r.name,
				r.day,
				r.session,
				r.status,
				now
			),
		...householdIds.map((h, i) =>
			d1
				.prepare(
					`INSERT INTO route_stops (route_id, seq, household_id, province_code, commune_code, revisit)
					VALUES (?, ?, ?, ?, ?, 0)`
				)
				.bind(r.id, i + 1, h, w.provinceCode, w.communeCode)
		)
	];
}

/**
 * A visit that met someone, recorded `n` hours ago on today's outing, and the household's status
 * as a visit write keeps it (the day's progress counts households by it).
 */
function visit(db: ShardDb, w: Who, n: number, householdId: string, now: number) {
	return [visitRow(db, w, n, householdId, now), status(db, n, householdId, now)];
}

function status(db: ShardDb, n: number, householdId: string, now: number) {
	return db.$client
		.prepare(
			`UPDATE households SET last_visit_id = ?, last_outcome = 'met', last_visit_at = ?
			WHERE id = ? AND (last_visit_at IS NULL OR last_visit_at < ?)`
		)
		.bind(`e2e-home-visit-${n}`, now - n * 3_600_000, householdId, now - n * 3_600_000);
}

function visitRow(db: ShardDb, w: Who, n: number, householdId: string, now: number) {
	return db.$client
		.prepare(
			`INSERT INTO visits (id, province_code, commune_code, household_id, route_id, member_id,
			visited_at, outcome, adults, people_helped, payload_hash, is_demo, received_at)
			VALUES (?, ?, ?, ?, ?, ?, ?, 'met', 2, 1, ?, 0, ?)`
		)
		.bind(
			`e2e-home-visit-${n}`,
			w.provinceCode,
			w.communeCode,
			householdId,
			TODAY_ROUTE.id,
			w.memberId,
			now - n * 3_600_000,
			`e2e-home-hash-${n}`,
			now
		);
}

/** The member's phone: last seen two days ago holding three unsent visits. */
function silentPhone(db: ShardDb, w: Who, now: number) {
	return db.$client
		.prepare(
			`INSERT INTO sync_devices (id, user_id, member_id, first_seen_at, last_seen_at, pending,
			oldest_pending_at) VALUES (?, ?, ?, ?, ?, 3, ?)`
		)
		.bind(DEVICE, w.userId, w.memberId, now - 30 * DAY, now - 2 * DAY, now - 2 * DAY - 3_600_000);
}

/** Writes the fixture (after clearing an earlier one). */
export function seedHomeFixture(now = Date.now()): Promise<HomeFixture> {
	return withLocalDb(async ({ db: global, shards }) => {
		const w = await who(global);
		const db = shards.forProvince(w.provinceCode);
		await clear(db);
		const ids = await gapHouseholds(db, w.hamletId, TODAY_ROUTE.stops + LATER_ROUTE.stops);
		const today = vnDay(now);
		const later = { day: vnDay(now + 3 * DAY), session: 'afternoon', status: 'assigned' };
		await db.$client.batch([
			...outing(
				db,
				w,
				{ ...TODAY_ROUTE, day: today, session: 'morning', status: 'in_progress' },
				ids.slice(0, TODAY_ROUTE.stops),
				now
			),
			...outing(db, w, { ...LATER_ROUTE, ...later }, ids.slice(TODAY_ROUTE.stops), now),
			...visit(db, w, 1, ids[0]!, now),
			...visit(db, w, 2, ids[1]!, now),
			silentPhone(db, w, now)
		]);
		const { teamId, teamName, hamletId, memberName } = w;
		return { teamId, teamName, hamletId, memberName, today };
	}, E2E_PERSIST);
}

/** One query's rows on the e2e global D1 (for checks after the page acted). */
export function e2eRows<T>(text: string, ...binds: unknown[]): Promise<T[]> {
	return withLocalDb(({ db }) => all<T>(db, text, ...binds), E2E_PERSIST);
}

/** One query's rows on the demo province's shard (households, routes, visits). */
export function e2eShardRows<T>(text: string, ...binds: unknown[]): Promise<T[]> {
	return withLocalDb(
		({ shards }) => all<T>(shards.forProvince(DEMO_PROVINCE), text, ...binds),
		E2E_PERSIST
	);
}
