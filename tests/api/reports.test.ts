/**
 * Reports (issue 16 §5) on the real local D1: the workflow with the right roles (submit, return,
 * resubmit, approve, correct), 403s and 409s, every action audited, an approved report frozen
 * while the map's month changes under it, the public seeing approved versions only, and the CSV's
 * numbers equal to the map's month payload.
 */
import { describe, expect, it } from 'vitest';
import Papa from 'papaparse';
import readXlsxFile from 'read-excel-file/node';
import { eq } from 'drizzle-orm';
import type { TestDb } from './support/db.ts';
import { useSeededDb } from './support/seeded-db.ts';
import { AREAS, call, makeUser, type TestUser } from './support/accounts-factory.ts';
import {
	household,
	insertHouseholdsIn,
	insertServices,
	insertVisitsIn,
	member,
	team,
	visitId
} from './support/records-factory.ts';
import { insertMembers, insertTeams } from '../../src/lib/server/db/writes/teams.ts';
import { auditLog } from '../../src/lib/server/db/schema/index.ts';
import { computeMetrics } from '../../src/lib/server/metrics/job.ts';
import { computeMonths, runMonths } from '../../src/lib/server/metrics/months.ts';
import { addMonths, monthBounds, monthOf } from '../../src/lib/domain/metric-months.ts';
import { METRIC_KEYS, OFFICIAL_METRIC_KEYS } from '../../src/lib/domain/metric-definitions.ts';
import type { MetricPayload } from '../../src/lib/domain/metric-payload.ts';
import type { ReportView } from '../../src/lib/domain/report-view.ts';
import type { VisitInput } from '../../src/lib/server/db/schema/visits.input.ts';

const own = AREAS.own;
const CURRENT = monthOf(Date.now());
const M = addMonths(CURRENT, -1); // the last closed month
const DAY = 86_400_000;
const inM = (day: number) => monthBounds(M).startMs + day * DAY + 3_600_000;

let t: TestDb;
let ca: TestUser, ca2: TestUser, pa: TestUser, pa2: TestUser, admin: TestUser, leader: TestUser;
const hh = Array.from({ length: 30 }, () => household(own, { adults: 2 }));

const helpedVisit = (h: { id: string }, at: number): VisitInput => ({
	id: visitId(at),
	...own,
	householdId: h.id,
	visitedAt: at,
	outcome: 'met',
	adults: 2,
	peopleHelped: 1,
	services: [{ serviceCode: 'vneid', adultsUsing: 1, helped: 1 }]
});

useSeededDb(async (db) => {
	t = db;
	await insertServices(t.db);
	const tm = team(own, { createdAt: inM(-40) });
	await insertTeams(t.db, [tm]);
	await insertMembers(
		t.db,
		Array.from({ length: 12 }, () => member(own, tm.id, { createdAt: inM(-40) }))
	);
	await insertHouseholdsIn(
		t,
		hh.map((h) => ({ ...h, createdAt: inM(-40) }))
	);
	await insertVisitsIn(
		t,
		hh.slice(0, 15).map((h, i) => helpedVisit(h, inM(2 + (i % 10))))
	);
	const now = new Date();
	await computeMetrics(t.db, { now, shards: t.shards });
	await computeMonths(t.db, { now, shards: t.shards });
	[ca, ca2, pa, pa2, admin] = await Promise.all([
		makeUser(t.db, 'commune_admin'),
		makeUser(t.db, 'commune_admin', 'foreignCommune'),
		makeUser(t.db, 'province_admin'),
		makeUser(t.db, 'province_admin', 'foreignProvince'),
		makeUser(t.db, 'admin')
	]);
	leader = await makeUser(t.db, 'team_leader', 'own', tm.id);
	// Official figures of the month, imported as a province admin does (issue 16 §2).
	const imported = await importOfficial(
		`05569,,${M},vneid,1250,Công an tỉnh,`,
		`05923,,${M},vneid,300,Công an tỉnh,`,
		`05569,,${M},vssid,7,BHXH tỉnh,`
	);
	expect(imported.status).toBe(201);
});

const OFFICIAL_HEADER =
	'Mã xã mới,Mã xã cũ (trước 2025),Tháng (YYYY-MM),Dịch vụ,Số liệu,Nguồn,Ghi chú';
const importOfficial = (...lines: string[]) =>
	call(t, '/api/official-stats/import?commit=1', {
		method: 'POST',
		body: new TextEncoder().encode([OFFICIAL_HEADER, ...lines].join('\n')),
		cookie: admin.cookie,
		headers: { 'content-type': 'text/csv' }
	});

const view = async (area: string, period: string, who?: TestUser) =>
	call(t, `/api/reports/${area}/${period}`, { cookie: who?.cookie });
