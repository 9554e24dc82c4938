import { Hono } from 'hono';
import { validate } from '../validation.ts';
import { refuseIfErrors } from '../../../domain/csv-import.ts';
import { ensure, noStore, requireActor, type AuthEnv } from '../middleware/env.ts';
import { audit, communeOr404 } from '../middleware/scope.ts';
import { csvBytes, csvImportQuery, MAX_HOUSEHOLD_CSV_BYTES } from '../middleware/csv-body.ts';
import { canManageCommune } from '../../../domain/scope.ts';
import { householdImportWrite, previewHouseholdImport } from '../../import/csv/households.ts';
import { runBatch, statementOf } from '../../db/bulk.ts';
import { shardOf } from '../middleware/shard.ts';
import { householdsCsvOps as doc } from '../openapi/operations/records.ts';

/**
 * POST /api/households/import?commune=05569[&commit=1] — preview (counts, rows placed at their
 * hamlet's point, line-numbered errors), then write all rows or none. Commune admins only.
 */
export const householdsCsvApi = new Hono<AuthEnv>()
	.use(noStore)
	.post('/import', doc.postImport, validate('query', csvImportQuery), async (c) => {
		const actor = requireActor(c);
		const q = c.req.valid('query');
		const area = await communeOr404(c, q.commune);
		ensure(canManageCommune(actor, area), 'importing households here');
		const db = c.get('db');
		const shard = shardOf(c, area.provinceCode);
		const bytes = await csvBytes(c, MAX_HOUSEHOLD_CSV_BYTES);
		const r = await previewHouseholdImport(db, shard, area, bytes);
		const preview = {
			households: r.households.length,
			needsCheck: r.needsCheck,
			doNotContact: r.households.filter((h) => h.doNotContact).length,
			sample: r.households.slice(0, 20).map((h) => ({
				line: h.line,
				address: h.address,
				locationStatus: h.locationStatus,
				adults: h.adults
			})),
			errors: r.errors,
			encoding: r.encoding,
			delimiter: r.delimiter
		};
		if (q.commit === '0') return c.json({ preview }, 200);
		refuseIfErrors(r.errors);
		const write = await householdImportWrite(db, shard, area, r.households);
		// The audit entry is in the import's batch, so on the shard (its outbox, docs/sharding.md).
		await runBatch(shard, [
			...write.statements,
			statementOf(
				shard,
				audit(c, {
					kind: 'write',
					action: 'households.import',
					entity: 'household',
					provinceCode: area.provinceCode,
					communeCode: area.communeCode,
					detail: {
						households: r.households.length,
						needsCheck: r.needsCheck,
						encoding: r.encoding
					}
				})
			)
		]);
		return c.json({ imported: { households: r.households.length, needsCheck: r.needsCheck } }, 201);
	});
