/**
 * Device sync bookkeeping for the visit outbox (issue 6): per-device watermarks, so the server
 * can tell when a device's unsynced visits vanished (storage evicted), and visit conflicts (same
 * id, different payload) kept for a leader's review instead of being dropped or overwritten.
 */
import { sqliteTable, text, integer, index, uniqueIndex } from 'drizzle-orm/sqlite-core';

export const syncDevices = sqliteTable(
	'sync_devices',
	{
		/** Made on the device (UUIDv7) and kept in its IndexedDB; a wiped store makes a new one. */
		id: text('id').primaryKey(),
		userId: text('user_id').notNull(),
		memberId: text('member_id'),
		firstSeenAt: integer('first_seen_at').notNull(),
		lastSeenAt: integer('last_seen_at').notNull(),
		/** Highest local sequence number the device has ever given a visit (its write watermark). */
		createdSeq: integer('created_seq').notNull().default(0),
		/** Unsynced visits the device reported at its last contact, and the oldest one's time. */
		pending: integer('pending').notNull().default(0),
		oldestPendingAt: integer('oldest_pending_at'),
		/** Visits from this device the server accepted (inserted or already stored). */
		acceptedTotal: integer('accepted_total').notNull().default(0),
		/** Server time − device time at the last contact (clock skew), ms. */
		clockOffsetMs: integer('clock_offset_ms'),
		/** Set when the same browser came back with an empty store and a new device id. */
		replacedBy: text('replaced_by'),
		/** When the server concluded this device lost unsynced data (eviction or reset). */
		lostDataAt: integer('lost_data_at'),
		/** Visits reported pending but never received, at the time the loss was detected. */
		lostPending: integer('lost_pending')
	},
	(t) => [
		// a user's devices (eviction check on sync; "my devices").
		index('sync_devices_user_idx').on(t.userId, t.lastSeenAt)
	]
);

export const CONFLICT_RESOLUTIONS = ['kept_stored', 'replaced'] as const;

export const visitConflicts = sqliteTable(
	'visit_conflicts',
	{
		id: text('id').primaryKey(),
		visitId: text('visit_id').notNull(),
		provinceCode: text('province_code').notNull(),
		communeCode: text('commune_code').notNull(),
		householdId: text('household_id').notNull(),
		userId: text('user_id'),
		deviceId: text('device_id'),
		/** The rejected payload as the device sent it (JSON), for review. */
		payload: text('payload').notNull(),
		payloadHash: text('payload_hash').notNull(),
		/** Hash of the visit already stored under that id. */
		storedHash: text('stored_hash').notNull(),
		receivedAt: integer('received_at').notNull(),
		resolvedAt: integer('resolved_at'),
		resolution: text('resolution', { enum: CONFLICT_RESOLUTIONS })
	},
	(t) => [
		// open conflicts of a commune, newest first (leader review).
		index('visit_conflicts_commune_idx').on(t.provinceCode, t.communeCode, t.receivedAt),
		// one review row per (visit, payload): replays of the same conflict are not stacked.
		uniqueIndex('visit_conflicts_visit_idx').on(t.visitId, t.payloadHash)
	]
);
