/** The remote side of the outbox: POST /api/visits. Network failures become a `retry`. */
import { classifySyncResponse, type SyncVerdict } from '$lib/domain/field/sync-response';
import type { VisitPayload } from '$lib/domain/field/visit-draft';

export interface SyncRequest {
	deviceId: string;
	sentAt: number;
	createdSeq: number;
	pending: number;
	oldestPendingAt: number | null;
	visits: VisitPayload[];
}

/** How long one sync request may take before it counts as failed (and is retried). */
export const SYNC_REQUEST_TIMEOUT_MS = 30_000;

/** Sends one batch; never throws. Also returns the server's clock when it answered. */
export async function sendBatch(
	body: SyncRequest
): Promise<{ verdict: SyncVerdict; serverTime: number | null }> {
	let res: Response;
	try {
		res = await fetch('/api/visits', {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify(body),
			credentials: 'same-origin',
			cache: 'no-store',
			signal: AbortSignal.timeout(SYNC_REQUEST_TIMEOUT_MS)
		});
	} catch (err) {
		return {
			verdict: { kind: 'retry', reason: `network: ${(err as Error).name}` },
			serverTime: null
		};
	}
	let json: unknown;
	try {
		json = await res.json();
	} catch {
		// A cut or non-JSON answer: the server may or may not have committed. Retry: replays
		// are idempotent, so a visit it already has comes back as a duplicate.
		return {
			verdict: { kind: 'retry', reason: `HTTP ${res.status} unreadable` },
			serverTime: null
		};
	}
	const serverTime = (json as { serverTime?: unknown })?.serverTime;
	return {
		verdict: classifySyncResponse(
			res.status,
			json,
			body.visits.map((v) => v.id)
		),
		serverTime: typeof serverTime === 'number' ? serverTime : null
	};
}
