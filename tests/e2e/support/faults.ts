/**
 * The field fault suite's cycles: real Chromium, the real outbox and sync engine (test hooks),
 * the real server and D1; faults are injected on the network (Playwright routes that abort the
 * request before the server, or the response after the server committed; 5xx/401 answers;
 * replays), by going offline, by reloading right after "saved", by a device clock skew, and by
 * a service-worker update while the outbox holds visits. After every cycle the server's visits
 * must equal the union of what the device saved: no loss, no duplicate.
 */
import { expect, type BrowserContext, type Page, type Route } from '@playwright/test';
import seedrandom from 'seedrandom';
import { readFileSync, writeFileSync } from 'node:fs';
import { F } from './field.ts';

export const FAULTS = [
	'offline',
	'reload_after_saved',
	'drop_before_commit',
	'drop_after_commit',
	'duplicate_replay',
	'server_5xx',
	'unauthorized_401',
	'clock_skew',
	'sw_update'
] as const;
export type Fault = (typeof FAULTS)[number];

const WEIGHTS: Record<Fault, number> = {
	offline: 14,
	reload_after_saved: 12,
	drop_before_commit: 14,
	drop_after_commit: 14,
	duplicate_replay: 12,
	server_5xx: 12,
	unauthorized_401: 8,
	clock_skew: 10,
	sw_update: 4
};

const ROUTE = F.routes[1];
const HOUSEHOLDS = Array.from(
	{ length: ROUTE.stops },
	(_, i) => `${F.householdPrefix}${ROUTE.id}-${i + 1}`
);
const SYNC_URL = '**/api/visits';
const SW_FILE = '.svelte-kit/cloudflare/service-worker.js';

/** The build's version (SvelteKit writes it to _app/version.json and into the worker). */
function originalVersion(): string {
	return (
		JSON.parse(readFileSync('.svelte-kit/cloudflare/_app/version.json', 'utf8')) as {
			version: string;
		}
	).version;
}

export interface CycleReport {
	fault: Fault;
	recorded: number;
	serverVisits: number;
}

export class FaultRunner {
	private rng: () => number;
	private swBuild = 0;
	readonly counts: Record<Fault, number> = Object.fromEntries(FAULTS.map((f) => [f, 0])) as Record<
		Fault,
		number
	>;
	saved = 0;

	constructor(
		private context: BrowserContext,
		public page: Page,
		seed: string
	) {
		this.rng = seedrandom(seed);
	}

	private picked = 0;

	/** Every fault once first (so even a short run meets them all), then weighted at random. */
	pick(): Fault {
		if (this.picked < FAULTS.length) return FAULTS[this.picked++]!;
		const total = FAULTS.reduce((n, f) => n + WEIGHTS[f], 0);
		let x = this.rng() * total;
		for (const f of FAULTS) if ((x -= WEIGHTS[f]) < 0) return f;
		return 'offline';
	}

	async open(): Promise<void> {
		await this.page.goto(`/thuc-dia/tuyen/${ROUTE.id}`);
		await this.page.waitForFunction(() => !!window.__tungngoField);
	}

	/** Saves n visits through the real outbox; returns once each is durably stored. */
	async record(n: number, skewMs = 0): Promise<void> {
		const outcomes = ['met', 'not_home', 'refused'];
		const visits = Array.from({ length: n }, () => ({
			householdId: HOUSEHOLDS[Math.floor(this.rng() * HOUSEHOLDS.length)]!,
			outcome: outcomes[Math.floor(this.rng() * outcomes.length)]!,
			helped: Math.floor(this.rng() * 3)
		}));
		await this.page.evaluate(
			async ({ visits, f, skewMs }) => {
				const h = window.__tungngoField!;
				for (const v of visits) {
					const met = v.outcome === 'met';
					await h.recordVisit({
						id: h.newVisitId(),
						provinceCode: f.provinceCode,
						communeCode: f.communeCode,
						householdId: v.householdId,
						routeId: f.routeId,
						memberId: f.memberId,
						visitedAt: Date.now() + skewMs,
						outcome: v.outcome as 'met',
						adults: 3,
						peopleHelped: met ? v.helped : 0,
						note: null,
						revisitOn: null,
						services: met ? [{ serviceCode: 'vneid', adultsUsing: v.helped, helped: v.helped }] : []
					});
				}
			},
			{ visits, f: { ...F, routeId: ROUTE.id }, skewMs }
		);
		this.saved += n;
	}

	private sync() {
		return this.page.evaluate(() => window.__tungngoField!.syncNow());
	}

	private async waitState(states: string[]) {
		await this.page.waitForFunction(
			(s) => s.includes(window.__tungngoField?.snapshot().state ?? ''),
			states,
			{ timeout: 20_000 }
		);
	}

	/** Syncs until the outbox is empty. */
	async drain(): Promise<void> {
		await this.page.waitForFunction(() => !!window.__tungngoField);
		await expect
			.poll(
				async () => {
					await this.sync();
					return this.page.evaluate(() => {
						const s = window.__tungngoField!.snapshot();
						return s.pending === 0 && s.state === 'idle';
					});
				},
				{ timeout: 30_000, intervals: [50, 100, 250, 500] }
			)
			.toBe(true);
	}

