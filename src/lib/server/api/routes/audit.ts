import { Hono } from 'hono';
import { z } from 'zod';
import { and, desc, eq, gte, like, lt, type SQL } from 'drizzle-orm';
import { validate } from '../validation.ts';
import { noStore, type AuthEnv } from '../middleware/env.ts';
import { adminArea, areaQuery } from '../middleware/area-query.ts';
import { auditNow } from '../middleware/scope.ts';
import { shardOf } from '../middleware/shard.ts';
import { drainAuditOutbox } from '../../auth/audit-outbox.ts';
import { auditLog, communes, users } from '../../db/schema/index.ts';
import { AUDIT_KINDS } from '../../../domain/choices.ts';
import { vnDayStart } from '../../../domain/vn-time.ts';
import { isoDateInput as day } from '../../../domain/fields.ts';
import { auditOps as doc } from '../openapi/operations/teams.ts';

/** An audit entry as GET /api/audit lists it: who by name, the commune by name, detail parsed. */
function entryView(r: {
	entry: typeof auditLog.$inferSelect;
	actorName: string | null;
	communeName: string | null;
}) {
	const detail = r.entry.detail ? (JSON.parse(r.entry.detail) as Record<string, unknown>) : null;
	return { ...r.entry, actorName: r.actorName, communeName: r.communeName, detail };
}
export type AuditEntryView = ReturnType<typeof entryView>;

const query = areaQuery.extend({
	before: z.coerce.number().int().positive().optional(),
	limit: z.coerce.number().int().min(1).max(500).default(100),
	/** Who: an account id. */
	who: z.uuid().optional(),
	/** What kind: write, read, export, auth. */
	kind: z.enum(AUDIT_KINDS).optional(),
	/** What: an action ("team.update") or its object ("team"). */
	action: z
		.string()
		.regex(/^[a-z_]+(\.[a-z_]+)*$/, 'An action is like team.update')
		.max(40)
		.optional(),
	/** From and to (inclusive), Vietnam days. */
	from: day.optional(),
	to: day.optional()
});

/**
 * GET /api/audit?commune=05569 (or ?province=19, or nothing for admins): the audit log of an
 * area, newest first, for the admins of that area, with the names of who acted and where.
 * A province or commune view is complete at once; the national view holds the shards' entries
 * once the scheduled run has moved them (at most 15 minutes).
 * Filters: who, kind, action, from/to (Vietnam days). Page with ?before=<at of the last row>.
 */
export const auditApi = new Hono<AuthEnv>()
	.use(noStore)
	.get('/', doc.get, validate('query', query), async (c) => {
		const q = c.req.valid('query');
		const { area } = await adminArea(c, q, "this area's audit log");
		// The area's shard keeps the entries of its record writes until the scheduled run moves
		// them (auth/audit-outbox.ts): move them now, so the page shows every write at once.
		if (area.provinceCode) await drainAuditOutbox(c.get('db'), shardOf(c, area.provinceCode));
		const parts: SQL[] = [];
		if (area.provinceCode) parts.push(eq(auditLog.provinceCode, area.provinceCode));
		if (area.communeCode) parts.push(eq(auditLog.communeCode, area.communeCode));
		if (q.before) parts.push(lt(auditLog.at, q.before));
		if (q.who) parts.push(eq(auditLog.actorUserId, q.who));
		if (q.kind) parts.push(eq(auditLog.kind, q.kind));
		if (q.action) parts.push(like(auditLog.action, `${q.action}%`));
		if (q.from) parts.push(gte(auditLog.at, vnDayStart(q.from)));
		if (q.to) parts.push(lt(auditLog.at, vnDayStart(q.to) + 86_400_000));
		const rows = await c
			.get('db')
			.select({
				entry: auditLog,
				actorName: users.displayName,
				communeName: communes.fullName
			})
			.from(auditLog)
			.leftJoin(users, eq(users.id, auditLog.actorUserId))
			.leftJoin(communes, eq(communes.code, auditLog.communeCode))
			.where(parts.length ? and(...parts) : undefined)
			.orderBy(desc(auditLog.at))
			.limit(q.limit);
		// Who did what to whom is itself personal data: reading it leaves a trace too.
		await auditNow(c, {
			kind: 'read',
			action: 'audit.read',
			entity: 'audit',
			provinceCode: area.provinceCode,
			communeCode: area.communeCode,
			detail: { rows: rows.length }
		});
		return c.json(
			{
				entries: rows.map(entryView)
			},
			200
		);
	});
