import { Hono } from 'hono';
import { z } from 'zod';
import { and, desc, eq, lt, type SQL } from 'drizzle-orm';
import { validate } from '../validation.ts';
import { noStore, type AuthEnv } from '../middleware/env.ts';
import { adminArea, areaQuery } from '../middleware/area-query.ts';
import { auditNow } from '../middleware/scope.ts';
import { auditLog } from '../../db/schema/index.ts';

const query = areaQuery.extend({
	before: z.coerce.number().int().positive().optional(),
	limit: z.coerce.number().int().min(1).max(500).default(100)
});

/**
 * GET /api/audit?commune=05569 (or ?province=19, or nothing for admins): the audit log of an
 * area, newest first, for the admins of that area. Page with ?before=<at of the last row>.
 */
export const auditApi = new Hono<AuthEnv>()
	.use(noStore)
	.get('/', validate('query', query), async (c) => {
		const q = c.req.valid('query');
		const { area } = await adminArea(c, q, "this area's audit log");
		const parts: SQL[] = [];
		if (area.provinceCode) parts.push(eq(auditLog.provinceCode, area.provinceCode));
		if (area.communeCode) parts.push(eq(auditLog.communeCode, area.communeCode));
		if (q.before) parts.push(lt(auditLog.at, q.before));
		const rows = await c
			.get('db')
			.select()
			.from(auditLog)
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
			{ entries: rows.map((r) => ({ ...r, detail: r.detail ? JSON.parse(r.detail) : null })) },
			200
		);
	});
