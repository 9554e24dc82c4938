/**
 * The version of the public figures (when the metrics job last published them), read from D1 at
 * most once per VERSION_FRESH_MS per isolate and database: every public read is keyed by it, so
 * a burst of requests — whatever their query strings or If-None-Match values — costs D1 one
 * point read per window, not one per request. Concurrent reads share one query.
 */
import type { Db } from '../db/client.ts';
import { metricsVersion } from '../db/queries/public-metrics.ts';

/**
 * How long a version read is used before D1 is asked again. New figures reach the public at
 * most this long after the job (every 15 minutes) published them, plus the response's max-age.
 */
export const VERSION_FRESH_MS = 10_000;

interface Held {
	version: number;
	readAt: number;
	/** The read under way, shared by every request that needs a fresh version meanwhile. */
	reading: Promise<number> | null;
}

// Keyed by the D1 binding: one entry per database (tests open many), none kept when it goes.
const held = new WeakMap<object, Held>();

function readNow(entry: Held, db: Db): Promise<number> {
	entry.reading ??= metricsVersion(db)
		.then((version) => {
			entry.version = version;
			entry.readAt = Date.now();
			return version;
		})
		.finally(() => {
			entry.reading = null;
		});
	return entry.reading;
}

/**
 * The published version for the database `binding` (read through `db`). `fresh` (a request's
 * `Cache-Control: no-cache`) reads it again, joining a read already under way.
 * @returns epoch ms of the last metrics run, 0 when it never ran. Throws what D1 throws.
 */
export async function publishedVersion(binding: object, db: Db, fresh = false): Promise<number> {
	let entry = held.get(binding);
	if (!entry) {
		entry = { version: 0, readAt: -Infinity, reading: null };
		held.set(binding, entry);
	}
	if (!fresh && Date.now() - entry.readAt < VERSION_FRESH_MS) return entry.version;
	return readNow(entry, db);
}
