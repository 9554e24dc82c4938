/**
 * The sync engine: sends pending visits in batches when the app starts, when the connection
 * comes back, periodically while open, and right after a visit is saved. Failures back off
 * exponentially with jitter; a 401 keeps the outbox and waits for a login. One sync at a time
 * per browser (Web Locks), so two tabs never send the same batch concurrently (harmless anyway:
 * the server is idempotent).
 */
import { backoffDelay, SYNC_TIMING } from '$lib/domain/field/backoff';
import { deviceMeta, markVisits, noteServerLoss, outboxStats, visitsIn } from './outbox';
import { fieldDb, type SyncMeta } from './db';
import { sendBatch } from './transport';

/** Sync state, an explicit enum (docs/style.md, "Offline"). */
export type SyncState = 'idle' | 'syncing' | 'offline' | 'waiting_retry' | 'needs_login';

export interface SyncSnapshot {
	state: SyncState;
	pending: number;
	oldestPendingAt: number | null;
	needsReview: number;
	lastSyncAt: number | null;
	nextRetryAt: number | null;
	lastError: string | null;
}

type Listener = (s: SyncSnapshot) => void;

const LOCK_NAME = 'tungngo-visit-sync';

export class SyncEngine {
	private snap: SyncSnapshot = {
		state: 'idle',
		pending: 0,
		oldestPendingAt: null,
		needsReview: 0,
		lastSyncAt: null,
		nextRetryAt: null,
		lastError: null
	};
	private listeners = new Set<Listener>();
	private attempt = 0;
	private timer: ReturnType<typeof setTimeout> | null = null;
	private periodic: ReturnType<typeof setInterval> | null = null;
	private running: Promise<void> | null = null;
	private again = false;
	private stopFns: (() => void)[] = [];

	constructor(private random: () => number = Math.random) {}

	subscribe(fn: Listener): () => void {
		this.listeners.add(fn);
		fn(this.snap);
		return () => this.listeners.delete(fn);
	}

	get snapshot(): SyncSnapshot {
		return this.snap;
	}

	/** Starts listening for triggers and syncs once. */
	start(): void {
		const online = () => {
			this.attempt = 0;
			void this.syncNow();
		};
		const offline = () => this.set({ state: 'offline' });
		const visible = () => document.visibilityState === 'visible' && void this.syncNow();
		window.addEventListener('online', online);
		window.addEventListener('offline', offline);
		document.addEventListener('visibilitychange', visible);
		this.periodic = setInterval(() => void this.syncNow(), SYNC_TIMING.periodicMs);
		this.stopFns.push(
			() => window.removeEventListener('online', online),
			() => window.removeEventListener('offline', offline),
			() => document.removeEventListener('visibilitychange', visible)
		);
		void fieldDb()
			.then((db) => db.get('meta', 'sync'))
			.then((m) => this.set({ lastSyncAt: (m as SyncMeta | undefined)?.lastSyncAt ?? null }));
		void this.syncNow();
	}

	stop(): void {
		this.stopFns.forEach((f) => f());
		this.stopFns = [];
		if (this.periodic) clearInterval(this.periodic);
		if (this.timer) clearTimeout(this.timer);
	}

	/** After a login: try again at once. */
	loggedIn(): void {
		this.attempt = 0;
		void this.syncNow();
	}

	/** Refreshes the counts (after a visit was saved elsewhere) and syncs. */
	async syncNow(): Promise<void> {
		if (this.running) {
			this.again = true;
			return this.running;
		}
		this.running = this.runExclusive().finally(() => {
			this.running = null;
			if (this.again) {
				this.again = false;
				void this.syncNow();
			}
		});
		return this.running;
	}

	private async runExclusive(): Promise<void> {
		if (typeof navigator !== 'undefined' && navigator.locks) {
			await navigator.locks.request(LOCK_NAME, () => this.run());
		} else {
			await this.run();
		}
	}

	private async run(): Promise<void> {
		await this.refreshCounts();
		if (this.snap.pending === 0) {
			this.set({ state: navigator.onLine ? 'idle' : 'offline', nextRetryAt: null });
			return;
		}
		if (!navigator.onLine) return this.set({ state: 'offline' });
		if (this.timer) clearTimeout(this.timer);
		this.timer = null;
		this.set({ state: 'syncing', nextRetryAt: null });
		for (let round = 0; round < 1000; round++) {
			const outcome = await this.sendOne();
			await this.refreshCounts();
			if (outcome !== 'continue' || this.snap.pending === 0) break;
		}
	}

	/** Sends the oldest batch; says whether to go on. */
	private async sendOne(): Promise<'continue' | 'stop'> {
		const pending = await visitsIn('pending');
		if (pending.length === 0) {
			this.set({ state: 'idle', lastError: null });
			return 'stop';
		}
		const device = await deviceMeta();
		const batch = pending.slice(0, SYNC_TIMING.batchSize);
		const { verdict, serverTime } = await sendBatch({
			deviceId: device.deviceId,
			sentAt: Date.now(),
			createdSeq: device.createdSeq,
			pending: pending.length,
			oldestPendingAt: pending[0]!.savedAt,
			visits: batch.map((v) => v.payload)
		});
		switch (verdict.kind) {
			case 'accepted':
				if (verdict.synced.length + verdict.conflicts.length === 0) {
					this.scheduleRetry('empty answer');
					return 'stop';
				}
				await markVisits(verdict.synced, 'synced');
				await markVisits(verdict.conflicts, 'conflict', 'conflict');
				if (verdict.lostData) await noteServerLoss(verdict.lostData.pending);
				await this.noteSuccess(serverTime);
				return 'continue';
			case 'invalid':
				for (const id of verdict.ids) {
					await markVisits([id], 'invalid', verdict.reasons[id] || verdict.message);
				}
				return 'continue';
			case 'forbidden':
				await markVisits(verdict.ids, 'rejected', verdict.message);
				return 'continue';
			case 'unauthorized':
				this.attempt = 1;
				this.set({ state: 'needs_login', lastError: 'unauthorized' });
				return 'stop';
			case 'retry':
				this.scheduleRetry(verdict.reason);
				return 'stop';
		}
	}

	private async noteSuccess(serverTime: number | null): Promise<void> {
		this.attempt = 0;
		const now = Date.now();
		const meta: SyncMeta = {
			key: 'sync',
			lastSyncAt: now,
			clockOffsetMs: serverTime === null ? null : serverTime - now
		};
		await (await fieldDb()).put('meta', meta);
		this.set({ state: 'idle', lastSyncAt: now, lastError: null });
	}

	private scheduleRetry(reason: string): void {
		const delay = backoffDelay(this.attempt++, this.random());
		const at = Date.now() + delay;
		this.set({
			state: navigator.onLine ? 'waiting_retry' : 'offline',
			nextRetryAt: at,
			lastError: reason
		});
		if (this.timer) clearTimeout(this.timer);
		this.timer = setTimeout(() => void this.syncNow(), delay);
	}

	private async refreshCounts(): Promise<void> {
		const s = await outboxStats();
		this.set({
			pending: s.pending,
			oldestPendingAt: s.oldestPendingAt,
			needsReview: s.needsReview
		});
	}

	private set(p: Partial<SyncSnapshot>): void {
		this.snap = { ...this.snap, ...p };
		for (const fn of this.listeners) fn(this.snap);
	}
}

let engine: SyncEngine | null = null;

/** The page's one sync engine (started on first use). */
export function syncEngine(): SyncEngine {
	if (!engine) {
		engine = new SyncEngine();
		engine.start();
	}
	return engine;
}
