/**
 * Help requests from the public (issue 17 §1; domain/help-requests.ts). They hold a phone, so
 * they live with the households on the province shard (docs/sharding.md); the public code starts
 * with the province, so a status page finds its shard without any global index.
 */
import { sqliteTable, text, integer, index, uniqueIndex } from 'drizzle-orm/sqlite-core';
import {
	CLOSE_REASONS,
	HELP_REQUEST_STATUSES,
	TIMES_OF_DAY
} from '../../../domain/help-requests.ts';

export const helpRequests = sqliteTable(
	'help_requests',
	{
		id: text('id').primaryKey(),
		/** The requester's code, e.g. "19-K7M4QX" (domain makeRequestCode). */
		code: text('code').notNull(),
		provinceCode: text('province_code').notNull(),
		communeCode: text('commune_code').notNull(),
		/** Null: "không rõ" (the commune's leaders place it). */
		hamletId: text('hamlet_id'),
		/** The household it was matched to or created as (a priority household). */
		householdId: text('household_id'),
		/** Normalised 0XXXXXXXXX; null once erased (PHONE_RETENTION_DAYS after closing). */
		phone: text('phone'),
		address: text('address'),
		/** JSON array of service codes. */
		services: text('services').notNull(),
		timeOfDay: text('time_of_day', { enum: TIMES_OF_DAY }).notNull(),
		status: text('status', { enum: HELP_REQUEST_STATUSES }).notNull(),
		closeReason: text('close_reason', { enum: CLOSE_REASONS }),
		/** 'web' (the form) or 'open311'. */
		channel: text('channel').notNull(),
		/** Later submissions folded into this one (same phone and hamlet within 30 days). */
		duplicates: integer('duplicates').notNull().default(0),
		isDemo: integer('is_demo', { mode: 'boolean' }).notNull().default(false),
		createdAt: integer('created_at').notNull(),
		updatedAt: integer('updated_at').notNull(),
		closedAt: integer('closed_at'),
		phoneErasedAt: integer('phone_erased_at')
	},
	(t) => [
		// the status page and Open311's GET requests/{id}.json.
		uniqueIndex('help_requests_code_idx').on(t.code),
		// folding duplicates: the same phone in the same commune within 30 days.
		index('help_requests_phone_idx').on(t.phone, t.communeCode, t.createdAt),
		// a commune's requests for its leaders, the public count, the unplanned ones on the home.
		index('help_requests_commune_idx').on(t.provinceCode, t.communeCode, t.status, t.createdAt),
		// planning sets "scheduled", a synced visit sets "visited".
		index('help_requests_household_idx').on(t.householdId)
	]
);
