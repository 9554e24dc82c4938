/**
 * The bookkeeping of a device sync, written in the same batch as the visits: conflicts kept for
 * review, and the device's watermark (what it has created, what it still holds unsynced).
 * Eviction detection: a browser that comes back with a new device id while its previous device
 * still had unsynced visits, or a device whose created-counter went backwards, lost data.
 * Devices and conflicts live in the province's shard, beside the visits they account for.
 */
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { ShardDb } from '../shards.ts';
import { statementOf } from '../bulk.ts';
import { syncDevices, visitConflicts } from '../schema/index.ts';
import type { VisitRow } from '../schema/visits.input.ts';

export type DeviceRow = typeof syncDevices.$inferSelect;

/** What the device says about itself on every sync. */
export interface DeviceReport {
	deviceId: string;
	/** Device clock when it sent the request (epoch ms). */
	sentAt: number;
	/** Highest local sequence number it ever gave a visit. */
	createdSeq: number;
	/** Unsynced visits it holds, including the ones in this request. */
	pending: number;
	oldestPendingAt: number | null;
}

/** Data a device lost (its store was evicted or wiped) before syncing it. */
export interface LostData {
	deviceId: string;
	pending: number;
	/** When the device last reported it (epoch ms). */
	reportedAt: number;
}

/** The devices involved in a sync: this one and the previous one of the same browser. */
export async function loadDevices(
	shard: ShardDb,
	ids: (string | null)[]
): Promise<Map<string, DeviceRow>> {
	const wanted = [...new Set(ids.filter((id): id is string => id !== null))];
	if (wanted.length === 0) return new Map();
	const rows = await shard.select().from(syncDevices).where(inArray(syncDevices.id, wanted));
	return new Map(rows.map((row) => [row.id, row]));
}

/**
 * Decides whether data was lost: the browser's previous device (from its cookie) had pending
 * visits and now a different device id syncs; or this device's counter went backwards.
 */
export function detectLoss(
	report: DeviceReport,
	userId: string,
	self: DeviceRow | undefined,
	previous: DeviceRow | undefined
): LostData | null {
	if (previous && previous.id !== report.deviceId && previous.userId === userId) {
		if (previous.pending > 0 && previous.lostDataAt === null) {
			return { deviceId: previous.id, pending: previous.pending, reportedAt: previous.lastSeenAt };
		}
	}
	if (self && report.createdSeq < self.createdSeq && self.pending > 0) {
		return { deviceId: self.id, pending: self.pending, reportedAt: self.lastSeenAt };
	}
	return null;
}

/** Statements: upsert this device's watermark; mark a previous device's loss. */
export function watermarkStatements(
	shard: ShardDb,
	a: {
		report: DeviceReport;
		userId: string;
		memberId: string | null;
		accepted: number;
		now: number;
		lost: LostData | null;
	}
): D1PreparedStatement[] {
	const { report, now, lost } = a;
	const pending = Math.max(0, report.pending - a.accepted);
	const values = {
		userId: a.userId,
		memberId: a.memberId,
		lastSeenAt: now,
		createdSeq: report.createdSeq,
		pending,
		oldestPendingAt: pending > 0 ? report.oldestPendingAt : null,
		clockOffsetMs: now - report.sentAt
	};
	const upsert = shard
		.insert(syncDevices)
		.values({ id: report.deviceId, firstSeenAt: now, acceptedTotal: a.accepted, ...values })
		.onConflictDoUpdate({
			target: syncDevices.id,
			set: { ...values, acceptedTotal: sql`accepted_total + ${a.accepted}` }
		});
	const out = [statementOf(shard, upsert)];
	if (lost) {
		const mark = shard
			.update(syncDevices)
			.set({
				lostDataAt: now,
				lostPending: lost.pending,
				replacedBy: lost.deviceId === report.deviceId ? null : report.deviceId
			})
			.where(and(eq(syncDevices.id, lost.deviceId), eq(syncDevices.userId, a.userId)));
		// The mark must follow the upsert when the loss is this very device's.
		out.push(statementOf(shard, mark));
	}
	return out;
}

/** Inserts for conflicting payloads (same id, another payload), one per (visit, payload). */
export function conflictStatements(
	shard: ShardDb,
	rows: { row: VisitRow; hash: string; storedHash: string }[],
	ctx: { userId: string; deviceId: string; now: number }
): D1PreparedStatement[] {
	return rows.map(({ row, hash, storedHash }) =>
		statementOf(
			shard,
			shard
				.insert(visitConflicts)
				.values({
					id: crypto.randomUUID(),
					visitId: row.id,
					provinceCode: row.provinceCode,
					communeCode: row.communeCode,
					householdId: row.householdId,
					userId: ctx.userId,
					deviceId: ctx.deviceId,
					payload: JSON.stringify(row),
					payloadHash: hash,
					storedHash,
					receivedAt: ctx.now
				})
				.onConflictDoNothing()
		)
	);
}
