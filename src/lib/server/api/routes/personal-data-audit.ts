/** The audit entries of personal-data actions: who they are about, and the reason redacted. */
import type { AuditEntry } from '../../auth/audit.ts';
import { redactReason } from '../../../domain/personal-data.ts';

/**
 * The audit entry of an action on one person's record: who it is about and the reason, with the
 * person's own values blanked out of it (so the record of an erasure never holds what was erased).
 */
export function aboutPerson(
	kind: 'export' | 'write',
	action: 'export' | 'erase' | 'keep',
	entity: 'household' | 'member',
	row: { id: string; provinceCode: string; communeCode: string },
	reason: { text: string | undefined; personal: readonly (string | null)[] },
	detail: Record<string, unknown> = {}
): AuditEntry {
	return {
		kind,
		action: `${entity}.${action}`,
		entity,
		entityId: row.id,
		provinceCode: row.provinceCode,
		communeCode: row.communeCode,
		detail: reason.text ? { reason: redactReason(reason.text, reason.personal), ...detail } : detail
	};
}

/** A household's own values, for redacting a reason. */
export const householdValues = (h: {
	headName: string | null;
	headPhone: string | null;
	address: string;
}) => [h.headName, h.headPhone, h.address];

/** A member's own values (and their accounts' logins), for redacting a reason. */
export function personalValues(
	m: { fullName: string; phone: string | null },
	accounts: { email: string | null; phone: string | null; displayName: string }[]
) {
	return [m.fullName, m.phone, ...accounts.flatMap((u) => [u.email, u.phone, u.displayName])];
}
