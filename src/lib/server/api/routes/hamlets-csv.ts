import { Hono } from 'hono';
import { validate } from '../validation.ts';
import { refuseIfErrors } from '../../../domain/csv-import.ts';
import { ensure, noStore, requireActor, type AuthEnv } from '../middleware/env.ts';
import { audit, auditNow, communeOr404 } from '../middleware/scope.ts';
import { csvBytes, csvExportQuery, csvImportQuery, csvResponse } from '../middleware/csv-body.ts';
import { canManageCommune, canSeeCommune } from '../../../domain/scope.ts';
import { hamletImportStatements, previewHamletImport } from '../../import/csv/hamlets.ts';
import { listHamlets } from '../../db/queries/team-admin.ts';
import { runBatch } from '../../db/writes/team-admin.ts';
import { toCsv } from '../../../domain/csv-write.ts';
import { HAMLET_KIND_LABELS, labelOf } from '../../../domain/csv-labels.ts';
import { HAMLET_COLUMNS } from '../../../domain/csv-hamlets.ts';
import { hamletsCsvOps as doc } from '../openapi/operations/teams.ts';

/**
 * POST /api/hamlets/import?commune=05569[&commit=1] — preview, then write all rows or none.
 * GET /api/hamlets/export?commune=05569 — the commune's hamlets in the import's columns.
 */
export const hamletsCsvApi = new Hono<AuthEnv>()
	.use(noStore)
	.post('/import', doc.postImport, validate('query', csvImportQuery), async (c) => {
		const actor = requireActor(c);
		const q = c.req.valid('query');
		const area = await communeOr404(c, q.commune);
		ensure(canManageCommune(actor, area), 'importing hamlets here');
		const db = c.get('db');
		const r = await previewHamletImport(db, area, await csvBytes(c));
		if (q.commit === '0') return c.json({ preview: r }, 200);
		refuseIfErrors(r.errors);
		const detail = { hamlets: r.hamlets.length, encoding: r.encoding };
		await runBatch(db, [
			...hamletImportStatements(db, area, r.hamlets),
			audit(c, {
				kind: 'write',
				action: 'hamlets.import',
				entity: 'hamlet',
				provinceCode: area.provinceCode,
				communeCode: area.communeCode,
				detail
			})
		]);
		return c.json({ imported: { hamlets: r.hamlets.length } }, 201);
	})
	.get('/export', doc.getExport, validate('query', csvExportQuery), async (c) => {
		const actor = requireActor(c);
		const area = await communeOr404(c, c.req.valid('query').commune);
		ensure(
			canSeeCommune(actor, area) && actor.role !== 'member',
			"exporting this commune's hamlets"
		);
		const rows = await listHamlets(c.get('db'), area.provinceCode, area.communeCode);
		const data = rows.map((h) => [
			h.communeCode,
			h.name,
			labelOf(HAMLET_KIND_LABELS, h.kind),
			h.lon,
			h.lat
		]);
		await auditNow(c, {
			kind: 'export',
			action: 'hamlets.export',
			entity: 'hamlet',
			provinceCode: area.provinceCode,
			communeCode: area.communeCode,
			detail: { rows: data.length }
		});
		return csvResponse(c, `thon-${area.communeCode}.csv`, toCsv(Object.keys(HAMLET_COLUMNS), data));
	});
