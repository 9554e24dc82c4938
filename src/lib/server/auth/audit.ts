/**
 * Audit entries. Handlers add the entry to the same D1 batch as the write it describes, so a
 * write and its record commit together or not at all.
 */
import type { AnyDb } from '../db/client.ts';
import { auditLog } from '../db/schema/index.ts';
import type { AuditKind } from '../../domain/choices.ts';
import type { Actor } from '../../domain/scope.ts';

export interface AuditEntry {
	kind: AuditKind;
	action: string;
	entity: string;
	entityId?: string | null;
	provinceCode?: string | null;
	communeCode?: string | null;
	/** Field names, counts, ids — never passwords, tokens or the personal values themselves. */
	detail?: Record<string, unknown>;
}

/** The insert for one audit entry by `actor` (null when anonymous). */
export function auditInsert(
	db: AnyDb,
	actor: Actor | null,
	entry: AuditEntry,
	requestId: string | null,
	now = Date.now()
) {
	return db.insert(auditLog).values({
		id: crypto.randomUUID(),
		at: now,
		actorUserId: actor?.userId ?? null,
		actorRole: actor?.role ?? null,
		kind: entry.kind,
		action: entry.action,
		entity: entry.entity,
		entityId: entry.entityId ?? null,
		provinceCode: entry.provinceCode ?? null,
		communeCode: entry.communeCode ?? null,
		detail: entry.detail ? JSON.stringify(entry.detail) : null,
		requestId
	});
}
