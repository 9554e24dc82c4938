/**
 * Backup of unsynced visits to a file, and import of such a file (on this or another device).
 * Importing never overwrites a visit the outbox already holds: ids are immutable.
 */
import { z } from 'zod';
import { VISIT_OUTCOMES } from '$lib/domain/choices';
import { communeCodeInput, provinceCodeInput } from '$lib/domain/fields';
import { fieldDb, type DeviceMeta, type OutboxVisit } from './db';
import { allVisits, deviceMeta, refreshSentinel } from './outbox';

export const BACKUP_FORMAT = 'tungngo-visits-backup';

const payload = z.object({
	id: z.uuidv7(),
	provinceCode: provinceCodeInput,
	communeCode: communeCodeInput,
	householdId: z.string().min(1).max(64),
	routeId: z.string().max(64).nullable(),
	memberId: z.string().max(64).nullable(),
	visitedAt: z.number().int(),
	outcome: z.enum(VISIT_OUTCOMES),
	adults: z.number().int().min(0),
	peopleHelped: z.number().int().min(0),
	note: z.string().nullable(),
	revisitOn: z.string().nullable(),
	services: z.array(
		z.object({ serviceCode: z.string(), adultsUsing: z.number().int(), helped: z.number().int() })
	)
});

const backupFile = z.object({
	format: z.literal(BACKUP_FORMAT),
	version: z.literal(1),
	deviceId: z.string(),
	exportedAt: z.number(),
	visits: z.array(z.object({ payload, savedAt: z.number(), state: z.string() }))
});

/** The backup document of every visit not yet on the server (pending and needing review). */
export async function exportBackup(): Promise<{ text: string; count: number; fileName: string }> {
	const device = await deviceMeta();
	const visits = (await allVisits()).filter((v) => v.state !== 'synced');
	const now = Date.now();
	const doc = {
		format: BACKUP_FORMAT,
		version: 1,
		deviceId: device.deviceId,
		exportedAt: now,
		visits: visits.map((v) => ({ payload: v.payload, savedAt: v.savedAt, state: v.state }))
	};
	const stamp = new Date(now).toISOString().slice(0, 16).replace(/[:T]/g, '-');
	return {
		text: JSON.stringify(doc, null, 1),
		count: visits.length,
		fileName: `tung-ngo-luot-tham-${stamp}.json`
	};
}

/** Exports the backup and hands it to the browser as a download. @returns visits in it. */
export async function downloadBackup(): Promise<number> {
	const b = await exportBackup();
	const url = URL.createObjectURL(new Blob([b.text], { type: 'application/json' }));
	const a = document.createElement('a');
	a.href = url;
	a.download = b.fileName;
	a.click();
	setTimeout(() => URL.revokeObjectURL(url), 10_000);
	return b.count;
}

export interface ImportResult {
	added: number;
	/** Already in the outbox (same id). */
	skipped: number;
}

/**
 * Adds the file's visits to the outbox as pending (they will sync; the server ignores ones it
 * has). @throws Error with a readable reason when the file is not a backup.
 */
export async function importBackup(text: string): Promise<ImportResult> {
	let json: unknown;
	try {
		json = JSON.parse(text);
	} catch {
		throw new Error('not JSON');
	}
	const parsed = backupFile.safeParse(json);
	if (!parsed.success) {
		const i = parsed.error.issues[0];
		throw new Error(`${i?.path.join('.') || 'file'}: ${i?.message ?? 'invalid'}`);
	}
	const db = await fieldDb();
	await deviceMeta(db);
	const tx = db.transaction(['outbox', 'meta'], 'readwrite', { durability: 'strict' });
	const meta = (await tx.objectStore('meta').get('device')) as DeviceMeta;
	let seq = meta.createdSeq;
	let added = 0;
	let skipped = 0;
	for (const v of parsed.data.visits) {
		if (await tx.objectStore('outbox').get(v.payload.id)) {
			skipped++;
			continue;
		}
		const record: OutboxVisit = {
			id: v.payload.id,
			seq: ++seq,
			payload: v.payload,
			state: 'pending',
			savedAt: v.savedAt,
			attempts: 0
		};
		await tx.objectStore('outbox').add(record);
		added++;
	}
	await tx.objectStore('meta').put({ ...meta, createdSeq: seq });
	await tx.done;
	await refreshSentinel(db);
	return { added, skipped };
}