	/** Injects one fault around recording and syncing n visits. */
	async cycle(fault: Fault): Promise<void> {
		this.counts[fault]++;
		const n = 1 + Math.floor(this.rng() * 3);
		const times = 1 + Math.floor(this.rng() * 2);
		switch (fault) {
			case 'offline':
				await this.context.setOffline(true);
				await this.record(n);
				await this.sync();
				await this.context.setOffline(false);
				break;
			case 'reload_after_saved':
				await this.record(n);
				await this.page.reload();
				await this.page.waitForFunction(() => !!window.__tungngoField);
				break;
			case 'drop_before_commit':
				await this.faulty(times, (route) => route.abort('internetdisconnected'), n);
				break;
			case 'drop_after_commit':
				await this.faulty(
					times,
					async (route) => {
						await route.fetch(); // the server commits…
						await route.abort('connectionreset'); // …and the answer is lost
					},
					n
				);
				break;
			case 'duplicate_replay':
				await this.faulty(
					times,
					async (route) => {
						await route.fetch(); // the same batch reaches the server twice
						await route.fulfill({ response: await route.fetch() });
					},
					n
				);
				break;
			case 'server_5xx':
				await this.faulty(
					times,
					(route) =>
						route.fulfill({
							status: 503,
							contentType: 'application/json',
							body: '{"code":"unavailable"}'
						}),
					n
				);
				break;
			case 'unauthorized_401':
				await this.context.route(SYNC_URL, (route) =>
					route.fulfill({
						status: 401,
						contentType: 'application/json',
						body: '{"code":"unauthenticated"}'
					})
				);
				await this.record(n);
				await this.sync();
				await this.waitState(['needs_login']);
				await this.context.unroute(SYNC_URL);
				await this.page.evaluate(() => window.__tungngoField!.loggedIn());
				break;
			case 'clock_skew': {
				const skew = Math.round((this.rng() - 0.5) * 2 * 3 * 86_400_000); // ±3 days
				await this.page.evaluate((skew) => {
					const real = Date.now.bind(Date);
					Date.now = () => real() + skew;
				}, skew);
				await this.record(n);
				await this.drain();
				await this.page.reload(); // a fresh page: the device clock is right again
				await this.page.waitForFunction(() => !!window.__tungngoField);
				break;
			}
			case 'sw_update':
				await this.context.setOffline(true);
				await this.record(n);
				await this.context.setOffline(false);
				await this.context.route(SYNC_URL, (route) => route.abort('internetdisconnected'));
				await this.newServiceWorker();
				await this.context.unroute(SYNC_URL);
				break;
		}
		await this.drain();
	}

	/** The first `times` sync requests meet the fault; later ones pass. */
	private async faulty(times: number, fault: (route: Route) => Promise<void>, n: number) {
		let left = times;
		let finished = 0;
		let inFlight = 0;
		await this.context.route(SYNC_URL, async (route) => {
			if (left-- <= 0) return route.continue();
			inFlight++;
			try {
				await fault(route);
			} finally {
				inFlight--;
				finished++;
			}
		});
		await this.record(n);
		await this.sync();
		// Until every planned fault happened, or the outbox drained (a replay answers 200).
		await expect
			.poll(
				async () =>
					finished >= times ||
					(inFlight === 0 &&
						(await this.page.evaluate(() => window.__tungngoField!.snapshot().pending === 0))),
				{ timeout: 20_000 }
			)
			.toBe(true);
		// A handler still running (its fetch to the server) finishes before the fault is removed.
		await this.context.unrouteAll({ behavior: 'wait' });
	}

	/**
	 * Deploys a new build of the service worker (its version, and so every precache revision,
	 * changes in the served file, as a deploy does), lets the page find it, waits for the prompt
	 * and applies it.
	 */
	async newServiceWorker(): Promise<void> {
		const build = ++this.swBuild;
		const text = readFileSync(SW_FILE, 'utf8');
		const current = this.swVersion ?? originalVersion();
		this.swVersion = `${originalVersion()}-t${build}`;
		writeFileSync(SW_FILE, text.replaceAll(current, this.swVersion));
		const prompt = this.page.getByTestId('update-prompt');
		await expect
			.poll(
				async () => {
					await this.page.evaluate(async () => {
						await (await navigator.serviceWorker.getRegistration())?.update().catch(() => {});
					});
					return prompt.isVisible();
				},
				{ timeout: 45_000, intervals: [500, 1000, 2000] }
			)
			.toBe(true);
		await Promise.all([this.page.waitForEvent('load'), prompt.getByRole('button').click()]);
		await this.page.waitForFunction(() => !!window.__tungngoField);
	}

	private swVersion: string | null = null;

	/** Puts the built service worker back as it was built. */
	restoreServiceWorker(): void {
		if (!this.swVersion) return;
		writeFileSync(
			SW_FILE,
			readFileSync(SW_FILE, 'utf8').replaceAll(this.swVersion, originalVersion())
		);
		this.swVersion = null;
	}

	/** The server's visits from this member equal the device's saved visits, each once. */
	async check(): Promise<number> {
		const device = await this.page.evaluate(async () =>
			(await window.__tungngoField!.allVisits()).map((v) => ({ id: v.id, state: v.state }))
		);
		const res = await this.page.request.get('/api/visits/mine');
		expect(res.status()).toBe(200);
		const server = ((await res.json()) as { visits: { id: string }[] }).visits.map((v) => v.id);
		expect(device.filter((v) => v.state !== 'synced')).toEqual([]);
		expect(new Set(server).size).toBe(server.length); // no duplicate
		expect([...server].sort()).toEqual(device.map((v) => v.id).sort()); // no loss, nothing extra
		expect(device).toHaveLength(this.saved);
		return server.length;
	}
}
