/** The remote side of the outbox: POST /api/visits. Network failures become a `retry`. */
import { apiRequest, ApiCallError } from '$lib/api/client';
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
	let status: number;
	let json: unknown;
	try {
		const res = await apiRequest<unknown>('/api/visits', {
			body,
			cache: 'none',
			timeoutMs: SYNC_REQUEST_TIMEOUT_MS
		});
		[status, json] = [res.status, res.data];
	} catch (err) {
		if (!(err instanceof ApiCallError) || err.kind !== 'http' || err.body === undefined) {
			// Nothing came back, or a cut or non-JSON answer: the server may or may not have
			// committed. Retry: replays are idempotent, so a visit it already has comes back as
			// a duplicate.
			const why = err instanceof ApiCallError ? `${err.kind}: ${err.message}` : String(err);
			return { verdict: { kind: 'retry', reason: why }, serverTime: null };
		}
		[status, json] = [err.status, err.body];
	}
	const serverTime = (json as { serverTime?: unknown })?.serverTime;
	return {
		verdict: classifySyncResponse(
			status,
			json,
			body.visits.map((v) => v.id)
		),
		serverTime: typeof serverTime === 'number' ? serverTime : null
	};
}
