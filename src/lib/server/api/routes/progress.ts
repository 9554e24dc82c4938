import { Hono } from 'hono';
import type { Context } from 'hono';
import { z } from 'zod';
import { asc } from 'drizzle-orm';
import { communeCode, validate } from '../validation.ts';
import { idInput, isoDateInput } from '../../../domain/fields.ts';
import { ApiError } from '../errors.ts';
import { ensure, noStore, requireActor, type AuthEnv } from '../middleware/env.ts';
import { auditNow, communeOr404 } from '../middleware/scope.ts';
import { shardOf } from '../middleware/shard.ts';
import { csvResponse } from '../middleware/csv-body.ts';
import { canAdminister, canSeeHouseholds, canSeePersonal } from '../../../domain/scope.ts';
import { vnToday } from '../../../domain/vn-time.ts';
import {
	progressPeriod,
	progressTable,
	type ProgressPeriod,
	type ProgressTable
} from '../../../domain/progress.ts';
import { progressCsv } from '../../../domain/progress-csv.ts';
import { listTeams, type CommuneArea } from '../../db/queries/team-admin.ts';
import { communeMembers, readProgress } from '../../db/queries/progress.ts';
import { services } from '../../db/schema/index.ts';
import { operation } from '../openapi/describe.ts';

/** GET /api/progress: the response. */
export interface Progress {
	commune: CommuneArea;
	/** Today in Vietnam (YYYY-MM-DD). */
	today: string;
	/** The period shown, widened to whole weeks (Monday to Sunday). */
	period: { from: string; to: string };
	/** The one team asked for, or null for every team in view. */
	team: string | null;
	/** Teams the caller may choose among (their scope's). */
	teamChoices: { id: string; name: string }[];
	/** Service names (Vietnamese, English) by code, for the columns. */
	serviceNames: Record<string, { vi: string; en: string }>;
	table: ProgressTable;
}

const progressQuery = z.object({
	commune: communeCode,
	team: idInput.optional(),
	from: isoDateInput.optional(),
	to: isoDateInput.optional()
});
type ProgressQuery = z.infer<typeof progressQuery>;

/** The period asked for, or 400 `invalid_query` naming the field. */
function periodOr400(q: ProgressQuery, today: string): ProgressPeriod {
	const p = progressPeriod({ from: q.from, to: q.to }, today);
	if ('error' in p)
		throw new ApiError('invalid_query', 400, `${p.field}: ${p.error}`, { field: p.field });
	return p;
}

/**
 * The teams whose figures the caller sees: a team leader their own, a commune's admins every
 * team (and the visits no team can be given, '' — only when no one team is asked for).
 * @throws 403 for a team outside the caller's reach, 404 for a team not of this commune.
 */
async function teamsInView(c: Context<AuthEnv>, area: CommuneArea, asked: string | undefined) {
	const actor = requireActor(c);
	ensure(canSeeHouseholds(actor, area), "this commune's progress");
	const all = await listTeams(c.get('db'), area.provinceCode, area.communeCode);
	const mine = all.filter((tm) => canSeePersonal(actor, { ...area, teamId: tm.id }));
	if (asked) {
		const tm = all.find((x) => x.id === asked);
		if (!tm) throw new ApiError('team_not_found', 404, `No team ${asked} in this commune`);
		ensure(canSeePersonal(actor, { ...area, teamId: tm.id }), "this team's progress");
		return { all: mine, shown: [tm], unassigned: false };
	}
	return { all: mine, shown: mine, unassigned: canAdminister(actor, area) };
}

