/** Boundary schemas of the visit sync API (the visits themselves: db/schema/visits.input.ts). */
import { z } from 'zod';
import { epochMsInput as epochMs } from '../../../domain/fields.ts';

/** Most visits per sync request; the device sends larger outboxes in several batches. */
export const MAX_VISITS_PER_SYNC = 500;

/** A sync request: the device's watermark, and a batch of visits (validated one by one). */
export const syncBody = z.object({
	deviceId: z.uuid(),
	sentAt: epochMs,
	createdSeq: z.number().int().min(0),
	pending: z.number().int().min(0),
	oldestPendingAt: epochMs.nullable().default(null),
	visits: z.array(z.unknown()).max(MAX_VISITS_PER_SYNC)
});
export type SyncBody = z.output<typeof syncBody>;

/** Per-visit outcome of a sync. */
export type SyncStatus = 'inserted' | 'duplicate' | 'conflict';
