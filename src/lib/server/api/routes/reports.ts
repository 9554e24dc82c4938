/**
 * Reports of a commune or a province for a month or a quarter (issue 16 §5). The public sees
 * approved versions; the administrators of the area see every status. Responses depend on who
 * asks, so none is stored by a cache.
 * GET /api/reports?province=&period=&limit=  — reports the caller may see, newest period first.
 * GET /api/reports/{area}/{period}           — the report page's view (ReportView).
 * GET /api/reports/{id}.csv | {id}.xlsx      — one version as a table (frozen figures, or live
 *                                              for a draft).
 * GET /api/reports/{id}                      — one version with its content.
 * The workflow's writes are reports-actions.ts.
 */
import { Hono, type Context } from 'hono';
import { noStore, type AuthEnv } from '../middleware/env.ts';
import { ApiError } from '../errors.ts';
import { validate } from '../validation.ts';
import { toCsv } from '../../../domain/csv-write.ts';
import {
	REPORT_TABLE_HEADER,
	reportFileName,
	reportTableRows
} from '../../../domain/report-table.ts';
import type { ReportContent } from '../../../domain/report-content.ts';
import { csvResponse } from '../middleware/csv-body.ts';
import { frozenContent, listReports } from '../../db/queries/reports.ts';
import { liveReportContent, reportArea } from '../../db/queries/report-figures.ts';
import type { ReportRow } from '../../db/schema/index.ts';
import { loadReport, versionMeta, visibleVersion } from '../../reports/load.ts';
import { reportActionsApi } from './reports-actions.ts';
import { reportXlsx } from '../../reports/xlsx.ts';
import { XLSX_MIME } from '../../export/xlsx.ts';
import {
	reportAreaParams,
	reportFileParam,
	reportIdParam,
	reportListQuery
} from './reports-input.ts';
import { reportsOps as doc } from '../openapi/operations/reporting.ts';

/** A version the caller may see, or 404 (a hidden one is not said to exist). */
async function versionFor(c: Context<AuthEnv>, id: string): Promise<ReportRow> {
	const row = await visibleVersion(c.get('db'), c.get('actor'), id);
	if (!row) throw new ApiError('report_not_found', 404, `No report with id ${id}`);
	return row;
}

/** A version's content: frozen once submitted; a draft's figures as they are now. */
async function contentOf(c: Context<AuthEnv>, row: ReportRow): Promise<ReportContent> {
	const frozen = frozenContent(row);
	if (frozen) return frozen;
	const area = await reportArea(c.get('db'), row.code);
	const live = area && (await liveReportContent(c.get('db'), area, row.period));
	if (!live) throw new ApiError('report_not_final', 409, `No figures for ${row.period} yet`);
	return live;
}

export const reportsApi = new Hono<AuthEnv>()
	.use(noStore)
	.get('/', doc.get, validate('query', reportListQuery), async (c) => {
		const rows = await listReports(c.get('db'), c.get('actor'), c.req.valid('query'));
		return c.json({
			reports: rows.map((r) => ({
				...versionMeta(r),
				level: r.level,
				code: r.code,
				provinceCode: r.provinceCode,
				period: r.period,
				name: r.name
			}))
		});
	})
	.get('/:area/:period', doc.getByAreaByPeriod, validate('param', reportAreaParams), async (c) => {
		const { area, period } = c.req.valid('param');
		const loaded = await loadReport(c.get('db'), c.get('actor'), area, period);
		if (!loaded.found)
			throw loaded.why === 'area'
				? new ApiError('area_not_found', 404, `No commune or province ${area}`)
				: new ApiError('report_not_found', 404, `No approved report of ${area} for ${period}`);
		return c.json(loaded.view);
	})
	.get(
		'/:file{[0-9a-f-]+\\.(?:csv|xlsx)}',
		doc.getFile,
		validate('param', reportFileParam),
		async (c) => {
			const [id, ext] = c.req.valid('param').file.split('.') as [string, 'csv' | 'xlsx'];
			const row = await versionFor(c, id);
			const content = await contentOf(c, row);
			const name = reportFileName(row, ext);
			if (ext === 'csv')
				return csvResponse(c, name, toCsv(REPORT_TABLE_HEADER, reportTableRows(content)));
			const bytes = await reportXlsx(content, {
				version: row.version,
				status: row.status,
				areaName: content.area.name,
				generatedAt: new Date().toISOString()
			});
			return c.body(bytes, 200, {
				'Content-Type': XLSX_MIME,
				'Content-Disposition': `attachment; filename="${name}"`
			});
		}
	)
	.get('/:id', doc.getById, validate('param', reportIdParam), async (c) => {
		const row = await versionFor(c, c.req.valid('param').id);
		return c.json({
			...versionMeta(row),
			level: row.level,
			code: row.code,
			provinceCode: row.provinceCode,
			period: row.period,
			content: await contentOf(c, row)
		});
	})
	.route('/', reportActionsApi);