/** Reads and assembles the progress of the commune's teams in view (see progressApi). */
async function progressOf(c: Context<AuthEnv>, q: ProgressQuery): Promise<Progress> {
	const area = await communeOr404(c, q.commune);
	const today = vnToday();
	const period = periodOr400(q, today);
	const view = await teamsInView(c, area, q.team);
	const db = c.get('db');
	const [people, catalogue] = await Promise.all([
		communeMembers(db, area),
		db.select().from(services).orderBy(asc(services.sortOrder), asc(services.code))
	]);
	const teamIds = view.shown.map((tm) => tm.id);
	const { aggregates, services: helped } = await readProgress(shardOf(c, area.provinceCode), {
		area,
		memberTeams: Object.fromEntries(people.map((m) => [m.id, m.teamId])),
		startMs: period.startMs,
		endMs: period.endMs,
		teamIds: view.unassigned ? [...teamIds, ''] : teamIds
	});
	const withVisits = new Set(aggregates.filter((a) => a.level === 'team').map((a) => a.teamId));
	const teams = view.shown
		.filter((tm) => tm.active || withVisits.has(tm.id) || tm.id === q.team)
		.map((tm) => ({ id: tm.id, name: tm.name }));
	if (withVisits.has('')) teams.push({ id: '', name: '' });
	const codes = [
		...new Set([...catalogue.map((s) => s.code), ...helped.map((s) => s.serviceCode)])
	];
	const table = progressTable({
		weeks: period.weeks,
		services: codes,
		teams,
		members: people.map((m) => ({
			id: m.id,
			teamId: m.teamId,
			name: m.erasedAt ? null : m.fullName,
			shown: m.active && !m.erasedAt && teamIds.includes(m.teamId)
		})),
		aggregates,
		serviceAggregates: helped
	});
	return {
		commune: area,
		today,
		period: { from: period.from, to: period.to },
		team: q.team ?? null,
		teamChoices: view.all.map((tm) => ({ id: tm.id, name: tm.name })),
		serviceNames: Object.fromEntries(
			catalogue.map((s) => [s.code, { vi: s.nameVi, en: s.nameEn }])
		),
		table
	};
}

/** The audit entry of a progress read or export (member names are personal data). */
function auditProgress(c: Context<AuthEnv>, body: Progress, kind: 'read' | 'export') {
	const { commune: area, table } = body;
	return auditNow(c, {
		kind,
		action: kind === 'read' ? 'progress.read' : 'progress.export',
		entity: 'commune',
		entityId: area.communeCode,
		provinceCode: area.provinceCode,
		communeCode: area.communeCode,
		detail: {
			...body.period,
			team: body.team,
			teams: table.teams.length,
			members: table.teams.reduce((n, tm) => n + tm.members.length, 0)
		}
	});
}

const doc = {
	get: operation(
		"Leaders' progress per week, team and member (personal data, audited)",
		'Tiến độ theo tuần, tổ và thành viên (dữ liệu cá nhân, có ghi nhật ký)',
		{ auth: true, errors: [404], tags: ['progress'] }
	),
	getCsv: operation(
		"Leaders' progress as CSV (personal data, audited as an export)",
		'Tải tiến độ dạng CSV (dữ liệu cá nhân, ghi nhật ký xuất)',
		{ auth: true, errors: [404], tags: ['progress'], csv: 'response' }
	)
};

/**
 * Progress for leaders (issue 16 §6). GET /progress?commune=05569[&team=…][&from=…][&to=…]:
 * visits, households visited and reached, people helped per service, per Vietnam week × team ×
 * member (default the last 12 weeks; at most 53), aggregated on the province's shard. A team
 * leader sees their team, a commune's admins every team; members get 403. Member names are
 * personal data: the read is audited. GET /progress.csv: the same as a CSV download (UTF-8 with
 * BOM, Vietnamese headers), audited as an export. Mounted at /api.
 */
export const progressApi = new Hono<AuthEnv>()
	.get('/progress', noStore, doc.get, validate('query', progressQuery), async (c) => {
		const body = await progressOf(c, c.req.valid('query'));
		await auditProgress(c, body, 'read');
		return c.json(body, 200);
	})
	.get('/progress.csv', noStore, doc.getCsv, validate('query', progressQuery), async (c) => {
		const body = await progressOf(c, c.req.valid('query'));
		await auditProgress(c, body, 'export');
		const names = Object.fromEntries(
			Object.entries(body.serviceNames).map(([code, n]) => [code, n.vi])
		);
		const { from, to } = body.period;
		return csvResponse(
			c,
			`tien-do-${body.commune.communeCode}-${from}-${to}.csv`,
			progressCsv(body.table, names)
		);
	});
