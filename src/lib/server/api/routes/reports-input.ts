/** Inputs of the report routes (issue 16 §5): an area and period, a report id, list filters. */
import { z } from 'zod';
import { areaCodeInput, provinceCodeInput } from '../../../domain/fields.ts';
import { isReportPeriod } from '../../../domain/report-content.ts';

/** A month "2026-10" or a quarter "2026-Q3". */
export const reportPeriodInput = z.string().refine(isReportPeriod, {
	message: 'A report period is a month YYYY-MM (2026-10) or a quarter YYYY-Qn (2026-Q3)'
});

/** /{area}/{period}: a commune (5 digits) or province (2 digits) code, and a period. */
export const reportAreaParams = z.object({ area: areaCodeInput, period: reportPeriodInput });

const REPORT_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** A report version's id (a UUID). */
export const reportIdParam = z.object({
	id: z.string().regex(REPORT_ID, 'A report id is a UUID')
});

/** /{id}.csv or /{id}.xlsx. */
export const reportFileParam = z.object({
	file: z.string().regex(/^[0-9a-f-]{36}\.(csv|xlsx)$/, 'A report file is {id}.csv or {id}.xlsx')
});

/** GET /api/reports filters. */
export const reportListQuery = z.object({
	province: provinceCodeInput.optional(),
	period: reportPeriodInput.optional(),
	limit: z.coerce.number().int().min(1).max(1000).default(200)
});
