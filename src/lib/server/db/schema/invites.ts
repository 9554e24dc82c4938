/**
 * Invitations to join with a role and scope (link + QR code). Like sessions, the link's token
 * is stored only as its SHA-256; an invite is used once, expires, and can be revoked.
 */
import { sqliteTable, text, integer, index, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { users } from './users.ts';
import { ROLES } from '../../../domain/roles.ts';
import { members } from './teams.ts';

export const invites = sqliteTable(
	'invites',
	{
		id: text('id').primaryKey(),
		/** Hex SHA-256 of the token in the invite link. */
		tokenHash: text('token_hash').notNull(),
		role: text('role', { enum: ROLES }).notNull(),
		scopeProvinceCode: text('scope_province_code'),
		scopeCommuneCode: text('scope_commune_code'),
		scopeTeamId: text('scope_team_id'),
		/** Optional member record the new login is linked to. */
		memberId: text('member_id').references(() => members.id),
		/** Free text shown on the printed invite, e.g. "Tổ trưởng thôn Đồng Tâm". */
		note: text('note'),
		createdBy: text('created_by')
			.notNull()
			.references(() => users.id),
		createdAt: integer('created_at').notNull(),
		expiresAt: integer('expires_at').notNull(),
		acceptedAt: integer('accepted_at'),
		acceptedBy: text('accepted_by').references(() => users.id),
		revokedAt: integer('revoked_at')
	},
	(t) => [
		// opening an invite link (GET /api/invites/token/:token, accept).
		uniqueIndex('invites_token_idx').on(t.tokenHash),
		// a commune's invites for its admin, newest first.
		index('invites_scope_idx').on(t.scopeProvinceCode, t.scopeCommuneCode, t.createdAt)
	]
);
