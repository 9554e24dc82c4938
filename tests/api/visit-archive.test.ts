/**
 * Retention of visits (issue 15): months past VISIT_RETENTION_MONTHS, or past what the shard has
 * room for, move to R2 (local R2 of wrangler's platform proxy) with their totals kept in D1,
 * nothing lost, and back again.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { openTestDb, type TestDb } from './support/db.ts';
import {
	DAY,
	T0,
	household,
	insertArea,
	insertServices,
	visit,
	insertHouseholdsIn
} from './support/records-factory.ts';
import { insertVisits } from '../../src/lib/server/db/writes/visits.ts';
import {
	archiveCutoff,
	archiveVisits,
	restoreMonth,
	vnMonth
} from '../../src/lib/server/archive/visits.ts';
import { archiveKey, decodeArchive, encodeArchive } from '../../src/lib/server/archive/file.ts';
import { computeMetrics } from '../../src/lib/server/metrics/job.ts';
import { NIGHTLY_CRON, runScheduled } from '../../src/lib/server/scheduled/run.ts';
import type { VisitInput } from '../../src/lib/server/db/schema/visits.input.ts';
import { HOUSEHOLD_BYTES, VISIT_BYTES } from '../../src/lib/domain/visit-retention.ts';

const A = { provinceCode: '19', communeCode: '05923' };
const B = { provinceCode: '19', communeCode: '05926' };
const MONTHS = 24;

/** A visit `days` ago that reached the server a day later (as history replays do). */
const old = (s: typeof A, hh: string, days: number, over: Partial<VisitInput> = {}) =>
	visit(s, hh, days, { receivedAt: T0 - (days - 1) * DAY, ...over });

let t: TestDb;
const hh = Array.from({ length: 4 }, (_, i) => household(i < 3 ? A : B, { adults: 3 }));
const vneid = (adultsUsing: number, helped: number) => ({
	serviceCode: 'vneid',
	adultsUsing,
	helped
});
let sent: VisitInput[];

beforeAll(async () => {
	t = await openTestDb();
	await insertArea(t.db, [
		{ code: A.communeCode, provinceCode: '19', population: 9_000, populationUsable: true },
		{ code: B.communeCode, provinceCode: '19', population: 8_000, populationUsable: true }
	]);
	await insertServices(t.db);
	await insertHouseholdsIn(t, hh);
	sent = [
		old(A, hh[0]!.id, 900, { peopleHelped: 2, services: [vneid(2, 2)], note: 'Bà cụ ở một mình' }),
		old(A, hh[1]!.id, 899, { outcome: 'not_home' }),
		old(A, hh[0]!.id, 800, { peopleHelped: 1, services: [vneid(3, 1)] }),
		old(B, hh[3]!.id, 760, { outcome: 'refused' }),
		// inside the retention period: stays
		old(A, hh[2]!.id, 300, { peopleHelped: 1, services: [vneid(1, 1)] }),
		visit(A, hh[1]!.id, 10, { peopleHelped: 0 })
	];
	await insertVisits(t.db, t.shard('19'), sent, { now: T0 });
}, 60_000);
afterAll(() => t.close());

/** The D1 of the shard that holds A's and B's records (visits, their months, households). */
const shardD1 = () => t.shard('19').$client;
const count = async (q: string) =>
	((await shardD1().prepare(q).first<{ n: number }>())?.n ?? 0) as number;
const months = async () =>
	(
		await shardD1()
			.prepare('SELECT * FROM visit_months ORDER BY month, commune_code')
			.all<Record<string, unknown>>()
	).results;
const fileOf = async (s: typeof A, month: string) => {
	const key = archiveKey(s.provinceCode, s.communeCode, month);
	const o = await t.archive.get(key);
	return o ? decodeArchive(key, o.body) : null;
};
/** Figures the public map shows, without when they were computed. */
const figures = async () =>
	(
		await t.d1
			.prepare(
				`SELECT code, households_known, households_visited, households_reached FROM area_metrics ORDER BY code`
			)
			.all()
	).results;

