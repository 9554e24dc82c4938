/**
 * Audit log: every write, and every read or export of personal data — who, what, which
 * commune, when (UTC epoch ms). Append-only; viewable by the admins of that scope.
 */
import { sqliteTable, text, integer, index } from 'drizzle-orm/sqlite-core';
import { ROLES } from '../../../domain/roles.ts';
import { AUDIT_KINDS } from '../../../domain/choices.ts';

export const auditLog = sqliteTable(
	'audit_log',
	{
		id: text('id').primaryKey(),
		/** Epoch ms, UTC. */
		at: integer('at').notNull(),
		/** Null for anonymous events (failed login, invite accepted before the account exists). */
		actorUserId: text('actor_user_id'),
		actorRole: text('actor_role', { enum: ROLES }),
		kind: text('kind', { enum: AUDIT_KINDS }).notNull(),
		/** Dotted verb, e.g. "team.create", "members.read", "teams.export". */
		action: text('action').notNull(),
		entity: text('entity').notNull(),
		entityId: text('entity_id'),
		provinceCode: text('province_code'),
		communeCode: text('commune_code'),
		/** Small JSON object: changed field names, row counts; never passwords or tokens. */
		detail: text('detail'),
		requestId: text('request_id')
	},
	(t) => [
		// a commune's log for its admin, and a province's for the province admin (prefix).
		index('audit_area_idx').on(t.provinceCode, t.communeCode, t.at),
		// the admin's log across the country, newest first; audit retention (delete before a time).
		index('audit_at_idx').on(t.at),
		// read coalescing (middleware/scope.ts auditNow): this person's same read in the last minutes.
		index('audit_actor_action_idx').on(t.actorUserId, t.action, t.at)
	]
);
