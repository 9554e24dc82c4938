/**
 * The status columns a visit write keeps on each household (latest outcome, time, revisit date,
 * not-home streak) against the real local D1: they equal what the household's visits say, in
 * whatever order the visits arrive; and a leader's day counted from grouped households
 * (progressGroups) equals the count over every household one by one; a commune too large to
 * list whole comes a hamlet at a time.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import type { TestDb } from './support/db.ts';
import { useSeededDb } from './support/seeded-db.ts';
import {
	AREAS,
	call,
	makeHamlet,
	makeTeam,
	makeUser,
	shardOf
} from './support/accounts-factory.ts';
import {
	household,
	insertHouseholdsIn,
	insertVisitsIn,
	visitId
} from './support/records-factory.ts';
import { DAY_MS, insertRoute } from './support/day-factory.ts';
import {
	listPlanningHouseholds,
	progressGroups
} from '../../src/lib/server/db/queries/households.ts';
import { summariseVisits, type VisitRow } from '../../src/lib/domain/routing/visit-summary.ts';
import { areaProgress } from '../../src/lib/domain/team-overview.ts';
import { vnToday } from '../../src/lib/domain/vn-time.ts';
import type { VisitInput } from '../../src/lib/server/db/schema/visits.input.ts';
import type { VisitOutcome } from '../../src/lib/domain/choices.ts';

let t: TestDb;
const NOW = Date.now();
const today = vnToday(NOW);
const reachedSince = NOW - 365 * DAY_MS;
const hamletIds: string[] = [];

/** Visit histories (oldest first: outcome, days ago, revisit date asked for). */
const HISTORIES: [VisitOutcome, number, string?][][] = [
	[],
	[['met', 3]],
	[['met', 400]],
	[['not_home', 1]],
	[['not_home', 12]],
	[['not_home', 1, '2026-01-01']],
	[['not_home', 30, '2099-01-01']],
	[
		['met', 20],
		['not_home', 4]
	],
	[
		['not_home', 20],
		['not_home', 9]
	],
	[
		['not_home', 30],
		['met', 25],
		['not_home', 6],
		['not_home', 3],
		['not_home', 1]
	],
	[
		['not_home', 40],
		['not_home', 30],
		['not_home', 20],
		['not_home', 10]
	],
	[['refused', 5]],
	[['moved', 50]],
	[
		['do_not_contact', 60],
		['met', 2]
	],
	[
		['met', 500],
		['not_home', 380]
	]
];

useSeededDb(async (db) => {
	t = db;
	const hamlets = [await makeHamlet(t.db, 'own', 'Thôn Đồng Tâm'), await makeHamlet(t.db, 'own')];
	hamletIds.push(...hamlets.map((h) => h.id));
	const team = await makeTeam(t.db, 'own');
	// every history twice in each hamlet and in none: alike households share a group
	const hs = [...hamletIds, null].flatMap((hamletId) =>
		[0, 1].flatMap((copy) =>
			HISTORIES.map((_, i) =>
				household(AREAS.own, {
					hamletId,
					address: `Số ${i + 1}${copy ? 'A' : ''}, ngõ 5, ${hamletId ?? 'xóm'}`
				})
			)
		)
	);
	await insertHouseholdsIn(t, hs);
	const visits: VisitInput[] = hs.flatMap((h, k) =>
		HISTORIES[k % HISTORIES.length]!.map(([outcome, daysAgo, revisitOn]) => {
			const at = NOW - daysAgo * DAY_MS - (k % 7) * 60_000;
			return {
				id: visitId(at),
				...AREAS.own,
				householdId: h.id!,
				visitedAt: at,
				// old visits reached the server soon after (a year-old visit cannot sync today)
				receivedAt: at + 60_000,
				outcome,
				adults: 3,
				revisitOn: revisitOn ?? null
			};
		})
	);
	// newest first, over three syncs: every household's visits arrive out of order
	const late = [...visits].reverse();
	for (let i = 0; i < 3; i++)
		await insertVisitsIn(
			t,
			late.filter((_, j) => j % 3 === i),
			{ now: NOW }
		);
	// every other history on a route (not a gap); routes of 15 stops (D1's bound variables)
	const onRoute = hs.filter((_, k) => (k % HISTORIES.length) % 2 === 0).map((h) => h.id!);
	for (let i = 0; i < onRoute.length; i += 15)
		await insertRoute(shardOf(t), { teamId: team.id, householdIds: onRoute.slice(i, i + 15) });
});

