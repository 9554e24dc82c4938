import { Hono } from 'hono';
import { validate } from '../validation.ts';
import { refuseIfErrors } from '../../../domain/csv-import.ts';
import { ensure, noStore, requireActor, type AuthEnv } from '../middleware/env.ts';
import { audit, auditNow, communeOr404 } from '../middleware/scope.ts';
import { csvBytes, csvExportQuery, csvImportQuery, csvResponse } from '../middleware/csv-body.ts';
import { canAdminister, canManageCommune } from '../../../domain/scope.ts';
import { previewTeamImport, teamImportStatements } from '../../import/csv/teams.ts';
import { communeRoster } from '../../db/queries/team-admin.ts';
import { runBatch } from '../../db/writes/team-admin.ts';
import { toCsv } from '../../../domain/csv-write.ts';
import {
	labelOf,
	ONETOUCH_LABELS,
	TEAM_ROLE_LABELS,
	UNION_LABELS
} from '../../../domain/csv-labels.ts';
import { TEAM_COLUMNS } from '../../../domain/csv-teams.ts';
import { teamsCsvOps as doc } from '../openapi/operations/teams.ts';

/**
 * POST /api/teams/import?commune=05569 — preview a teams+members CSV (line-numbered errors);
 * with &commit=1 write it, all rows or none. GET /api/teams/export?commune=05569 — the same
 * columns back (personal data: audited as an export).
 */
export const teamsCsvApi = new Hono<AuthEnv>()
	.use(noStore)
	.post('/import', doc.postImport, validate('query', csvImportQuery), async (c) => {
		const actor = requireActor(c);
		const q = c.req.valid('query');
		const area = await communeOr404(c, q.commune);
		ensure(canManageCommune(actor, area), 'importing teams here');
		const db = c.get('db');
		const r = await previewTeamImport(db, area, await csvBytes(c));
		if (q.commit === '0') return c.json({ preview: r }, 200);
		refuseIfErrors(r.errors);
		const { statements, newTeams, members } = teamImportStatements(db, area, r);
		const detail = { newTeams, members, encoding: r.encoding };
		await runBatch(db, [
			...statements,
			audit(c, {
				kind: 'write',
				action: 'teams.import',
				entity: 'team',
				provinceCode: area.provinceCode,
				communeCode: area.communeCode,
				detail
			})
		]);
		return c.json({ imported: { teams: newTeams, members } }, 201);
	})
	.get('/export', doc.getExport, validate('query', csvExportQuery), async (c) => {
		const actor = requireActor(c);
		const area = await communeOr404(c, c.req.valid('query').commune);
		ensure(canAdminister(actor, area), "exporting this commune's members");
		const rows = await communeRoster(c.get('db'), area.provinceCode, area.communeCode);
		const data = rows.map(({ team, hamletName, member: m }) => [
			team.communeCode,
			team.name,
			hamletName,
			team.foundedOn,
			m?.fullName ?? null,
			m?.phone ?? null,
			m ? labelOf(UNION_LABELS, m.unionAffiliation) : null,
			m ? labelOf(TEAM_ROLE_LABELS, m.teamRole) : null,
			m ? labelOf(ONETOUCH_LABELS, m.onetouchStatus) : null,
			m?.onetouchDate ?? null
		]);
		await auditNow(c, {
			kind: 'export',
			action: 'members.export',
			entity: 'member',
			provinceCode: area.provinceCode,
			communeCode: area.communeCode,
			detail: { rows: data.length }
		});
		return csvResponse(
			c,
			`to-cong-nghe-so-${area.communeCode}.csv`,
			toCsv(Object.keys(TEAM_COLUMNS), data)
		);
	});