const post = (path: string, who: TestUser | undefined, body: unknown = {}) =>
	call(t, `/api/reports${path}`, { method: 'POST', cookie: who?.cookie, body });
const csvRows = (text: string) =>
	Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), { skipEmptyLines: true }).data;
const figure = (v: ReportView, key: string) => v.content!.area.figures.find((f) => f.key === key)!;

let reportId = '';
let frozen: ReportView;

describe('submitting a commune report', () => {
	it('shows the commune admin a draft with live figures and a submit button; the public nothing', async () => {
		expect((await view(own.communeCode, M)).status).toBe(404);
		const res = await view(own.communeCode, M, ca);
		expect(res.status).toBe(200);
		const v = (await res.json()) as ReportView;
		expect([v.report, v.live, v.actions, v.content?.final]).toEqual([null, true, ['submit'], true]);
		expect(figure(v, 'helped_vneid')).toMatchObject({ status: 'value', value: 15 });
		expect(figure(v, 'teams')).toMatchObject({ status: 'value', value: 1 });
	});

	it('shows the official figures of the period beside them, with their source; small ones hidden', async () => {
		const v = (await (await view(own.communeCode, M, ca)).json()) as ReportView;
		expect(v.content!.officialKeys).toEqual(OFFICIAL_METRIC_KEYS);
		expect(figure(v, 'official_vneid')).toMatchObject({
			status: 'value',
			value: 1250,
			estimate: false,
			official: { source: 'Công an tỉnh', months: { first: M, last: M } }
		});
		expect(figure(v, 'official_vssid')).toMatchObject({ status: 'suppressed', value: null });
		expect(figure(v, 'official_payment')).toMatchObject({ status: 'no_data', value: null });
		// The visit-based figures come first, then the official ones.
		const keys = v.content!.area.figures.map((f) => f.key);
		expect(keys).toEqual([...METRIC_KEYS, ...OFFICIAL_METRIC_KEYS]);
	});

	it.each([
		['the public', undefined, 401],
		['a team leader', 'leader', 403],
		['another commune’s admin', 'ca2', 403],
		['the province admin', 'pa', 403]
	] as const)('refuses a submission by %s', async (_, who, status) => {
		const user = who && { leader, ca2, pa }[who];
		expect((await post(`/${own.communeCode}/${M}/submit`, user)).status).toBe(status);
	});

	it('refuses a period that has not ended, and a malformed one, with the reason', async () => {
		const open = await post(`/${own.communeCode}/${CURRENT}/submit`, ca);
		expect([open.status, ((await open.json()) as { code: string }).code]).toEqual([
			409,
			'report_not_final'
		]);
		const bad = await post(`/${own.communeCode}/2026-Q5/submit`, ca);
		expect(bad.status).toBe(400);
		expect(((await bad.json()) as { message: string }).message).toMatch(/^period: .*quarter/);
	});

	it('freezes the figures at submission; a second submission is a state conflict', async () => {
		const res = await post(`/${own.communeCode}/${M}/submit`, ca);
		expect(res.status).toBe(201);
		const v = (await res.json()) as ReportView;
		expect([v.report?.status, v.report?.version, v.live, v.actions]).toEqual([
			'submitted',
			1,
			false,
			[]
		]);
		reportId = v.report!.id;
		const again = await post(`/${own.communeCode}/${M}/submit`, ca);
		expect([again.status, ((await again.json()) as { code: string }).code]).toEqual([
			409,
			'report_state'
		]);
	});
});

describe('the province admin’s decision', () => {
	it.each([
		['the commune admin who submitted it', 'ca', 403],
		['another province’s admin', 'pa2', 403],
		['the public', undefined, 401]
	] as const)('refuses an approval by %s', async (_, who, status) => {
		const user = who && { ca, pa2 }[who];
		expect((await post(`/${reportId}/approve`, user)).status).toBe(status);
	});

	it('returns it only with a comment, and the commune admin submits it again', async () => {
		const none = await post(`/${reportId}/return`, pa, { comment: '  ' });
		expect(none.status).toBe(400);
		expect(((await none.json()) as { message: string }).message).toMatch(/^comment: /);
		const back = await post(`/${reportId}/return`, pa, { comment: 'Thiếu số liệu thôn 3' });
		expect(back.status).toBe(200);
		const v = (await (await view(own.communeCode, M, ca)).json()) as ReportView;
		expect([v.report?.status, v.report?.comment, v.live, v.actions]).toEqual([
			'returned',
			'Thiếu số liệu thôn 3',
			true,
			['submit']
		]);
		expect((await view(own.communeCode, M)).status).toBe(404);
		expect((await post(`/${reportId}/approve`, pa)).status).toBe(409);
		expect((await post(`/${own.communeCode}/${M}/submit`, ca)).status).toBe(201);
	});

	it('approves it: the public sees it, with the figures frozen at submission', async () => {
		expect((await post(`/${reportId}/approve`, pa)).status).toBe(200);
		expect((await post(`/${reportId}/return`, pa, { comment: 'muộn rồi' })).status).toBe(409);
		const res = await view(own.communeCode, M);
		expect(res.status).toBe(200);
		frozen = (await res.json()) as ReportView;
		expect([frozen.report?.status, frozen.live, frozen.actions]).toEqual(['approved', false, []]);
		expect(figure(frozen, 'helped_vneid').value).toBe(15);
	});
});

