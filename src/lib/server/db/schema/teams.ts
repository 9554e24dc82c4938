/** Teams (tổ công nghệ số cộng đồng) and their members. */
import { sqliteTable, text, integer, index } from 'drizzle-orm/sqlite-core';
import { communes } from './admin-units.ts';
import { hamlets } from './hamlets.ts';
import { ONETOUCH_STATUSES, TEAM_ROLES, UNION_AFFILIATIONS } from '../../../domain/choices.ts';

export const teams = sqliteTable(
	'teams',
	{
		id: text('id').primaryKey(),
		provinceCode: text('province_code').notNull(),
		communeCode: text('commune_code')
			.notNull()
			.references(() => communes.code),
		hamletId: text('hamlet_id').references(() => hamlets.id),
		name: text('name').notNull(),
		foundedOn: text('founded_on'), // YYYY-MM-DD
		active: integer('active', { mode: 'boolean' }).notNull().default(true),
		isDemo: integer('is_demo', { mode: 'boolean' }).notNull().default(false),
		createdAt: integer('created_at').notNull()
	},
	// a commune's team list; `teams` metric and hamlet coverage in the metrics job.
	(t) => [index('teams_commune_idx').on(t.provinceCode, t.communeCode)]
);

export const members = sqliteTable(
	'members',
	{
		id: text('id').primaryKey(),
		teamId: text('team_id')
			.notNull()
			.references(() => teams.id),
		provinceCode: text('province_code').notNull(),
		communeCode: text('commune_code').notNull(),
		fullName: text('full_name').notNull(),
		phone: text('phone'),
		unionAffiliation: text('union_affiliation', { enum: UNION_AFFILIATIONS }).notNull(),
		onetouchStatus: text('onetouch_status', { enum: ONETOUCH_STATUSES }).notNull(),
		onetouchDate: text('onetouch_date'),
		teamRole: text('team_role', { enum: TEAM_ROLES }).notNull(),
		active: integer('active', { mode: 'boolean' }).notNull().default(true),
		isDemo: integer('is_demo', { mode: 'boolean' }).notNull().default(false),
		createdAt: integer('created_at').notNull(),
		/** Set when the member's personal data was erased (name and phone gone; issue 13). */
		erasedAt: integer('erased_at')
	},
	(t) => [
		// a team's member list.
		index('members_team_idx').on(t.teamId),
		// members per commune in the metrics job.
		index('members_commune_idx').on(t.provinceCode, t.communeCode)
	]
);
