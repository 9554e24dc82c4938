/**
 * Personal-data rights (Law 91/2025, Decree 356/2025; issue 13), for the admins of the scope
 * (commune admin of that commune, province admin, national admin; never team leaders):
 *   GET  /households/:id/export?reason=…  everything held about a household, as a JSON file
 *   POST /households/:id/erase {reason}   erase it (privacy/erase.ts says what stays and why)
 *   POST /households/:id/keep {reason?}   keep it on retention review (records the review date)
 *   GET  /members/:id/export?reason=…     a member and their accounts, invites, routes, visits
 *   POST /members/:id/erase {reason}      erase the member and their accounts
 *   GET  /review?commune=…                households due for retention review
 * Each is audited with who, why (the reason, without the person's own values) and when.
 * A household's records are in its province's shard, a member in the global D1 and their
 * visits in their province's shard (docs/sharding.md).
 */
import { Hono } from 'hono';
import type { Context } from 'hono';
import { and, eq } from 'drizzle-orm';
import { ApiError } from '../errors.ts';
import { validate } from '../validation.ts';
import { ensure, noStore, requireActor, type AuthEnv } from '../middleware/env.ts';
import { audit, auditNow, communeOr404 } from '../middleware/scope.ts';
import { canAdminister, canManageUser, type Actor } from '../../../domain/scope.ts';
import {
	exportFileName,
	isDueForReview,
	monthsBefore,
	auditRetentionYears,
	reviewMonths
} from '../../../domain/personal-data.ts';
import { vnToday } from '../../../domain/vn-time.ts';
import { getHousehold } from '../../db/queries/households.ts';
import { getMember } from '../../db/queries/team-admin.ts';
import { rowsWritten, runBatch, statementOf } from '../../db/bulk.ts';
import { auditLog, households, users } from '../../db/schema/index.ts';
import type { AnyDb } from '../../db/client.ts';
import type { ShardDb } from '../../db/shards.ts';
import { householdExport, memberExport } from '../../privacy/export.ts';
import {
	eraseHouseholdStatements,
	eraseMemberShardStatements,
	eraseMemberStatements
} from '../../privacy/erase.ts';
import { recordShard, shardOf } from '../middleware/shard.ts';
import { aboutPerson, householdValues, personalValues } from './personal-data-audit.ts';
import { householdsDueForReview } from '../../privacy/retention.ts';
import { eraseBody, exportQuery, idParam, keepBody, reviewQuery } from './personal-data-input.ts';
import { personalDataOps as doc } from '../openapi/operations/records.ts';

/**
 * 410 `already_erased` when this record's data was erased before (and the caller may know).
 * The erasure's audit entry was written with it on the shard: it is in the shard's outbox, or
 * in the global log once the scheduled run has moved it.
 */
async function erasedBefore(
	c: Context<AuthEnv>,
	actor: Actor,
	shard: ShardDb,
	entity: string,
	id: string
) {
	const find = (db: AnyDb) =>
		db
			.select({
				at: auditLog.at,
				provinceCode: auditLog.provinceCode,
				communeCode: auditLog.communeCode
			})
			.from(auditLog)
			.where(and(eq(auditLog.action, `${entity}.erase`), eq(auditLog.entityId, id)))
			.limit(1);
	const [entry] = (await find(shard)).concat(await find(c.get('db')));
	if (entry?.provinceCode && canAdminister(actor, { ...entry, provinceCode: entry.provinceCode }))
		throw new ApiError(
			'already_erased',
			410,
			`This ${entity}'s personal data was already erased on ${new Date(entry.at).toISOString()}`,
			{ erasedAt: entry.at }
		);
}

/** The household the caller administers (404 / 410 / 403), with the shard that holds it. */
async function household(c: Context<AuthEnv>, actor: Actor, id: string) {
	const shard = recordShard(c, actor);
	const h = await getHousehold(shard, id);
	if (!h || h.erasedAt !== null) {
		await erasedBefore(c, actor, shard, 'household', id);
		throw new ApiError('household_not_found', 404, 'No such household');
	}
	ensure(canAdminister(actor, h), "this household's personal data");
	return { h, shard };
}

/** The member the caller administers (404 / 410 / 403). */
async function member(c: Context<AuthEnv>, actor: Actor, id: string) {
	const m = await getMember(c.get('db'), id);
	if (!m) throw new ApiError('member_not_found', 404, 'No such member');
	ensure(canAdminister(actor, { ...m, teamId: m.teamId }), "this member's personal data");
	if (m.erasedAt !== null)
		throw new ApiError(
			'already_erased',
			410,
			`This member's personal data was already erased on ${new Date(m.erasedAt).toISOString()}`,
			{ erasedAt: m.erasedAt }
		);
	return m;
}

/** The export as a JSON file download. */
function download(c: Context<AuthEnv>, kind: 'household' | 'member', id: string, data: object) {
	const day = vnToday();
	const body = {
		kind,
		exportedAt: new Date().toISOString(),
		exportedBy: c.get('actor')?.userId ?? null,
		basis: 'Luật Bảo vệ dữ liệu cá nhân 91/2025/QH15; Nghị định 356/2025/NĐ-CP',
		...data
	};
	c.header('Content-Type', 'application/json; charset=utf-8');
	c.header('Content-Disposition', `attachment; filename="${exportFileName(kind, id, day)}"`);
	return c.body(JSON.stringify(body, null, 2), 200);
}

