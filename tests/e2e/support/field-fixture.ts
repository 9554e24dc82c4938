/**
 * E2E fixture for field mode, written into the e2e local D1 before the server starts (run by
 * `npm run test:e2e`): a team in a commune of Thái Nguyên (not the demo commune the map tests count) with a member who has a login, and routes of
 * households placed around the commune's label point. Re-running replaces it (and the visits
 * earlier runs recorded for its households), so every run starts from the same state.
 *
 *   node tests/e2e/support/field-fixture.ts   (TUNG_NGO_PERSIST_DIR=.wrangler/e2e)
 */
import { eq, inArray, sql } from 'drizzle-orm';
import { withLocalDb } from '../../../scripts/lib/local-d1.ts';
import type { Db } from '../../../src/lib/server/db/client.ts';
import type { ShardDb } from '../../../src/lib/server/db/shards.ts';
import {
	communes,
	households,
	members,
	routes,
	routeStops,
	sessions,
	syncDevices,
	teams,
	users
} from '../../../src/lib/server/db/schema/index.ts';
import { createAccount } from '../../../src/lib/server/auth/accounts.ts';
import { insertHouseholds } from '../../../src/lib/server/db/writes/households.ts';
import { FIELD_FIXTURE as F } from './field-fixture-ids.ts';

/** Removes what an earlier run left: records from the commune's shard, the rest from global. */
async function clear(db: Db, shard: ShardDb) {
	const hh = (
		await shard
			.select({ id: households.id })
			.from(households)
			.where(sql`id LIKE ${F.householdPrefix + '%'}`)
	).map((r) => r.id);
	const user = await db.select().from(users).where(eq(users.email, F.email)).get();
	// Subqueries, not id lists: a long benchmark leaves thousands of visits (D1 caps variables).
	const mine = sql`SELECT id FROM households WHERE id LIKE ${F.householdPrefix + '%'}`;
	await shard.run(
		sql`DELETE FROM visit_services WHERE visit_id IN (SELECT id FROM visits WHERE household_id IN (${mine}))`
	);
	await shard.run(sql`DELETE FROM visits WHERE household_id IN (${mine})`);
	await shard.run(sql`DELETE FROM visit_conflicts WHERE household_id IN (${mine})`);
	await shard.run(sql`DELETE FROM route_stops WHERE household_id IN (${mine})`);
	await shard.delete(routes).where(
		inArray(
			routes.id,
			F.routes.map((r) => r.id)
		)
	);
	await shard.delete(households).where(inArray(households.id, hh.length ? hh : ['-']));
	if (user) {
		await db.delete(sessions).where(eq(sessions.userId, user.id));
		await shard.delete(syncDevices).where(eq(syncDevices.userId, user.id));
		await db.delete(users).where(eq(users.id, user.id));
	}
	await db.delete(members).where(eq(members.id, F.memberId));
	await db.delete(teams).where(eq(teams.id, F.teamId));
}

async function seed(db: Db, shard: ShardDb) {
	const c = await db.select().from(communes).where(eq(communes.code, F.communeCode)).get();
	if (!c?.labelLon || !c.labelLat) throw new Error(`commune ${F.communeCode} is not imported`);
	const now = Date.now();
	const area = { provinceCode: F.provinceCode, communeCode: F.communeCode };
	await db.insert(teams).values({
		id: F.teamId,
		...area,
		hamletId: null,
		name: 'Tổ thử nghiệm thực địa',
		foundedOn: null,
		active: true,
		isDemo: false,
		createdAt: now
	});
	await db.insert(members).values({
		id: F.memberId,
		teamId: F.teamId,
		...area,
		fullName: 'Lò Thị Thực Địa',
		phone: null,
		unionAffiliation: 'doan_thanh_nien',
		onetouchStatus: 'da_hoan_thanh',
		onetouchDate: '2025-09-01',
		teamRole: 'thanh_vien',
		active: true,
		isDemo: false,
		createdAt: now
	});
	await createAccount(db, {
		displayName: 'Lò Thị Thực Địa',
		email: F.email,
		password: F.password,
		role: 'member',
		...area,
		teamId: F.teamId,
		memberId: F.memberId
	});
	for (const r of F.routes) {
		const hh = Array.from({ length: r.stops }, (_, i) => ({
			id: `${F.householdPrefix}${r.id}-${i + 1}`,
			...area,
			address: `Số ${i * 2 + 1}, ngõ ${r.alley}, phố Chợ Chu`,
			adults: 3,
			lon: c.labelLon! + 0.0004 * i + r.offset,
			lat: c.labelLat! + 0.0003 * (i % 3) + r.offset,
			createdAt: now
		}));
		await insertHouseholds(db, shard, hh);
		await shard.insert(routes).values({
			id: r.id,
			...area,
			teamId: F.teamId,
			assigneeMemberId: F.memberId,
			name: r.name,
			plannedOn: '2026-11-23',
			status: 'assigned',
			createdAt: now
		});
		await shard
			.insert(routeStops)
			.values(hh.map((h, seq) => ({ routeId: r.id, seq, householdId: h.id, ...area })));
	}
}

await withLocalDb(async ({ db, shards }) => {
	const shard = shards.forProvince(F.provinceCode);
	await clear(db, shard);
	await seed(db, shard);
});
console.log(`✓ field fixture: ${F.email}, routes ${F.routes.map((r) => r.id).join(', ')}`);
