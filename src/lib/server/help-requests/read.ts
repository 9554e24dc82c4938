/**
 * Reads of help requests: the requester's status by code (nothing personal), the public count
 * per commune, and a commune's (or a hamlet's) list for its leaders (phone and address: the
 * API audits those reads). Requests live on the province shard (docs/help-requests.md).
 */
import type { ShardDb, ShardRouter } from '../db/shards.ts';
import { isSmallCount } from '../../domain/metric-disclosure.ts';
import {
	parseRequestCode,
	type CloseReason,
	type HelpRequestStatus,
	type PublicHelpRequest,
	type TimeOfDay
} from '../../domain/help-requests.ts';

type Area = { provinceCode: string; communeCode: string };

interface PublicRow {
	code: string;
	status: HelpRequestStatus;
	close_reason: CloseReason | null;
	services: string;
	time_of_day: TimeOfDay;
	created_at: number;
	updated_at: number;
}

/** The request with this code as its requester may see it, or null (no such code). */
export async function requestByCode(
	shards: ShardRouter,
	raw: string
): Promise<PublicHelpRequest | null> {
	const parsed = parseRequestCode(raw);
	if (!parsed) return null;
	let shard: ShardDb;
	try {
		shard = shards.forProvince(parsed.provinceCode);
	} catch {
		return null; // a province no shard holds: no such request
	}
	const r = await shard.$client
		.prepare(
			`SELECT code, status, close_reason, services, time_of_day, created_at, updated_at
			FROM help_requests WHERE code = ?1`
		)
		.bind(parsed.code)
		.first<PublicRow>();
	if (!r) return null;
	return {
		code: r.code,
		status: r.status,
		closeReason: r.close_reason,
		services: JSON.parse(r.services) as string[],
		timeOfDay: r.time_of_day,
		createdAt: r.created_at,
		updatedAt: r.updated_at
	};
}

/** Requests a commune received since `since` (epoch ms): the public count, before suppression. */
export async function countCommuneRequests(shard: ShardDb, area: Area, since: number) {
	const r = await shard.$client
		.prepare(
			`SELECT count(*) AS n FROM help_requests WHERE province_code = ?1 AND commune_code = ?2
			AND created_at >= ?3 AND is_demo = 0`
		)
		.bind(area.provinceCode, area.communeCode, since)
		.first<{ n: number }>();
	return r?.n ?? 0;
}

/** A request as the commune's leaders see it (phone and address included). */
export interface LeaderHelpRequest {
	id: string;
	code: string;
	hamletId: string | null;
	householdId: string | null;
	phone: string | null;
	address: string | null;
	services: string[];
	timeOfDay: TimeOfDay;
	status: HelpRequestStatus;
	closeReason: CloseReason | null;
	duplicates: number;
	createdAt: number;
	updatedAt: number;
}

/**
 * A commune's requests (or one hamlet's, with those of unknown hamlet) newest first: the open
 * ones and those of the last 30 days.
 */
export async function listCommuneRequests(
	shard: ShardDb,
	area: Area,
	hamletId: string | null,
	now = Date.now()
): Promise<LeaderHelpRequest[]> {
	const rows = await shard.$client
		.prepare(
			`SELECT id, code, hamlet_id, household_id, phone, address, services, time_of_day, status,
			close_reason, duplicates, created_at, updated_at FROM help_requests
			WHERE province_code = ?1 AND commune_code = ?2
			AND (?3 IS NULL OR hamlet_id = ?3 OR hamlet_id IS NULL)
			AND (status IN ('received', 'scheduled') OR updated_at >= ?4)
			ORDER BY created_at DESC LIMIT 500`
		)
		.bind(area.provinceCode, area.communeCode, hamletId, now - 30 * 24 * 3600_000)
		.all<Record<string, unknown>>();
	return rows.results.map((r) => ({
		id: r.id as string,
		code: r.code as string,
		hamletId: r.hamlet_id as string | null,
		householdId: r.household_id as string | null,
		phone: r.phone as string | null,
		address: r.address as string | null,
		services: JSON.parse(r.services as string) as string[],
		timeOfDay: r.time_of_day as TimeOfDay,
		status: r.status as HelpRequestStatus,
		closeReason: r.close_reason as CloseReason | null,
		duplicates: r.duplicates as number,
		createdAt: r.created_at as number,
		updatedAt: r.updated_at as number
	}));
}

/** One request of a commune by id (for closing), or null. */
export async function getCommuneRequest(shard: ShardDb, id: string) {
	return shard.$client
		.prepare(
			`SELECT id, province_code AS provinceCode, commune_code AS communeCode, hamlet_id AS hamletId,
			status FROM help_requests WHERE id = ?1`
		)
		.bind(id)
		.first<Area & { id: string; hamletId: string | null; status: HelpRequestStatus }>();
}

/**
 * How many of a commune's (or a hamlet's, with those of unknown hamlet) requests are still
 * "received" though they came before `before` (epoch ms), and when the oldest came: the leader's
 * home shows them (no phone or place, so no personal read).
 */
export async function countUnplanned(
	shard: ShardDb,
	area: Area,
	hamletId: string | null,
	before: number
): Promise<{ count: number; oldest: number | null }> {
	const r = await shard.$client
		.prepare(
			`SELECT count(*) AS n, min(created_at) AS oldest FROM help_requests
			WHERE province_code = ?1 AND commune_code = ?2 AND status = 'received'
			AND created_at <= ?3 AND (?4 IS NULL OR hamlet_id = ?4 OR hamlet_id IS NULL)`
		)
		.bind(area.provinceCode, area.communeCode, before, hamletId)
		.first<{ n: number; oldest: number | null }>();
	return { count: r?.n ?? 0, oldest: r?.oldest ?? null };
}

/**
 * A commune's public count of help requests over the last 12 months: null when it is a small
 * count (1–10, suppressed like every public figure: domain/metric-disclosure.ts).
 */
export async function publicRequestCount(
	shards: ShardRouter,
	area: { provinceCode: string; code: string },
	now = Date.now()
): Promise<number | null> {
	const shard = shards.forProvince(area.provinceCode);
	const n = await countCommuneRequests(
		shard,
		{ provinceCode: area.provinceCode, communeCode: area.code },
		now - 365 * 24 * 3600_000
	);
	return isSmallCount(n) ? null : n;
}