export const personalDataApi = new Hono<AuthEnv>()
	.use(noStore)
	.get(
		'/households/:id/export',
		doc.getHouseholdsByIdExport,
		validate('param', idParam),
		validate('query', exportQuery),
		async (c) => {
			const actor = requireActor(c);
			const { h, shard } = await household(c, actor, c.req.valid('param').id);
			const data = await householdExport(c.get('db'), shard, h);
			await auditNow(
				c,
				aboutPerson(
					'export',
					'export',
					'household',
					h,
					{ text: c.req.valid('query').reason, personal: householdValues(h) },
					{ visits: data.visits.length, routes: data.routes.length }
				)
			);
			return download(c, 'household', h.id, data);
		}
	)
	.post(
		'/households/:id/erase',
		doc.postHouseholdsByIdErase,
		validate('param', idParam),
		validate('json', eraseBody),
		async (c) => {
			const actor = requireActor(c);
			const { h, shard } = await household(c, actor, c.req.valid('param').id);
			const now = Date.now();
			// The audit entry is in the erasure's batch, so on the shard (its outbox).
			const results = await runBatch(shard, [
				...eraseHouseholdStatements(shard, h.id, crypto.randomUUID(), now),
				statementOf(
					shard,
					audit(
						c,
						aboutPerson('write', 'erase', 'household', h, {
							text: c.req.valid('json').reason,
							personal: householdValues(h)
						})
					)
				)
			]);
			const visitsKept = rowsWritten(results[1]);
			const routeStops = rowsWritten(results[2]);
			return c.json({ erased: { entity: 'household', id: h.id, at: now, visitsKept, routeStops } });
		}
	)
	.post(
		'/households/:id/keep',
		doc.postHouseholdsByIdKeep,
		validate('param', idParam),
		validate('json', keepBody),
		async (c) => {
			const actor = requireActor(c);
			const { h, shard } = await household(c, actor, c.req.valid('param').id);
			const now = Date.now();
			await runBatch(shard, [
				statementOf(
					shard,
					shard.update(households).set({ reviewedAt: now }).where(eq(households.id, h.id))
				),
				statementOf(
					shard,
					audit(
						c,
						aboutPerson('write', 'keep', 'household', h, {
							text: c.req.valid('json').reason,
							personal: householdValues(h)
						})
					)
				)
			]);
			return c.json({ kept: { id: h.id, reviewedAt: now } });
		}
	)
	.get(
		'/members/:id/export',
		doc.getMembersByIdExport,
		validate('param', idParam),
		validate('query', exportQuery),
		async (c) => {
			const actor = requireActor(c);
			const m = await member(c, actor, c.req.valid('param').id);
			const data = await memberExport(c.get('db'), shardOf(c, m.provinceCode), m);
			await auditNow(
				c,
				aboutPerson(
					'export',
					'export',
					'member',
					m,
					{ text: c.req.valid('query').reason, personal: personalValues(m, data.accounts) },
					{ accounts: data.accounts.length, visits: data.visitsRecorded.length }
				)
			);
			return download(c, 'member', m.id, data);
		}
	)
	.post(
		'/members/:id/erase',
		doc.postMembersByIdErase,
		validate('param', idParam),
		validate('json', eraseBody),
		async (c) => {
			const actor = requireActor(c);
			const m = await member(c, actor, c.req.valid('param').id);
			ensure(actor.memberId !== m.id, 'erasing your own data (ask another admin)');
			const db = c.get('db');
			const accounts = await db.select().from(users).where(eq(users.memberId, m.id));
			for (const u of accounts)
				ensure(
					canManageUser(actor, {
						userId: u.id,
						role: u.role,
						provinceCode: u.scopeProvinceCode,
						communeCode: u.scopeCommuneCode,
						teamId: u.scopeTeamId
					}),
					"erasing this member's account"
				);
			const now = Date.now();
			// Shard first: if the global batch then fails, the member is not erased and a retry
			// finishes (privacy/erase.ts).
			const shard = shardOf(c, m.provinceCode);
			const unlinked = await runBatch(
				shard,
				eraseMemberShardStatements(
					shard,
					m.id,
					accounts.map((u) => u.id)
				)
			);
			await runBatch(db, [
				...eraseMemberStatements(db, m.id, now),
				statementOf(
					db,
					audit(
						c,
						aboutPerson(
							'write',
							'erase',
							'member',
							m,
							{ text: c.req.valid('json').reason, personal: personalValues(m, accounts) },
							{ accounts: accounts.length }
						)
					)
				)
			]);
			const visitsKept = rowsWritten(unlinked[0]);
			return c.json({
				erased: { entity: 'member', id: m.id, at: now, accounts: accounts.length, visitsKept }
			});
		}
	)
	.get('/review', doc.getReview, validate('query', reviewQuery), async (c) => {
		const actor = requireActor(c);
		const area = await communeOr404(c, c.req.valid('query').commune);
		ensure(canAdminister(actor, area), "this commune's retention review");
		const months = reviewMonths(c.env?.PERSONAL_DATA_REVIEW_MONTHS);
		const now = Date.now();
		const cutoff = monthsBefore(now, months);
		const shard = shardOf(c, area.provinceCode);
		const due = await householdsDueForReview(c.get('db'), shard, area, cutoff);
		await auditNow(c, {
			kind: 'read',
			action: 'households.review',
			entity: 'household',
			provinceCode: area.provinceCode,
			communeCode: area.communeCode,
			detail: { rows: due.households.length, total: due.total, months }
		});
		return c.json({
			commune: area,
			months,
			auditYears: auditRetentionYears(c.env?.AUDIT_RETENTION_YEARS),
			cutoff,
			total: due.total,
			households: due.households.filter((h) => isDueForReview(h, cutoff))
		});
	});
