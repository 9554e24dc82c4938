/**
 * Visit times at the sync boundary (issue 13, defect 3): a visit's time is bounded by when the
 * server receives it (domain/visit-time.ts), refused visits come back named with their reasons
 * (the device keeps them for review), and the receipt time is the server's, never the device's.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { v7 } from 'uuid';
import type { TestDb } from './support/db.ts';
import { call, shardOf } from './support/accounts-factory.ts';
import { deviceVisit, openFieldDb, syncRequest, type FieldWorld } from './support/field-factory.ts';
import { countRows } from './support/day-factory.ts';
import { households, visits } from '../../src/lib/server/db/schema/index.ts';
import { classifySyncResponse } from '../../src/lib/domain/field/sync-response.ts';

const MIN = 60_000;
const DAY = 86_400_000;

let t: TestDb;
let w: FieldWorld;
beforeAll(async () => {
	({ t, w } = await openFieldDb(4));
});
afterAll(() => t.close());

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- response bodies are asserted field by field
const json = (r: Response) => r.json() as Promise<any>;
const sync = (visitsSent: unknown[]) =>
	call(t, '/api/visits', { body: syncRequest(v7(), visitsSent), cookie: w.user.cookie });

describe('visit times at sync', () => {
	it.each([
		['dated in 2096', Date.UTC(2096, 0, 1)],
		['eleven minutes ahead of the server', () => Date.now() + 11 * MIN],
		['ten years old', () => Date.now() - 3650 * DAY],
		['dated before 2000', Date.UTC(1999, 5, 1)]
	])('refuses a visit %s with a 400 naming its visitedAt, writing nothing', async (_, at) => {
		const before = await countRows(shardOf(t), 'visits');
		const bad = deviceVisit(w, w.householdIds[0]!, {
			visitedAt: typeof at === 'function' ? at() : at
		});
		const good = deviceVisit(w, w.householdIds[1]!);
		const res = await sync([good, bad]);
		expect(res.status).toBe(400);
		const body = await json(res);
		expect(body).toMatchObject({
			code: 'invalid_visit',
			details: { field: 'visits.1.visitedAt', id: bad.id, index: 1 }
		});
		expect(body.details.rejected).toEqual([
			{
				index: 1,
				id: bad.id,
				reasons: [{ field: 'visits.1.visitedAt', message: expect.any(String) }]
			}
		]);
		expect(await countRows(shardOf(t), 'visits')).toBe(before);
		// The device flags exactly that visit for review and sends the other one again.
		expect(classifySyncResponse(400, body, [good.id, bad.id])).toMatchObject({
			kind: 'invalid',
			ids: [bad.id]
		});
	});

	it("puts a phone's visits on the server's clock when the phone says its clock is days off", async () => {
		// The phone's clock runs three days fast: its visit and its sentAt are both three days on.
		const fast = 3 * DAY;
		const v = deviceVisit(w, w.householdIds[2]!, { visitedAt: Date.now() + fast - 5 * MIN });
		const res = await call(t, '/api/visits', {
			body: { ...syncRequest(v7(), [v]), sentAt: Date.now() + fast },
			cookie: w.user.cookie
		});
		expect(res.status, JSON.stringify(await json(res.clone()))).toBe(200);
		const [row] = await shardOf(t).select().from(visits).where(eq(visits.id, v.id));
		expect(Math.abs(row!.visitedAt - (Date.now() - 5 * MIN))).toBeLessThan(MIN);
	});

	it('keeps a future-dated visit from pinning the household status', async () => {
		const hh = w.householdIds[2]!;
		await sync([deviceVisit(w, hh, { visitedAt: Date.UTC(2096, 0, 1) })]);
		const real = deviceVisit(w, hh, { outcome: 'not_home', peopleHelped: 0, services: [] });
		expect((await sync([real])).status).toBe(200);
		const row = await shardOf(t).select().from(households).where(eq(households.id, hh)).get();
		expect(row).toMatchObject({ lastVisitId: real.id, lastOutcome: 'not_home' });
	});

	it.each([
		['kept offline for three months', () => Date.now() - 90 * DAY],
		['from a phone clock five minutes fast', () => Date.now() + 5 * MIN]
	])('accepts a visit %s', async (_, at) => {
		const v = deviceVisit(w, w.householdIds[3]!, { visitedAt: at() });
		const res = await sync([v]);
		expect(res.status, await res.clone().text()).toBe(200);
		expect((await json(res)).results).toEqual([{ id: v.id, status: 'inserted' }]);
	});

	it('names every refused visit of a batch with its reasons', async () => {
		const future = deviceVisit(w, w.householdIds[0]!, { visitedAt: Date.now() + DAY });
		const old = deviceVisit(w, w.householdIds[1]!, { visitedAt: Date.now() - 400 * DAY });
		const res = await sync([deviceVisit(w, w.householdIds[0]!), future, old]);
		expect(res.status).toBe(400);
		const body = await json(res);
		expect(body.details.rejected.map((r: { id: string }) => r.id)).toEqual([future.id, old.id]);
		expect(body.details.rejected[1].reasons[0].message).toMatch(/365 days/);
	});
});

describe('server-side fields at sync', () => {
	it('stamps receivedAt itself and stores a real visit, ignoring what a device sends, so ?since= syncs see it', async () => {
		const since = Date.now();
		const v = {
			...deviceVisit(w, w.householdIds[0]!),
			receivedAt: Date.UTC(2001, 0, 1),
			isDemo: true
		};
		const res = await sync([v]);
		expect(res.status, await res.clone().text()).toBe(200);
		const stored = await shardOf(t).select().from(visits).where(eq(visits.id, v.id)).get();
		expect(stored!.receivedAt).toBeGreaterThanOrEqual(since);
		expect(stored!.receivedAt).toBeLessThanOrEqual(Date.now());
		expect(stored!.isDemo).toBe(false);
		const mine = await json(
			await call(t, `/api/visits/mine?since=${since}`, { cookie: w.user.cookie })
		);
		expect(mine.visits.map((x: { id: string }) => x.id)).toContain(v.id);
	});

	it('treats a resend with a different receivedAt as the same visit', async () => {
		const v = deviceVisit(w, w.householdIds[1]!);
		expect((await sync([v])).status).toBe(200);
		const res = await sync([{ ...v, receivedAt: Date.now() - DAY }]);
		expect(res.status).toBe(200);
		expect((await json(res)).results).toEqual([{ id: v.id, status: 'duplicate' }]);
	});
});
