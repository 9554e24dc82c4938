/**
 * A small mirror of the outbox's state outside IndexedDB (localStorage), so that on the next
 * start the app can tell "this browser held unsynced visits and the store is now empty". Some
 * wipes take both (then the server's sync watermarks tell, see api/routes/visits.ts).
 */
const KEY = 'tungngo.field.sentinel';

export interface Sentinel {
	deviceId: string;
	createdSeq: number;
	pending: number;
}

export function readSentinel(): Sentinel | null {
	try {
		const raw = localStorage.getItem(KEY);
		if (!raw) return null;
		const s = JSON.parse(raw) as Partial<Sentinel>;
		return typeof s.deviceId === 'string' && typeof s.pending === 'number'
			? { deviceId: s.deviceId, createdSeq: s.createdSeq ?? 0, pending: s.pending }
			: null;
	} catch {
		return null;
	}
}

export function writeSentinel(s: Sentinel): void {
	try {
		localStorage.setItem(KEY, JSON.stringify(s));
	} catch {
		// Storage full or blocked: the server-side watermark still detects the loss.
	}
}
