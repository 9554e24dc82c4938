/**
 * Public exports of one metric (issue 16 §7): GET /api/exports/metrics.csv, .xlsx and .geojson
 * with ?metric=K&area=VN|<province>|<commune>[&month=YYYY-MM[&since=YYYY-MM]][&level=commune]
 * [&lang=en] (since: the change from that month to month, a status per row). The
 * figures are the map's — the same suppression over every area — with a status per row
 * (domain/metric-export.ts). Cached by the figures' version like the metrics API
 * (export-cache.ts).
 */
import { Hono, type Context } from 'hono';
import { describeRoute } from 'hono-openapi';
import { z } from 'zod';
import type { AuthEnv } from '../middleware/env.ts';
import { ApiError } from '../errors.ts';
import { validate } from '../validation.ts';
import { operationSpec } from '../openapi/describe.ts';
import { areaCodeInput } from '../../../domain/fields.ts';
import { metricDefinition } from '../../../domain/metric-definitions.ts';
import { changeRows, exportRows, inScope, type ExportRow } from '../../../domain/metric-export.ts';
import { metricKey, monthInput, noFigures } from './metrics-months.ts';
import { areaNames, exportFigures } from '../../db/queries/public-export.ts';
import {
	exportCsv,
	exportGeoJson,
	exportXlsx,
	type ExportContext,
	type ExportLang
} from '../../export/metric-files.ts';
import { PROVINCE_OUTLINES, readOutlines } from '../../export/outlines.ts';
import { XLSX_MIME } from '../../export/xlsx.ts';
import { exportCache } from '../middleware/export-cache.ts';

const exportQuery = z
	.object({
		metric: metricKey,
		area: z.union([z.literal('VN'), areaCodeInput]).default('VN'),
		month: monthInput.optional(),
		since: monthInput.optional(),
		level: z.enum(['province', 'commune']).optional(),
		lang: z.enum(['vi', 'en']).optional()
	})
	.refine((q) => q.level === undefined || q.area === 'VN', {
		message: 'level applies to area=VN only (level=commune: every commune of the country)',
		path: ['level']
	})
	.refine((q) => q.since === undefined || (q.month !== undefined && q.since < q.month), {
		message: 'since needs a later month: ?month=2026-11&since=2026-05',
		path: ['since']
	});
type ExportQuery = z.infer<typeof exportQuery>;

const FORMATS = {
	csv: { mime: 'text/csv; charset=utf-8', en: 'CSV', vi: 'CSV' },
	xlsx: { mime: XLSX_MIME, en: 'XLSX (Excel)', vi: 'XLSX (Excel)' },
	geojson: { mime: 'application/geo+json', en: 'GeoJSON outlines', vi: 'GeoJSON ranh giới' }
} as const;
type Format = keyof typeof FORMATS;

function describe(format: Format) {
	const f = FORMATS[format];
	const spec = operationSpec(
		`One metric of an area and period as ${f.en}, suppression applied, a status per row`,
		`Một chỉ tiêu của một địa bàn và thời kỳ dạng ${f.vi}, đã ẩn số nhỏ, có trạng thái từng dòng`,
		{ errors: [404] }
	);
	const ok = {
		description: 'The file',
		content: { [f.mime]: { schema: { type: 'string' as const } } }
	};
	return describeRoute({ ...spec, responses: { ...spec.responses, 200: ok } });
}

/**
 * The rows of an export and what they are of; 404 for an unknown area or no figures. With
 * `since`, the change from that month to `month` (domain/metric-export.ts changeRows).
 */
async function rowsOf(c: Context<AuthEnv>, q: ExportQuery) {
	const def = metricDefinition(q.metric)!;
	const db = c.get('db');
	const [areas, earlier, names] = await Promise.all([
		exportFigures(db, def, q.month ?? null),
		q.since ? exportFigures(db, def, q.since) : Promise.resolve(null),
		areaNames(db, null)
	]);
	const area = names.get(q.area);
	if (!area) throw new ApiError('area_not_found', 404, `No area with code ${q.area}`);
	if (areas.length === 0) noFigures(q.month ?? 'the last 12 months');
	if (earlier?.length === 0) noFigures(q.since!);
	const level = q.level ?? 'province';
	const scope = inScope(q.area, level);
	const later = exportRows(def, areas, names, scope);
	const rows = earlier ? changeRows(def, exportRows(def, earlier, names, scope), later) : later;
	const own = rows.find((r) => r.code === q.area) ?? rows[0];
	const ctx: ExportContext = {
		def,
		area: q.area,
		areaName: area.name,
		month: q.month ?? null,
		since: q.since ?? null,
		period: { start: own?.periodStart ?? '', end: own?.periodEnd ?? '' }
	};
	return { rows, ctx, level };
}

/** tung-ngo-<metric>-<area>-<period>.<ext> (ASCII); a change: <since>-den-<month>. */
function fileName(ctx: ExportContext, level: string, ext: Format): string {
	const area = ctx.area === 'VN' && level === 'commune' ? 'VN-xa' : ctx.area;
	const period = ctx.since ? `${ctx.since}-den-${ctx.month}` : (ctx.month ?? ctx.period.end);
	return `tung-ngo-${ctx.def.key}-${area}-${period}.${ext}`;
}

/** The outline files a GeoJSON of these rows needs. */
function outlineFiles(rows: readonly ExportRow[]): string[] {
	const files = new Set<string>();
	for (const r of rows) {
		if (r.level === 'province') files.add(PROVINCE_OUTLINES);
		if (r.level === 'commune' && r.provinceCode) files.add(r.provinceCode);
	}
	return [...files];
}

async function body(c: Context<AuthEnv>, format: Format, q: ExportQuery) {
	const { rows, ctx, level } = await rowsOf(c, q);
	const lang: ExportLang = q.lang ?? 'vi';
	const headers = {
		'Content-Type': FORMATS[format].mime,
		'Content-Disposition': `attachment; filename="${fileName(ctx, level, format)}"`
	};
	if (format === 'csv') return c.body(exportCsv(rows, ctx, lang), 200, headers);
	if (format === 'xlsx') return c.body(await exportXlsx(rows, ctx, lang), 200, headers);
	const origin = new URL(c.req.url).origin;
	const outlines = await readOutlines(c.env.ASSETS, origin, outlineFiles(rows));
	return c.body(JSON.stringify(exportGeoJson(rows, ctx, lang, outlines)), 200, headers);
}

/** GET /api/exports/metrics.{csv,xlsx,geojson}: public downloads of the map's figures. */
export const exportsApi = new Hono<AuthEnv>()
	.get('/metrics.csv', describe('csv'), exportCache, validate('query', exportQuery), (c) =>
		body(c, 'csv', c.req.valid('query'))
	)
	.get('/metrics.xlsx', describe('xlsx'), exportCache, validate('query', exportQuery), (c) =>
		body(c, 'xlsx', c.req.valid('query'))
	)
	.get('/metrics.geojson', describe('geojson'), exportCache, validate('query', exportQuery), (c) =>
		body(c, 'geojson', c.req.valid('query'))
	);
