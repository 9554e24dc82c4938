/**
 * The report workflow's writes (issue 16 §5, domain/report-workflow.ts), each audited in the
 * same batch as the write:
 * POST /api/reports/{area}/{period}/submit — the area's admin submits; the figures freeze.
 * POST /api/reports/{id}/approve           — the level above approves (the version is final).
 * POST /api/reports/{id}/return            — … or returns it with a comment (required).
 * POST /api/reports/{id}/correct           — the area's admin opens version n+1 with a reason.
 * 403 for the wrong role or scope, 409 `report_state` for the wrong state.
 */
import { Hono, type Context } from 'hono';
import { z } from 'zod';
import { ensure, requireActor, type AuthEnv } from '../middleware/env.ts';
import { ApiError } from '../errors.ts';
import { validate } from '../validation.ts';
import { audit } from '../middleware/scope.ts';
import { runBatch } from '../../db/bulk.ts';
import {
	decide,
	REPORT_TEXT_MAX,
	REPORT_TEXT_MIN,
	type ReportAction,
	type ReportDecision,
	type ReportLevel
} from '../../../domain/report-workflow.ts';
import { periodEnded } from '../../../domain/report-content.ts';
import { monthOf } from '../../../domain/metric-months.ts';
import { liveReportContent, reportArea } from '../../db/queries/report-figures.ts';
import { reportById, reportVersions } from '../../db/queries/reports.ts';
import {
	decideSubmitted,
	ifChanged,
	insertCorrection,
	insertSubmitted,
	resubmit,
	supersedeEarlier
} from '../../db/writes/reports.ts';
import { loadReport } from '../../reports/load.ts';
import { reportAreaParams, reportIdParam } from './reports-input.ts';
import { reportsOps as doc } from '../openapi/operations/reporting.ts';

/** 403 for a role refusal, 409 `report_state` for a state refusal. */
function refuse(d: ReportDecision): void {
	if (d.ok) return;
	if (d.kind === 'role') ensure(false, `that: ${d.reason}`);
	throw new ApiError('report_state', 409, d.reason);
}

const text = (what: string) =>
	z
		.string()
		.trim()
		.min(REPORT_TEXT_MIN, `${what} is required (at least ${REPORT_TEXT_MIN} characters)`)
		.max(REPORT_TEXT_MAX, `${what} is at most ${REPORT_TEXT_MAX} characters`);

export const reportReturnBody = z.object({ comment: text('A comment saying what to fix') });
export const reportCorrectBody = z.object({ reason: text('The reason for the correction') });

type Area = { level: ReportLevel; code: string; provinceCode: string; period: string };

function auditEntry(
	c: Context<AuthEnv>,
	action: ReportAction,
	id: string,
	a: Area,
	version: number
) {
	return audit(c, {
		kind: 'write',
		action: `report.${action}`,
		entity: 'report',
		entityId: id,
		provinceCode: a.provinceCode,
		communeCode: a.level === 'commune' ? a.code : null,
		detail: { level: a.level, code: a.code, period: a.period, version }
	});
}

/** The stored version `id` with its area, and whether it is the latest version; or 404. */
async function versionOr404(c: Context<AuthEnv>, id: string) {
	const db = c.get('db');
	const row = await reportById(db, id);
	if (!row) throw new ApiError('report_not_found', 404, `No report with id ${id}`);
	const [latest] = await reportVersions(db, row.level, row.code, row.period);
	const area: Area = {
		level: row.level,
		code: row.code,
		provinceCode: row.provinceCode,
		period: row.period
	};
	return { row, area, latest: latest?.id === row.id };
}

/** Runs [write, audit if written, …rest]; 409 when the write changed nothing (a race lost). */
async function writeOr409(c: Context<AuthEnv>, statements: D1PreparedStatement[]) {
	const results = await runBatch(c.get('db'), statements);
	if ((results[0]?.results.length ?? 0) === 0 && (results[0]?.meta.changes ?? 0) === 0)
		throw new ApiError('report_state', 409, 'The report changed meanwhile; reload it');
}