describe('the CSV of an approved report', () => {
	it('is public and every number equals the map’s month payload', async () => {
		const res = await call(t, `/api/reports/${reportId}.csv`);
		expect(res.status).toBe(200);
		expect(res.headers.get('content-disposition')).toContain(`bao-cao-05569-${M}-v1.csv`);
		const [header, ...rows] = csvRows(await res.text());
		expect(header!.slice(0, 4)).toEqual(['Cấp', 'Mã', 'Tên', 'Kỳ báo cáo']);
		expect(header!.slice(11)).toEqual([
			'Nguồn',
			'Tháng của số liệu',
			'Số xã có số liệu',
			'Tổng số xã'
		]);
		expect(rows).toHaveLength(METRIC_KEYS.length + OFFICIAL_METRIC_KEYS.length);
		const official = rows.find((r) => r[4] === 'official_vneid')!;
		expect([official[5], official[6], official[7], official[11], official[12]]).toEqual([
			'Số liệu chính thức: VNeID',
			'ok',
			'1250',
			'Số liệu chính thức: Công an tỉnh',
			M
		]);
		expect(rows.find((r) => r[4] === 'teams')![11]).toBe('Từng Ngõ');
		let shown = 0;
		for (const key of METRIC_KEYS) {
			const map = (await (
				await call(t, `/api/metrics/communes?metric=${key}&month=${M}`)
			).json()) as MetricPayload;
			const row = rows.find((r) => r[4] === key)!;
			const expected =
				own.communeCode in map.values
					? ['ok', String(map.values[own.communeCode])]
					: map.suppressed.includes(own.communeCode)
						? ['suppressed', '']
						: ['no_data', ''];
			expect([key, row[6], row[7]]).toEqual([key, ...expected]);
			if (row[6] === 'ok') shown++;
		}
		expect(shown).toBeGreaterThanOrEqual(3);
	});

	it('is also an XLSX workbook with the same numbers, typed as numbers', async () => {
		const res = await call(t, `/api/reports/${reportId}.xlsx`);
		expect(res.status).toBe(200);
		expect(res.headers.get('content-type')).toContain('spreadsheetml');
		const sheets = await readXlsxFile(Buffer.from(await res.arrayBuffer()));
		expect(sheets.map((s) => s.sheet)).toEqual(['Số liệu', 'Thông tin']);
		const [header, ...rows] = sheets[0]!.data;
		expect(header).toEqual(
			csvRows(await (await call(t, `/api/reports/${reportId}.csv`)).text())[0]
		);
		for (const f of frozen.content!.area.figures) {
			const row = rows.find((r) => r[4] === f.key)!;
			expect([f.key, row[1], row[7], row[8]]).toEqual([f.key, '05569', f.value, f.numerator]);
		}
		expect(String(sheets[1]!.data[0]![0])).toContain(`kỳ ${M}`);
	});
});

