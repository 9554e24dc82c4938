/**
 * What the device does with each answer of POST /api/visits. Pure, so every branch of the sync
 * rules is unit-tested: the outbox keeps every visit until the server has it or a person must
 * look at it; nothing is ever dropped.
 */

export type SyncItemStatus = 'inserted' | 'duplicate' | 'conflict';

/** The device's verdict on one sync request. */
export type SyncVerdict =
	/** Stored (or already stored); conflicts are kept on the device, flagged for review. */
	| { kind: 'accepted'; synced: string[]; conflicts: string[]; lostData: LostDataInfo | null }
	/** Not logged in: keep everything, ask to log in, stop retrying until then. */
	| { kind: 'unauthorized' }
	/**
	 * Visits the server refused as malformed or wrongly dated (every one it named, each with its
	 * own reason): flag them, send the others again at once.
	 */
	| { kind: 'invalid'; ids: string[]; message: string; reasons: Record<string, string> }
	/** Visits outside the caller's routes: flag them, send the others again at once. */
	| { kind: 'forbidden'; ids: string[]; message: string }
	/** Server or network trouble: keep everything, retry later with backoff. */
	| { kind: 'retry'; reason: string };

export interface LostDataInfo {
	deviceId: string;
	pending: number;
	reportedAt: number;
}

interface Body {
	code?: string;
	message?: string;
	results?: { id: string; status: SyncItemStatus }[];
	lostData?: LostDataInfo | null;
	details?: {
		ids?: string[];
		id?: string | null;
		index?: number;
		rejected?: { index?: number; id?: string | null; reasons?: { message?: string }[] }[];
	};
}

/**
 * Classifies a response. `sentIds` are the ids of the batch in order (to name the visit of a
 * 400 that only gives its index).
 */
export function classifySyncResponse(
	status: number,
	body: unknown,
	sentIds: string[]
): SyncVerdict {
	const b = (body && typeof body === 'object' ? body : {}) as Body;
	if ((status === 200 || status === 409) && Array.isArray(b.results)) {
		const synced = b.results.filter((r) => r.status !== 'conflict').map((r) => r.id);
		const conflicts = b.results.filter((r) => r.status === 'conflict').map((r) => r.id);
		return { kind: 'accepted', synced, conflicts, lostData: b.lostData ?? null };
	}
	if (status === 401) return { kind: 'unauthorized' };
	if (status === 400 && b.code === 'invalid_visit') {
		const reasons: Record<string, string> = {};
		for (const r of Array.isArray(b.details?.rejected) ? b.details.rejected : []) {
			const id = r.id ?? sentIds[r.index ?? -1];
			if (id) reasons[id] = (r.reasons ?? []).map((x) => x.message ?? '').join('; ');
		}
		const first = b.details?.id ?? sentIds[b.details?.index ?? -1];
		if (first && !(first in reasons)) reasons[first] = b.message ?? '';
		const ids = Object.keys(reasons);
		if (ids.length > 0) return { kind: 'invalid', ids, message: b.message ?? '', reasons };
	}
	if (status === 403 && Array.isArray(b.details?.ids) && b.details.ids.length > 0) {
		return { kind: 'forbidden', ids: b.details.ids, message: b.message ?? '' };
	}
	return { kind: 'retry', reason: `HTTP ${status}${b.code ? ` ${b.code}` : ''}` };
}