describe('archiveVisits', () => {
	it('moves the months past the retention period to R2 and keeps their totals', async () => {
		await computeMetrics(t.db, { now: new Date(T0), shards: t.shards });
		const before = await figures();
		const r = await archiveVisits(t.shard('19'), t.archive, { now: T0, months: MONTHS });
		const m900 = vnMonth(T0 - 900 * DAY);
		const m800 = vnMonth(T0 - 800 * DAY);
		const m760 = vnMonth(T0 - 760 * DAY);
		expect(r.months).toEqual([
			{ ...A, month: m900, visits: 2 },
			{ ...A, month: m800, visits: 1 },
			{ ...B, month: m760, visits: 1 }
		]);
		expect(await count('SELECT count(*) AS n FROM visits')).toBe(2);
		expect(
			await count(
				`SELECT count(*) AS n FROM visits WHERE visited_at < ${archiveCutoff(T0, MONTHS)}`
			)
		).toBe(0);
		expect(await count('SELECT count(*) AS n FROM visit_services')).toBe(1);
		expect(await months()).toMatchObject([
			{ month: m900, visits: 2, met: 1, households: 2, people_helped: 2, demo_visits: 0 },
			{ month: m800, visits: 1, met: 1, households: 1, people_helped: 1 },
			{ month: m760, commune_code: B.communeCode, visits: 1, met: 0 }
		]);
		const services = await shardD1()
			.prepare(
				'SELECT month, service_code, asked, adults_using, helped FROM visit_month_services ORDER BY month'
			)
			.all();
		expect(services.results).toEqual([
			{ month: m900, service_code: 'vneid', asked: 1, adults_using: 2, helped: 2 },
			{ month: m800, service_code: 'vneid', asked: 1, adults_using: 3, helped: 1 }
		]);
		// The file holds the visits with their services, and no note, member or device.
		const file = (await fileOf(A, m900))!;
		expect(file.map((v) => v.id).sort()).toEqual([sent[0]!.id, sent[1]!.id].sort());
		expect(file.find((v) => v.id === sent[0]!.id)).toMatchObject({
			householdId: hh[0]!.id,
			visitedAt: sent[0]!.visitedAt,
			peopleHelped: 2,
			services: [{ serviceCode: 'vneid', adultsUsing: 2, helped: 2 }]
		});
		expect(JSON.stringify(file)).not.toMatch(/Bà cụ|memberId|deviceId|note/);
		// The public figures read 12 months of visits: archiving changes none of them.
		await computeMetrics(t.db, { now: new Date(T0), shards: t.shards });
		expect(await figures()).toEqual(before);
	});

	it('does nothing on a second run', async () => {
		const m900 = vnMonth(T0 - 900 * DAY);
		const before = await t.archive.head(archiveKey(A.provinceCode, A.communeCode, m900));
		const r = await archiveVisits(t.shard('19'), t.archive, { now: T0, months: MONTHS });
		expect(r).toEqual({ months: [], visits: 0 });
		const after = await t.archive.head(archiveKey(A.provinceCode, A.communeCode, m900));
		expect(after?.etag).toBe(before?.etag);
	});

	it('merges a late visit into its month file, without duplicates', async () => {
		const m800 = vnMonth(T0 - 800 * DAY);
		// A visit of that month replayed late (an import of history).
		await insertVisits(
			t.db,
			t.shard('19'),
			[old(A, hh[2]!.id, 801, { receivedAt: T0 - 500 * DAY })],
			{
				now: T0
			}
		);
		const r = await archiveVisits(t.shard('19'), t.archive, { now: T0, months: MONTHS });
		expect(r.visits).toBe(1);
		expect((await fileOf(A, m800))!).toHaveLength(2);
		expect((await months()).find((m) => m['month'] === m800)).toMatchObject({
			visits: 2,
			households: 2
		});
	});
});

