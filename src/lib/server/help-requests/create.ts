/**
 * Filing a help request (issue 17 §1), the one path for the form action, the JSON API and
 * Open311: rate limits per address and per phone (429 with the seconds to wait), the human check
 * when configured, duplicates folded, then — in one batch on the province shard — the request,
 * its household (matched by phone or address, or created awaiting a point) marked priority, and
 * the audit entries (docs/help-requests.md).
 */
import { ApiError } from '../api/errors.ts';
import type { Db } from '../db/client.ts';
import type { ShardDb, ShardRouter } from '../db/shards.ts';
import { runBatch, statementOf } from '../db/bulk.ts';
import { helpRequests } from '../db/schema/index.ts';
import { prepareHouseholds } from '../db/writes/households.ts';
import { getCommuneArea, getHamlet } from '../db/queries/team-admin.ts';
import { auditInsert } from '../auth/audit.ts';
import { countAttempt, keyLockedUntil } from '../auth/throttle.ts';
import { sha256Hex } from '../auth/crypto.ts';
import { parseAddress } from '../../domain/address.ts';
import {
	DUPLICATE_WINDOW_MS,
	IP_REQUEST_LIMIT,
	makeRequestCode,
	PHONE_REQUEST_LIMIT,
	type HelpRequestBody
} from '../../domain/help-requests.ts';
import { verifyTurnstile, type TurnstileEnv } from './turnstile.ts';

export interface FileContext {
	db: Db;
	shards: ShardRouter;
	env: TurnstileEnv | undefined;
	/** The client's address when it can be believed (auth/login.ts clientIp), else null. */
	ip: string | null;
	channel: 'web' | 'open311';
	requestId?: string | null;
	now?: number;
}

export interface FileResult {
	code: string;
	/** True when folded into an open request of the same phone and hamlet (its code). */
	folded: boolean;
}

type Area = { provinceCode: string; communeCode: string };

/**
 * Files a validated request.
 * @throws ApiError 429 `too_many_requests` (details.retryAfter, seconds), 403 `human_check_failed`,
 *   404 `commune_not_found`, 400 `invalid_hamlet` / `unknown_service`.
 */
export async function fileHelpRequest(
	ctx: FileContext,
	body: HelpRequestBody
): Promise<FileResult> {
	const now = ctx.now ?? Date.now();
	await throttle(ctx, body.phone, now);
	if (!(await verifyTurnstile(ctx.env, body.turnstileToken, ctx.ip)))
		throw new ApiError('human_check_failed', 403, 'turnstileToken: the human check failed', {
			field: 'turnstileToken'
		});
	const area = await getCommuneArea(ctx.db, body.communeCode);
	if (!area)
		throw new ApiError('commune_not_found', 404, `No commune with code ${body.communeCode}`);
	const hamlet = body.hamletId ? await getHamlet(ctx.db, body.hamletId) : null;
	if (body.hamletId && hamlet?.communeCode !== area.communeCode)
		throw new ApiError('invalid_hamlet', 400, 'hamletId: not a hamlet of this commune', {
			field: 'hamletId'
		});
	await checkServices(ctx.db, body.services);
	const shard = ctx.shards.forProvince(area.provinceCode);
	const folded = await foldDuplicate(shard, area, body, now);
	if (folded) return { code: folded, folded: true };
	return { code: await insertRequest(ctx, shard, area, hamlet ?? null, body, now), folded: false };
}

/** 429 while this address or this phone is locked; else counts this attempt against both. */
async function throttle(ctx: FileContext, phone: string, now: number): Promise<void> {
	const keys: [string, number][] = [[`help-phone:${await sha256Hex(phone)}`, PHONE_REQUEST_LIMIT]];
	if (ctx.ip) keys.push([`help-ip:${await sha256Hex(ctx.ip)}`, IP_REQUEST_LIMIT]);
	const until = Math.max(...(await Promise.all(keys.map(([k]) => keyLockedUntil(ctx.db, k, now)))));
	if (until > 0) {
		const retryAfter = Math.max(1, Math.ceil((until - now) / 1000));
		throw new ApiError(
			'too_many_requests',
			429,
			`Too many requests: try again in ${retryAfter} s`,
			{
				retryAfter
			}
		);
	}
	for (const [k, limit] of keys) await countAttempt(ctx.db, k, limit, now);
}

async function checkServices(db: Db, codes: string[]): Promise<void> {
	const rows = await db.$client
		.prepare('SELECT code FROM services WHERE active = 1')
		.all<{ code: string }>();
	const known = new Set(rows.results.map((r) => r.code));
	const unknown = codes.find((c) => !known.has(c));
	if (unknown)
		throw new ApiError('unknown_service', 400, `services: no service "${unknown}"`, {
			field: 'services'
		});
}

/**
 * The code of an open request (received or scheduled) with this phone and hamlet from the last
 * 30 days, after adding this one's services to it; null when there is none. A visited or closed
 * request absorbs nothing: asking again after a visit is a new need.
 */