describe("households' status columns", () => {
	let listed: Awaited<ReturnType<typeof listPlanningHouseholds>>;
	beforeAll(async () => {
		listed = await listPlanningHouseholds(shardOf(t), AREAS.own);
	});

	it('equal the summary of each household’s visits, whatever order they were synced in', async () => {
		const rows = await shardOf(t)
			.$client.prepare(
				`SELECT household_id, outcome, visited_at, revisit_on FROM visits
				WHERE province_code = ?1 AND commune_code = ?2 ORDER BY household_id, visited_at, id`
			)
			.bind(AREAS.own.provinceCode, AREAS.own.communeCode)
			.all<VisitRow>();
		const fromVisits = summariseVisits(rows.results);
		expect(listed).toHaveLength(HISTORIES.length * 6);
		for (const h of listed)
			expect(h.visits, h.address).toEqual(
				fromVisits.get(h.id) ?? {
					lastOutcome: null,
					lastVisitedAt: null,
					revisitOn: null,
					notHomeStreak: 0
				}
			);
		// the histories reach every status the planning map draws
		expect(new Set(listed.map((h) => h.visits.notHomeStreak))).toEqual(new Set([0, 1, 2, 3, 4]));
	});

	it("count a leader's day from grouped households exactly as from every household", async () => {
		const groups = await progressGroups(shardOf(t), AREAS.own, null, reachedSince);
		expect(groups.length).toBeLessThan(listed.length);
		const whole = areaProgress(listed, today, reachedSince);
		expect(areaProgress(groups, today, reachedSince)).toEqual(whole);
		expect(whole).toMatchObject({ households: HISTORIES.length * 6 });
		expect(whole.revisitsDue).toBeGreaterThan(0);
		expect(whole.gaps).toBeGreaterThan(0);
		for (const hamletId of hamletIds) {
			const own = (x: { hamletId: string | null }) => x.hamletId === hamletId;
			const one = await progressGroups(shardOf(t), AREAS.own, hamletId, reachedSince);
			expect(one.every(own)).toBe(true);
			expect(areaProgress(one, today, reachedSince)).toEqual(
				areaProgress(listed.filter(own), today, reachedSince)
			);
		}
	});
});

describe('GET /api/households in a commune too large to list whole', () => {
	const list = (query: string, cookie: string, max: string) =>
		call(t, `/api/households?commune=${AREAS.own.communeCode}${query}`, {
			cookie,
			env: { PLAN_LIST_MAX_HOUSEHOLDS: max }
		});

	it('sends no households but the count, and lists a hamlet at a time', async () => {
		const admin = await makeUser(t.db, 'commune_admin', 'own');
		const whole = await list('', admin.cookie, '50');
		expect(whole.status).toBe(200);
		const body = (await whole.json()) as {
			households: unknown[];
			tooMany: { total: number; max: number } | null;
		};
		expect(body.households).toEqual([]);
		expect(body.tooMany).toEqual({ total: HISTORIES.length * 6, max: 50 });
		// one hamlet fits: listed as always
		const one = await list(`&hamlet=${hamletIds[0]}`, admin.cookie, '50');
		const part = (await one.json()) as { households: unknown[]; tooMany: unknown };
		expect(part.households).toHaveLength(HISTORIES.length * 2);
		expect(part.tooMany).toBeNull();
		// under the limit the whole commune comes as before
		const all = (await (await list('', admin.cookie, '5000')).json()) as {
			households: unknown[];
			tooMany: unknown;
		};
		expect(all.households).toHaveLength(HISTORIES.length * 6);
		expect(all.tooMany).toBeNull();
	});
});