describe('restoreMonth', () => {
	it('puts a month back through the import path, skipping households that are gone', async () => {
		const m900 = vnMonth(T0 - 900 * DAY);
		await shardD1().prepare('DELETE FROM visits WHERE household_id = ?').bind(hh[1]!.id).run();
		await shardD1().prepare('DELETE FROM households WHERE id = ?').bind(hh[1]!.id).run();
		const r = await restoreMonth(t.db, t.shard('19'), t.archive, { ...A, month: m900 });
		expect(r).toMatchObject({ restored: 1, skipped: 1 });
		const back = await shardD1()
			.prepare('SELECT id, visited_at, people_helped FROM visits WHERE id = ?')
			.bind(sent[0]!.id)
			.first();
		expect(back).toEqual({ id: sent[0]!.id, visited_at: sent[0]!.visitedAt, people_helped: 2 });
		expect((await months()).some((m) => m['month'] === m900)).toBe(false);
		// Archived again, the month has the same file and totals (the skipped visit stays in it).
		await archiveVisits(t.shard('19'), t.archive, { now: T0, months: MONTHS });
		expect((await fileOf(A, m900))!.map((v) => v.id).sort()).toEqual(
			[sent[0]!.id, sent[1]!.id].sort()
		);
		expect((await months()).find((m) => m['month'] === m900)).toMatchObject({ visits: 2 });
	});

	it('names the line of a damaged file and writes nothing', async () => {
		const key = archiveKey(B.provinceCode, B.communeCode, '2020-01');
		const good = await encodeArchive([]);
		expect(good.length).toBeGreaterThan(0);
		const text = `${JSON.stringify({ id: 'x' })}\n`;
		const gz = new Blob([text]).stream().pipeThrough(new CompressionStream('gzip'));
		await t.archive.put(key, await new Response(gz).arrayBuffer());
		const visitsBefore = await count('SELECT count(*) AS n FROM visits');
		await expect(
			restoreMonth(t.db, t.shard('19'), t.archive, { ...B, month: '2020-01' })
		).rejects.toThrow(/2020-01\.ndjson\.gz, line 1: provinceCode/);
		expect(await count('SELECT count(*) AS n FROM visits')).toBe(visitsBefore);
		await expect(
			restoreMonth(t.db, t.shard('19'), t.archive, { ...B, month: '2019-01' })
		).rejects.toThrow(/no archive/);
	});
});

describe('the nightly run', () => {
	it('archives with the scheduled work when the bucket is bound', async () => {
		await insertVisits(
			t.db,
			t.shard('19'),
			[old(B, hh[3]!.id, 780, { receivedAt: T0 - 500 * DAY })],
			{
				now: T0
			}
		);
		const frequent = await runScheduled(t.db, {
			cron: '*/15 * * * *',
			now: new Date(T0),
			archive: t.archive,
			shards: t.shards
		});
		expect(frequent.visitsArchived).toBeNull();
		expect(frequent.visitRetention).toBeNull();
		const nightly = await runScheduled(t.db, {
			cron: NIGHTLY_CRON,
			now: new Date(T0),
			archive: t.archive,
			settings: { VISIT_RETENTION_MONTHS: String(MONTHS) },
			shards: t.shards
		});
		expect(nightly.visitsArchived).toEqual({ months: 1, visits: 1 });
	});
});