async function foldDuplicate(
	shard: ShardDb,
	area: Area,
	body: HelpRequestBody,
	now: number
): Promise<string | null> {
	const d1 = shard.$client;
	const row = await d1
		.prepare(
			`SELECT id, code, services FROM help_requests WHERE phone = ?1 AND commune_code = ?2
			AND created_at > ?3 AND hamlet_id IS ?4 AND status IN ('received', 'scheduled')
			ORDER BY created_at DESC LIMIT 1`
		)
		.bind(body.phone, area.communeCode, now - DUPLICATE_WINDOW_MS, body.hamletId)
		.first<{ id: string; code: string; services: string }>();
	if (!row) return null;
	const services = [...new Set([...(JSON.parse(row.services) as string[]), ...body.services])];
	await d1
		.prepare(
			`UPDATE help_requests SET duplicates = duplicates + 1, services = ?2, updated_at = ?3
			WHERE id = ?1`
		)
		.bind(row.id, JSON.stringify(services), now)
		.run();
	return row.code;
}

/** A household of this hamlet (or commune) with this phone, else with this address; or null. */
async function matchHousehold(
	shard: ShardDb,
	area: Area,
	hamletId: string | null,
	body: HelpRequestBody
): Promise<string | null> {
	const addressKey = body.address ? parseAddress(body.address).addressKey : null;
	const row = await shard.$client
		.prepare(
			`SELECT id FROM households WHERE province_code = ?1 AND commune_code = ?2
			AND (?3 IS NULL OR hamlet_id = ?3) AND erased_at IS NULL
			AND (head_phone = ?4 OR (?5 IS NOT NULL AND address_key = ?5))
			ORDER BY head_phone = ?4 DESC, created_at LIMIT 1`
		)
		.bind(area.provinceCode, area.communeCode, hamletId, body.phone, addressKey)
		.first<{ id: string }>();
	return row?.id ?? null;
}

async function insertRequest(
	ctx: FileContext,
	shard: ShardDb,
	area: Area & { name: string },
	hamlet: { id: string; name: string; lon: number | null; lat: number | null } | null,
	body: HelpRequestBody,
	now: number
): Promise<string> {
	const matched = await matchHousehold(shard, area, hamlet?.id ?? null, body);
	const householdId = matched ?? crypto.randomUUID();
	const household = matched
		? [
				shard.$client
					.prepare(
						`UPDATE households SET priority = 1, head_phone = coalesce(head_phone, ?2),
						updated_at = ?3 WHERE id = ?1`
					)
					.bind(matched, body.phone, now)
			]
		: (await prepareHouseholds(ctx.db, shard, [newHousehold(householdId, area, hamlet, body, now)]))
				.statements;
	for (let attempt = 0; ; attempt++) {
		const id = crypto.randomUUID();
		const code = makeRequestCode(area.provinceCode, crypto.getRandomValues(new Uint8Array(6)));
		const row = {
			id,
			code,
			...area,
			hamletId: hamlet?.id ?? null,
			householdId,
			phone: body.phone,
			address: body.address,
			services: JSON.stringify(body.services),
			timeOfDay: body.timeOfDay,
			status: 'received' as const,
			channel: ctx.channel,
			createdAt: now,
			updatedAt: now
		};
		const { name: _name, ...where } = area;
		const entry = (action: string, entity: string, entityId: string, detail: object) =>
			statementOf(
				shard,
				auditInsert(
					shard,
					null,
					{ kind: 'write', action, entity, entityId, ...where, detail: { ...detail } },
					ctx.requestId ?? null,
					now
				)
			);
		try {
			await runBatch(shard, [
				...household,
				statementOf(shard, shard.insert(helpRequests).values(row)),
				entry('help_request.create', 'help_request', id, {
					channel: ctx.channel,
					matched: !!matched
				}),
				entry(matched ? 'household.priority' : 'household.create', 'household', householdId, {
					helpRequest: id
				})
			]);
			return code;
		} catch (err) {
			if (attempt < 3 && /UNIQUE constraint failed: help_requests\.code/.test(String(err)))
				continue;
			throw err;
		}
	}
}

/** A household made from a request: awaiting a point (the hamlet's, to be checked), priority. */
function newHousehold(
	id: string,
	area: Area & { name: string },
	hamlet: { id: string; name: string; lon: number | null; lat: number | null } | null,
	body: HelpRequestBody,
	now: number
) {
	const at = hamlet?.lon != null && hamlet.lat != null ? hamlet : null;
	return {
		id,
		provinceCode: area.provinceCode,
		communeCode: area.communeCode,
		hamletId: hamlet?.id ?? null,
		address: body.address ?? hamlet?.name ?? area.name,
		lon: at?.lon ?? null,
		lat: at?.lat ?? null,
		locationStatus: 'needs_check' as const,
		adults: 1,
		headName: null,
		headPhone: body.phone,
		consent: true,
		doNotContact: false,
		priority: true,
		createdAt: now
	};
}