describe('an approved report is frozen', () => {
	it('keeps its figures after a late visit is synced, the job runs and the month is recomputed', async () => {
		await insertVisitsIn(t, [helpedVisit(hh[20]!, inM(12))]);
		const now = new Date();
		await computeMetrics(t.db, { now, shards: t.shards });
		await runMonths(t.db, { now, shards: t.shards });
		const recompute = await call(t, `/api/metrics/months/${M}/recompute`, {
			method: 'POST',
			cookie: admin.cookie
		});
		expect(recompute.status).toBe(200);
		// no-cache: re-read the published version (the metrics cache keys payloads by it).
		const map = (await (
			await call(t, `/api/metrics/communes?metric=helped_vneid&month=${M}`, {
				headers: { 'cache-control': 'no-cache' }
			})
		).json()) as MetricPayload;
		expect(map.values[own.communeCode]).toBe(16);
		// A corrected official figure is imported for the month: the map shows it, the report not.
		expect((await importOfficial(`05569,,${M},vneid,2000,Công an tỉnh (bổ sung),`)).status).toBe(
			201
		);
		const official = (await (
			await call(t, `/api/metrics/communes?metric=official_vneid&month=${M}`, {
				headers: { 'cache-control': 'no-cache' }
			})
		).json()) as MetricPayload;
		expect(official.values[own.communeCode]).toBe(2000);
		const after = (await (await view(own.communeCode, M)).json()) as ReportView;
		expect(after.content).toEqual(frozen.content);
		expect(figure(after, 'helped_vneid').value).toBe(15);
		expect(figure(after, 'official_vneid').value).toBe(1250);
	});

	it('is corrected by a new version with its reason, approved in its turn', async () => {
		expect((await post(`/${reportId}/correct`, pa, { reason: 'Đồng bộ muộn' })).status).toBe(403);
		expect((await post(`/${reportId}/correct`, ca, {})).status).toBe(400);
		const res = await post(`/${reportId}/correct`, ca, { reason: 'Một lượt thăm đồng bộ muộn' });
		expect(res.status).toBe(201);
		const v2 = (await res.json()) as { id: string; version: number };
		expect(v2.version).toBe(2);
		expect((await post(`/${reportId}/correct`, ca, { reason: 'lần nữa' })).status).toBe(409);
		const draft = (await (await view(own.communeCode, M, ca)).json()) as ReportView;
		expect([draft.report?.version, draft.report?.correctionReason, draft.live]).toEqual([
			2,
			'Một lượt thăm đồng bộ muộn',
			true
		]);
		expect(figure(draft, 'helped_vneid').value).toBe(16);
		const pub = (await (await view(own.communeCode, M)).json()) as ReportView;
		expect([pub.report?.version, figure(pub, 'helped_vneid').value]).toEqual([1, 15]);
		expect((await post(`/${own.communeCode}/${M}/submit`, ca)).status).toBe(201);
		expect((await post(`/${v2.id}/approve`, admin)).status).toBe(200);
		const now = (await (await view(own.communeCode, M)).json()) as ReportView;
		expect([now.report?.version, figure(now, 'helped_vneid').value]).toEqual([2, 16]);
		expect(now.versions.map((x) => [x.version, x.status, x.superseded])).toEqual([
			[2, 'approved', false],
			[1, 'approved', true]
		]);
		expect((await post(`/${reportId}/correct`, ca, { reason: 'bản cũ' })).status).toBe(409);
	});

	it('audited every action, with the area and version', async () => {
		const log = await t.db
			.select()
			.from(auditLog)
			.where(eq(auditLog.entity, 'report'))
			.orderBy(auditLog.at);
		expect(log.map((e) => [e.action, e.communeCode, JSON.parse(e.detail!).version])).toEqual([
			['report.submit', '05569', 1],
			['report.return', '05569', 1],
			['report.submit', '05569', 1],
			['report.approve', '05569', 1],
			['report.correct', '05569', 2],
			['report.submit', '05569', 2],
			['report.approve', '05569', 2]
		]);
	});
});

describe('province reports and lists', () => {
	it('the province admin submits the province report (with its communes), the admin approves', async () => {
		const res = await post(`/19/${M}/submit`, pa);
		expect(res.status).toBe(201);
		const v = (await res.json()) as ReportView;
		expect(v.content!.communes.map((c) => c.code)).toEqual(['05569', '05923']);
		// The province's official figure: the sum of its communes', and how many it stands on.
		expect(figure(v, 'official_vneid')).toMatchObject({
			status: 'value',
			value: 2300,
			basis: { withData: 2 }
		});
		expect(figure(v, 'teams').basis!.withData).toBeGreaterThanOrEqual(1);
		expect((await post(`/${v.report!.id}/approve`, pa)).status).toBe(403);
		expect((await post(`/${v.report!.id}/approve`, ca)).status).toBe(403);
		expect((await post(`/${v.report!.id}/approve`, admin)).status).toBe(200);
		const csv = csvRows(await (await call(t, `/api/reports/${v.report!.id}.csv`)).text());
		expect(csv).toHaveLength(1 + 3 * (METRIC_KEYS.length + OFFICIAL_METRIC_KEYS.length));
	});

	it('lists approved reports to the public, and each admin’s own in every status', async () => {
		await post(`/${AREAS.foreignCommune.communeCode}/${M}/submit`, ca2);
		type List = { reports: { code: string; status: string; version: number; name: string }[] };
		const list = async (who?: TestUser) =>
			((await (await call(t, '/api/reports', { cookie: who?.cookie })).json()) as List).reports.map(
				(r) => `${r.code} v${r.version} ${r.status}`
			);
		expect(await list()).toEqual(['05569 v2 approved', '05569 v1 approved', '19 v1 approved']);
		expect(await list(ca2)).toContain('05923 v1 submitted');
		expect(await list(ca)).not.toContain('05923 v1 submitted');
		expect(await list(pa)).toContain('05923 v1 submitted');
		const hidden = await call(t, `/api/reports?period=${M}`, { cookie: pa2.cookie });
		expect(((await hidden.json()) as List).reports.every((r) => r.status === 'approved')).toBe(
			true
		);
	});
});
