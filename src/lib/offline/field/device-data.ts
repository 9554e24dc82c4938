/**
 * What field mode keeps on this device, and removing it at logout (Law 91/2025: a shared or
 * lost phone must not keep households' addresses and points). Unsent visits are never dropped:
 * removal is refused while any visit still waits to be sent or reviewed.
 */
import { CACHE_NAMES } from '$lib/offline/sw/policy';
import { FIELD_DB_NAME, fieldDb } from './db';
import { refreshSentinel } from './outbox';

export interface DeviceData {
	/** Visits not yet accepted by the server: waiting to be sent, or refused and kept to review. */
	unsent: number;
	/** Routes saved for offline use (addresses, points, do-not-contact flags). */
	savedRoutes: number;
	/** Visits already sent, kept to show what was done. */
	sent: number;
}

const NOTHING: DeviceData = { unsent: 0, savedRoutes: 0, sent: 0 };

/** True when this browser has a field store at all (never creates one just to look). */
async function hasFieldStore(): Promise<boolean> {
	if (typeof indexedDB === 'undefined') return false;
	if (!indexedDB.databases) return true;
	return (await indexedDB.databases()).some((d) => d.name === FIELD_DB_NAME);
}

/** What field mode holds on this device now. */
export async function deviceData(): Promise<DeviceData> {
	if (!(await hasFieldStore())) return NOTHING;
	const db = await fieldDb();
	const visits = await db.getAll('outbox');
	const sent = visits.filter((v) => v.state === 'synced').length;
	return { unsent: visits.length - sent, savedRoutes: await db.count('routes'), sent };
}

export class UnsentVisitsError extends Error {
	constructor(readonly unsent: number) {
		super(`${unsent} visit(s) are not sent yet`);
	}
}

/**
 * Removes the saved routes, the sent visits and the saved map assets from this device. The
 * device id and sync watermark stay, so the server does not take the removal for a loss.
 * @throws UnsentVisitsError while any visit is unsent (nothing is removed then).
 */
export async function clearDeviceData(): Promise<void> {
	if (!(await hasFieldStore())) return;
	const db = await fieldDb();
	const tx = db.transaction(['outbox', 'routes', 'meta'], 'readwrite', { durability: 'strict' });
	const visits = await tx.objectStore('outbox').getAll();
	const unsent = visits.filter((v) => v.state !== 'synced').length;
	if (unsent > 0) {
		tx.abort();
		await tx.done.catch(() => undefined);
		throw new UnsentVisitsError(unsent);
	}
	await Promise.all([
		tx.objectStore('outbox').clear(),
		tx.objectStore('routes').clear(),
		tx.objectStore('meta').delete('notice')
	]);
	await tx.done;
	await refreshSentinel(db);
	if (typeof caches !== 'undefined') await caches.delete(CACHE_NAMES.saved);
}