/** Approve or return a submitted version. */
async function decideOn(
	c: Context<AuthEnv>,
	id: string,
	action: 'approve' | 'return',
	comment: string | null
) {
	const actor = requireActor(c);
	const { row, area, latest } = await versionOr404(c, id);
	refuse(
		decide(actor, action, { ...area, status: row.status, latest, submittedBy: row.submittedBy })
	);
	const db = c.get('db');
	const now = Date.now();
	const to = action === 'approve' ? 'approved' : 'returned';
	await writeOr409(c, [
		decideSubmitted(db, row.id, to, actor.userId, now, comment),
		ifChanged(db, auditEntry(c, action, row.id, area, row.version)),
		...(action === 'approve' ? [supersedeEarlier(db, area, row.id, row.version, now)] : [])
	]);
	return row;
}

export const reportActionsApi = new Hono<AuthEnv>()
	.post('/:area/:period/submit', doc.postSubmit, validate('param', reportAreaParams), async (c) => {
		const actor = requireActor(c);
		const { area: code, period } = c.req.valid('param');
		const db = c.get('db');
		const ref = await reportArea(db, code);
		if (!ref) throw new ApiError('area_not_found', 404, `No commune or province ${code}`);
		const [latest] = await reportVersions(db, ref.level, ref.code, period);
		const a: Area = { level: ref.level, code, provinceCode: ref.provinceCode, period };
		const state = { ...a, status: latest?.status ?? null, latest: true };
		refuse(decide(actor, 'submit', { ...state, submittedBy: latest?.submittedBy ?? null }));
		if (!periodEnded(period, monthOf(Date.now())))
			throw new ApiError('report_not_final', 409, `The period ${period} has not ended`);
		const content = await liveReportContent(db, ref, period);
		if (!content?.final)
			throw new ApiError(
				'report_not_final',
				409,
				content
					? `The figures of ${period} are not final yet (a month of it is not closed)`
					: `No figures of ${code} for ${period}`
			);
		const now = Date.now();
		const id = latest?.id ?? crypto.randomUUID();
		const version = latest?.version ?? 1;
		const write = latest
			? resubmit(db, id, content, actor.userId, now)
			: insertSubmitted(db, id, a, content, actor.userId, now);
		try {
			await writeOr409(c, [write, ifChanged(db, auditEntry(c, 'submit', id, a, version))]);
		} catch (err) {
			// Two first submissions at once: the unique (area, period, version) index refuses one.
			if (err instanceof ApiError || !String(err).includes('UNIQUE')) throw err;
			throw new ApiError('report_state', 409, 'The report was submitted meanwhile; reload it');
		}
		const loaded = await loadReport(db, actor, code, period);
		return c.json(loaded.found ? loaded.view : null, 201);
	})
	.post('/:id/approve', doc.postApprove, validate('param', reportIdParam), async (c) => {
		const row = await decideOn(c, c.req.valid('param').id, 'approve', null);
		return c.json({ id: row.id, status: 'approved' as const });
	})
	.post(
		'/:id/return',
		doc.postReturn,
		validate('param', reportIdParam),
		validate('json', reportReturnBody),
		async (c) => {
			const row = await decideOn(c, c.req.valid('param').id, 'return', c.req.valid('json').comment);
			return c.json({ id: row.id, status: 'returned' as const });
		}
	)
	.post(
		'/:id/correct',
		doc.postCorrect,
		validate('param', reportIdParam),
		validate('json', reportCorrectBody),
		async (c) => {
			const actor = requireActor(c);
			const { row, area, latest } = await versionOr404(c, c.req.valid('param').id);
			refuse(
				decide(actor, 'correct', {
					...area,
					status: row.status,
					latest,
					submittedBy: row.submittedBy
				})
			);
			const db = c.get('db');
			const id = crypto.randomUUID();
			const version = row.version + 1;
			const reason = c.req.valid('json').reason;
			try {
				await writeOr409(c, [
					insertCorrection(db, id, area, version, reason, actor.userId, Date.now()),
					ifChanged(db, auditEntry(c, 'correct', id, area, version))
				]);
			} catch (err) {
				if (err instanceof ApiError || !String(err).includes('UNIQUE')) throw err;
				throw new ApiError('report_state', 409, 'A correction exists already; reload it');
			}
			return c.json({ id, version, status: 'draft' as const }, 201);
		}
	);
