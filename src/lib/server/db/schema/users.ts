/** Logins with a role and a scope (province, commune or team). Sessions come with the accounts issue. */
import { sqliteTable, text, integer, index, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { members } from './teams.ts';
import { ROLES } from '../../../domain/roles.ts';

export const users = sqliteTable(
	'users',
	{
		id: text('id').primaryKey(),
		email: text('email'),
		phone: text('phone'),
		displayName: text('display_name').notNull(),
		passwordHash: text('password_hash').notNull(),
		role: text('role', { enum: ROLES }).notNull(),
		scopeProvinceCode: text('scope_province_code'),
		scopeCommuneCode: text('scope_commune_code'),
		scopeTeamId: text('scope_team_id'),
		memberId: text('member_id').references(() => members.id),
		disabled: integer('disabled', { mode: 'boolean' }).notNull().default(false),
		createdAt: integer('created_at').notNull(),
		/** Set when the account's personal data was erased: no login, name or password left. */
		erasedAt: integer('erased_at')
	},
	(t) => [
		// login by email / by phone.
		uniqueIndex('users_email_idx').on(t.email),
		uniqueIndex('users_phone_idx').on(t.phone),
		// listing the accounts of a commune for its admin.
		index('users_scope_idx').on(t.scopeProvinceCode, t.scopeCommuneCode)
	]
);
