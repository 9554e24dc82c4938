/**
 * The device's own field store in IndexedDB (via idb): the visit outbox, saved routes and a
 * little metadata. The app owns it: nothing here expires, and service-worker updates never
 * touch it. Writes that the UI reports as "saved" use strict durability (flushed to disk).
 */
import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { VisitPayload } from '$lib/domain/field/visit-draft';
import type { SavedRoute } from './saved-route-types';

export const FIELD_DB_NAME = 'tungngo-field';
const VERSION = 1;

/** Where a visit stands. Only `pending` visits are sent; the others are kept for a person. */
export type OutboxState = 'pending' | 'synced' | 'conflict' | 'rejected' | 'invalid';

export interface OutboxVisit {
	id: string;
	/** Order of creation on this device (1, 2, …): the device's write watermark. */
	seq: number;
	payload: VisitPayload;
	state: OutboxState;
	/** Device clock when saved. */
	savedAt: number;
	attempts: number;
	syncedAt?: number;
	/** Why the server refused it (rejected, invalid) or what conflicts. */
	problem?: string;
}

export interface DeviceMeta {
	key: 'device';
	deviceId: string;
	createdSeq: number;
	createdAt: number;
}

export interface NoticeMeta {
	key: 'notice';
	kind: 'evicted' | 'server_lost';
	pending: number;
	detectedAt: number;
}

export interface SyncMeta {
	key: 'sync';
	lastSyncAt: number | null;
	/** Server time − device time at the last sync (clock skew), ms. */
	clockOffsetMs: number | null;
}

type Meta = DeviceMeta | NoticeMeta | SyncMeta;

export interface FieldSchema extends DBSchema {
	outbox: {
		key: string;
		value: OutboxVisit;
		indexes: { state: OutboxState; household: string };
	};
	routes: { key: string; value: SavedRoute };
	meta: { key: Meta['key']; value: Meta };
}

export type FieldDb = IDBPDatabase<FieldSchema>;

let opening: Promise<FieldDb> | null = null;

/** The field database (opened once per page). */
export function fieldDb(): Promise<FieldDb> {
	opening ??= openDB<FieldSchema>(FIELD_DB_NAME, VERSION, {
		upgrade(db) {
			const outbox = db.createObjectStore('outbox', { keyPath: 'id' });
			outbox.createIndex('state', 'state');
			outbox.createIndex('household', 'payload.householdId');
			db.createObjectStore('routes', { keyPath: 'id' });
			db.createObjectStore('meta', { keyPath: 'key' });
		},
		blocking() {
			// A newer version of the app wants to upgrade the store: let it, reopen on next use.
			void opening?.then((db) => db.close());
			opening = null;
		}
	});
	return opening;
}