describe("retention that follows the shard's capacity", () => {
	// 19,7 and 14,8 months old: the constant 24 keeps both; 18 months keep the second; 13 neither.
	const older = () => old(A, hh[2]!.id, 600);
	const newer = () => old(B, hh[3]!.id, 450);
	let kept: VisitInput[];
	const nightly = (retentionBudgetBytes?: number) =>
		runScheduled(t.db, {
			cron: NIGHTLY_CRON,
			now: new Date(T0),
			archive: t.archive,
			settings: { VISIT_RETENTION_MONTHS: '24' },
			shards: t.shards,
			retentionBudgetBytes
		});
	const present = async (v: VisitInput) =>
		(await count(`SELECT count(*) AS n FROM visits WHERE id = '${v.id}'`)) === 1;
	const binding19 = () => t.shards.all().find((s) => s.provinces.includes('19'))!.binding;

	beforeAll(async () => {
		kept = [older(), newer(), visit(A, hh[0]!.id, 5), visit(B, hh[3]!.id, 3)];
		await insertVisits(t.db, t.shard('19'), kept, { now: T0 });
		expect(kept[0]!.visitedAt).toBeGreaterThanOrEqual(archiveCutoff(T0, 24));
		expect(kept[0]!.visitedAt).toBeLessThan(archiveCutoff(T0, 18));
		expect(kept[1]!.visitedAt).toBeGreaterThanOrEqual(archiveCutoff(T0, 18));
		expect(kept[1]!.visitedAt).toBeLessThan(archiveCutoff(T0, 13));
	});

	it('keeps the configured months on a demo-sized shard with the real budget', async () => {
		const r = await nightly();
		expect(r.visitsArchived).toEqual({ months: 0, visits: 0 });
		expect(r.visitRetention!.alarms).toEqual([]);
		expect(r.visitRetention!.shards.map((s) => s.retentionMonths)).toEqual(
			r.visitRetention!.shards.map(() => 24)
		);
		// Households 0, 2 and 3 (1 was erased above); two visits in the last 30 days.
		expect(r.visitRetention!.shards.find((s) => s.binding === binding19())).toMatchObject({
			provinces: expect.arrayContaining(['19']),
			households: 3,
			visitsPerMonth: 2,
			archived: { months: 0, visits: 0 }
		});
		expect(await present(kept[0]!)).toBe(true);
		expect(await present(kept[1]!)).toBe(true);
	});

	it('archives what 24 months would keep when only 18 fit', async () => {
		// 3 households, 2 visits in 30 days (2,03 a month): room for 18 months and a byte.
		const month = ((2 * 365.25) / 12 / 30) * VISIT_BYTES;
		const budget = Math.ceil(3 * HOUSEHOLD_BYTES + 18 * month);
		const r = await nightly(budget);
		expect(r.visitRetention!.shards.find((s) => s.binding === binding19())).toMatchObject({
			capacityMonths: 18,
			retentionMonths: 18,
			archived: { months: 1, visits: 1 }
		});
		expect(r.visitRetention!.alarms).toEqual([]);
		expect(await present(kept[0]!)).toBe(false);
		expect(await present(kept[1]!)).toBe(true);
		expect(await fileOf(A, vnMonth(kept[0]!.visitedAt))).toHaveLength(1);
	});

	it('keeps 13 months and raises the alarm when even 13 do not fit', async () => {
		const error = vi.spyOn(console, 'error').mockImplementation(() => {});
		try {
			const r = await nightly(1_000);
			expect(r.visitRetention!.alarms).toEqual([binding19()]);
			expect(r.visitRetention!.shards.find((s) => s.binding === binding19())).toMatchObject({
				capacityMonths: 0,
				retentionMonths: 13,
				archived: { months: 1, visits: 1 }
			});
			// The empty shards have nothing that grows: no alarm, the configured months.
			for (const s of r.visitRetention!.shards.filter((s) => s.binding !== binding19())) {
				expect(s).toMatchObject({ households: 0, capacityMonths: null, retentionMonths: 24 });
			}
			expect(error).toHaveBeenCalledTimes(1);
			expect(error.mock.calls[0]![0]).toMatch(
				new RegExp(`shard ${binding19()} .*3 households and 2 visits a month; 0 months`)
			);
		} finally {
			error.mockRestore();
		}
		expect(await present(kept[1]!)).toBe(false);
		// Visits of the last 13 months stay, whatever the budget says.
		expect(await present(kept[2]!)).toBe(true);
		expect(
			await count(`SELECT count(*) AS n FROM visits WHERE visited_at < ${archiveCutoff(T0, 13)}`)
		).toBe(0);
	});
});
