/**
 * The visit outbox: each visit is an immutable record with a UUIDv7 made here, written durably
 * to IndexedDB before the UI may say "saved". Visits leave the `pending` state only when the
 * server has them (synced) or a person must look at them (conflict, rejected, invalid): the
 * outbox never drops or expires a visit.
 */
import { v7 } from 'uuid';
import type { VisitPayload } from '$lib/domain/field/visit-draft';
import {
	fieldDb,
	type DeviceMeta,
	type FieldDb,
	type NoticeMeta,
	type OutboxState,
	type OutboxVisit
} from './db';
import { readSentinel, writeSentinel } from './sentinel';

/** The device record, creating it on first use; detects a store that lost unsynced visits. */
export async function deviceMeta(db?: FieldDb): Promise<DeviceMeta> {
	const d = db ?? (await fieldDb());
	const found = (await d.get('meta', 'device')) as DeviceMeta | undefined;
	if (found) return found;
	const device: DeviceMeta = {
		key: 'device',
		deviceId: v7(),
		createdSeq: 0,
		createdAt: Date.now()
	};
	const before = readSentinel();
	const tx = d.transaction('meta', 'readwrite', { durability: 'strict' });
	if (before && before.pending > 0) {
		// This browser held unsynced visits in a store that is now gone (evicted or wiped).
		const notice: NoticeMeta = {
			key: 'notice',
			kind: 'evicted',
			pending: before.pending,
			detectedAt: Date.now()
		};
		await tx.store.put(notice);
	}
	await tx.store.put(device);
	await tx.done;
	writeSentinel({ deviceId: device.deviceId, createdSeq: 0, pending: 0 });
	return device;
}

/**
 * Saves a visit durably and returns it; only then may the UI say "saved". The id is the
 * payload's (a UUIDv7 made by the caller, see newVisitId) so the record is immutable.
 */
export async function recordVisit(payload: VisitPayload): Promise<OutboxVisit> {
	const db = await fieldDb();
	const device = await deviceMeta(db);
	const tx = db.transaction(['outbox', 'meta'], 'readwrite', { durability: 'strict' });
	const meta = ((await tx.objectStore('meta').get('device')) as DeviceMeta | undefined) ?? device;
	const seq = meta.createdSeq + 1;
	const record: OutboxVisit = {
		id: payload.id,
		seq,
		payload,
		state: 'pending',
		savedAt: Date.now(),
		attempts: 0
	};
	await tx.objectStore('outbox').add(record); // add, not put: an id is never overwritten
	await tx.objectStore('meta').put({ ...meta, createdSeq: seq });
	await tx.done;
	await refreshSentinel(db);
	return record;
}

/** A new visit id: UUIDv7 (time-ordered), made on the device. */
export function newVisitId(): string {
	return v7();
}

/** Visits in a state, oldest first. */
export async function visitsIn(state: OutboxState): Promise<OutboxVisit[]> {
	const rows = await (await fieldDb()).getAllFromIndex('outbox', 'state', state);
	return rows.sort((a, b) => a.seq - b.seq);
}

/** Every visit of the outbox (any state), oldest first. */
export async function allVisits(): Promise<OutboxVisit[]> {
	const rows = await (await fieldDb()).getAll('outbox');
	return rows.sort((a, b) => a.seq - b.seq);
}

export interface OutboxStats {
	pending: number;
	/** Device time the oldest unsynced visit was saved, or null. */
	oldestPendingAt: number | null;
	needsReview: number;
	synced: number;
}

/** Counts for the sync panel. */
export async function outboxStats(): Promise<OutboxStats> {
	const all = await allVisits();
	const pending = all.filter((v) => v.state === 'pending');
	return {
		pending: pending.length,
		oldestPendingAt: pending.length ? Math.min(...pending.map((v) => v.savedAt)) : null,
		needsReview: all.filter((v) => v.state !== 'pending' && v.state !== 'synced').length,
		synced: all.filter((v) => v.state === 'synced').length
	};
}

/** Moves visits to a new state (after a sync answer). Unknown ids are ignored. */
export async function markVisits(
	ids: readonly string[],
	state: OutboxState,
	problem?: string
): Promise<void> {
	if (ids.length === 0) return;
	const db = await fieldDb();
	const tx = db.transaction('outbox', 'readwrite', { durability: 'strict' });
	const now = Date.now();
	for (const id of ids) {
		const v = await tx.store.get(id);
		if (!v || v.state === state) continue;
		await tx.store.put({
			...v,
			state,
			attempts: v.attempts + 1,
			...(state === 'synced' ? { syncedAt: now } : {}),
			...(problem ? { problem } : {})
		});
	}
	await tx.done;
	await refreshSentinel(db);
}

/** Keeps the eviction sentinel in step with the store. */
export async function refreshSentinel(db?: FieldDb): Promise<void> {
	const d = db ?? (await fieldDb());
	const device = (await d.get('meta', 'device')) as DeviceMeta | undefined;
	if (!device) return;
	const pending = await d.countFromIndex('outbox', 'state', 'pending');
	writeSentinel({ deviceId: device.deviceId, createdSeq: device.createdSeq, pending });
}

/** The notice about lost data, if any (shown until dismissed). */
export async function lostDataNotice(): Promise<NoticeMeta | null> {
	return ((await (await fieldDb()).get('meta', 'notice')) as NoticeMeta | undefined) ?? null;
}

/** Records a loss the server detected (sync watermarks). */
export async function noteServerLoss(pending: number): Promise<void> {
	const notice: NoticeMeta = {
		key: 'notice',
		kind: 'server_lost',
		pending,
		detectedAt: Date.now()
	};
	await (await fieldDb()).put('meta', notice);
}

export async function dismissNotice(): Promise<void> {
	await (await fieldDb()).delete('meta', 'notice');
}
