import { Hono } from 'hono';
import { z } from 'zod';
import { validate } from '../validation.ts';
import { refuseIfErrors } from '../../../domain/csv-import.ts';
import { toCsv } from '../../../domain/csv-write.ts';
import { provinceCodeInput, serviceCodeInput } from '../../../domain/fields.ts';
import { OFFICIAL_STATS_HEADER } from '../../../domain/official-stats.ts';
import { vnToday } from '../../../domain/vn-time.ts';
import type { Actor } from '../../../domain/scope.ts';
import { ensure, noStore, requireActor, type AuthEnv } from '../middleware/env.ts';
import { audit } from '../middleware/scope.ts';
import { csvBytes, csvResponse } from '../middleware/csv-body.ts';
import { officialStatsStatements, previewOfficialStats } from '../../import/csv/official-stats.ts';
import { listOfficialStats } from '../../db/queries/official-stats.ts';
import { runBatch, statementOf } from '../../db/bulk.ts';
import { officialOps as doc } from '../openapi/operations/reporting.ts';

/** The province an actor imports for: their own (province admin), null (admin: everywhere). */
function importScope(actor: Actor): string | null {
	ensure(
		actor.role === 'admin' || (actor.role === 'province_admin' && !!actor.provinceCode),
		'importing official statistics'
	);
	return actor.role === 'admin' ? null : actor.provinceCode;
}

/** `?commit=1` writes; without it (or 0) the file is checked and nothing is written. */
export const officialImportQuery = z.object({ commit: z.enum(['0', '1']).default('0') });

/** Filters of the admins' listing; a province admin sees their province whatever they ask. */
export const officialListQuery = z.object({
	province: provinceCodeInput.optional(),
	month: z
		.string()
		.regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'A month is YYYY-MM')
		.optional(),
	service: serviceCodeInput.optional(),
	limit: z.coerce.number().int().min(1).max(1000).default(200)
});

/**
 * Official statistics (issue 16 §2, docs/official-statistics.md): province admins for their
 * province, admins everywhere.
 * GET  /api/official-stats/template.csv — the empty template (Vietnamese headers, UTF-8 + BOM).
 * POST /api/official-stats/import[?commit=1] — a CSV body: checked, then all rows or none.
 * GET  /api/official-stats?province=&month=&service=&limit= — what has been imported.
 */
export const officialStatsApi = new Hono<AuthEnv>()
	.use(noStore)
	.get('/template.csv', doc.getTemplateCsv, (c) => {
		importScope(requireActor(c));
		return csvResponse(
			c,
			'so-lieu-chinh-thuc.csv',
			toCsv(Object.values(OFFICIAL_STATS_HEADER), [])
		);
	})
	.post('/import', doc.postImport, validate('query', officialImportQuery), async (c) => {
		const actor = requireActor(c);
		const scope = importScope(actor);
		const db = c.get('db');
		const r = await previewOfficialStats(db, await csvBytes(c), scope, vnToday().slice(0, 7));
		const counts = {
			rows: r.rows,
			records: r.records.length,
			inserted: r.records.length - r.updates,
			updated: r.updates,
			estimates: r.records.filter((x) => x.estimate).length
		};
		if (c.req.valid('query').commit === '0') {
			return c.json({ preview: { ...counts, errors: r.errors, encoding: r.encoding } }, 200);
		}
		refuseIfErrors(r.errors);
		const provinces = [...new Set(r.records.map((x) => x.provinceCode))];
		await runBatch(db, [
			...officialStatsStatements(db, r.records, actor.userId),
			statementOf(
				db,
				audit(c, {
					kind: 'write',
					action: 'official_stats.import',
					entity: 'official_stat',
					provinceCode: scope ?? (provinces.length === 1 ? provinces[0] : null),
					detail: { ...counts, provinces, encoding: r.encoding }
				})
			)
		]);
		return c.json({ imported: counts }, 201);
	})
	.get('/', doc.get, validate('query', officialListQuery), async (c) => {
		const scope = importScope(requireActor(c));
		const q = c.req.valid('query');
		ensure(scope === null || !q.province || q.province === scope, 'reading another province');
		const rows = await listOfficialStats(c.get('db'), {
			provinceCode: scope ?? q.province ?? null,
			month: q.month,
			serviceCode: q.service,
			limit: q.limit
		});
		return c.json({
			rows: rows.map((r) => ({
				...r,
				oldCodes: r.oldCodes ? (JSON.parse(r.oldCodes) as string[]) : []
			}))
		});
	});