describe('GET /api/routes of one hamlet (a large commune planned a khu phố at a time)', () => {
	it("lists the outings of the hamlet's teams only", async () => {
		const admin = await makeUser(t.db, 'commune_admin', 'own');
		const [first, second] = [await makeTeam(t.db, 'own'), await makeTeam(t.db, 'own')];
		await t.db.run(sql`UPDATE teams SET hamlet_id = ${hamletIds[0]} WHERE id = ${first.id}`);
		await t.db.run(sql`UPDATE teams SET hamlet_id = ${hamletIds[1]} WHERE id = ${second.id}`);
		const mine = await insertRoute(shardOf(t), { teamId: first.id, name: 'Buổi của thôn' });
		await insertRoute(shardOf(t), { teamId: second.id, name: 'Buổi của thôn khác' });
		const routes = async (query: string, max = '5000') => {
			const res = await call(t, `/api/routes?commune=${AREAS.own.communeCode}${query}`, {
				cookie: admin.cookie,
				env: { PLAN_LIST_MAX_HOUSEHOLDS: max }
			});
			expect(res.status).toBe(200);
			return ((await res.json()) as { routes: { id: string; teamId: string }[] }).routes;
		};
		// over the limit, the whole commune's outings are not listed: one hamlet's are
		expect(await routes('', '50')).toEqual([]);
		const one = await routes(`&hamlet=${hamletIds[0]}`, '50');
		expect(one.map((r) => r.id)).toEqual([mine]);
		const all = await routes('');
		expect(all.map((r) => r.teamId)).toEqual(expect.arrayContaining([first.id, second.id]));
		expect(all.length).toBeGreaterThan(2);
		// a hamlet without teams has no outings; a team asked for wins over the hamlet
		expect(await routes(`&hamlet=${crypto.randomUUID()}`)).toEqual([]);
		expect(
			(await routes(`&team=${second.id}&hamlet=${hamletIds[0]}`)).map((r) => r.teamId)
		).toEqual([second.id]);
	});
});

describe("GET /api/overview of a commune too large to count whole (a commune admin's day)", () => {
	type Day = {
		teams: { id: string; hamletId: string | null; progress: { households: number } }[];
		communeProgress: { households: number } | null;
		narrowed: {
			total: number;
			teams: number;
			hamletId: string;
			hamlets: { id: string; name: string }[];
		} | null;
	};

	it("shows one hamlet's teams at a time, without the commune's total", async () => {
		const admin = await makeUser(t.db, 'commune_admin', 'own');
		for (const hamletId of hamletIds) {
			const team = await makeTeam(t.db, 'own');
			await t.db.run(sql`UPDATE teams SET hamlet_id = ${hamletId} WHERE id = ${team.id}`);
		}
		const day = async (query: string, max: string) => {
			const res = await call(t, `/api/overview?commune=${AREAS.own.communeCode}${query}`, {
				cookie: admin.cookie,
				env: { PLAN_LIST_MAX_HOUSEHOLDS: max }
			});
			expect(res.status).toBe(200);
			return (await res.json()) as Day;
		};
		const first = await day('', '50');
		expect(first.communeProgress).toBeNull();
		expect(first.narrowed).toMatchObject({ total: HISTORIES.length * 6 });
		expect(first.narrowed!.hamlets.map((h) => h.id).sort()).toEqual([...hamletIds].sort());
		expect(first.teams.length).toBeGreaterThan(0);
		expect(first.narrowed!.teams).toBeGreaterThan(first.teams.length);
		expect(first.teams.every((tm) => tm.hamletId === first.narrowed!.hamletId)).toBe(true);
		expect(first.teams[0]!.progress.households).toBe(HISTORIES.length * 2);
		// another hamlet when asked; an unknown one falls back to the first
		const other = hamletIds.find((h) => h !== first.narrowed!.hamletId)!;
		const second = await day(`&hamlet=${other}`, '50');
		expect(second.narrowed!.hamletId).toBe(other);
		expect(second.teams.every((tm) => tm.hamletId === other)).toBe(true);
		const unknown = await day(`&hamlet=${crypto.randomUUID()}`, '50');
		expect(unknown.narrowed!.hamletId).toBe(first.narrowed!.hamletId);
		// under the limit: every team and the commune's total, as before
		const whole = await day('', '5000');
		expect(whole.narrowed).toBeNull();
		expect(whole.communeProgress).toMatchObject({ households: HISTORIES.length * 6 });
		expect(whole.teams.length).toBeGreaterThan(first.teams.length);
	});
});
