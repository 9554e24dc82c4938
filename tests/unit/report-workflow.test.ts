import { describe, expect, it } from 'vitest';
import {
	allowedActions,
	decide,
	maySeeUnapproved,
	transition,
	type ReportAction,
	type ReportState,
	type ReportStatus
} from '../../src/lib/domain/report-workflow.ts';
import type { Actor } from '../../src/lib/domain/scope.ts';

const actor = (over: Partial<Actor>): Actor => ({
	userId: 'u',
	role: 'member',
	provinceCode: null,
	communeCode: null,
	teamId: null,
	memberId: null,
	...over
});
const communeAdmin = actor({
	userId: 'xa',
	role: 'commune_admin',
	provinceCode: '19',
	communeCode: '05569'
});
const otherCommuneAdmin = actor({
	userId: 'xa2',
	role: 'commune_admin',
	provinceCode: '19',
	communeCode: '05923'
});
const provinceAdmin = actor({ userId: 'tinh', role: 'province_admin', provinceCode: '19' });
const otherProvinceAdmin = actor({ userId: 'tinh2', role: 'province_admin', provinceCode: '01' });
const admin = actor({ userId: 'admin', role: 'admin' });
const leader = actor({
	userId: 'lead',
	role: 'team_leader',
	provinceCode: '19',
	communeCode: '05569',
	teamId: 't'
});

const commune = (status: ReportStatus | null, over: Partial<ReportState> = {}): ReportState => ({
	level: 'commune',
	code: '05569',
	provinceCode: '19',
	status,
	latest: true,
	submittedBy: status && status !== 'draft' ? 'xa' : null,
	...over
});
const province = (status: ReportStatus | null, over: Partial<ReportState> = {}): ReportState => ({
	level: 'province',
	code: '19',
	provinceCode: '19',
	status,
	latest: true,
	submittedBy: status && status !== 'draft' ? 'tinh' : null,
	...over
});

describe('the report workflow as a state machine', () => {
	it.each([
		[null, 'submit', 'submitted'],
		['draft', 'submit', 'submitted'],
		['returned', 'submit', 'submitted'],
		['submitted', 'approve', 'approved'],
		['submitted', 'return', 'returned'],
		['approved', 'correct', 'draft']
	] as const)('%s --%s--> %s', (from, action, to) => {
		expect(transition(from, action)).toEqual({ ok: true, status: to });
	});

	const refused: [ReportStatus | null, ReportAction][] = [
		[null, 'approve'],
		[null, 'return'],
		[null, 'correct'],
		['draft', 'approve'],
		['draft', 'return'],
		['draft', 'correct'],
		['submitted', 'submit'],
		['submitted', 'correct'],
		['returned', 'approve'],
		['returned', 'return'],
		['returned', 'correct'],
		['approved', 'submit'],
		['approved', 'approve'],
		['approved', 'return']
	];
	it.each(refused)('refuses %s --%s--> as a state conflict, saying why', (from, action) => {
		const d = transition(from, action);
		expect(d.ok).toBe(false);
		if (!d.ok) {
			expect(d.kind).toBe('transition');
			expect(d.reason).toMatch(/cannot be/);
		}
	});

	it('moves only the latest version: an older approved one cannot be corrected again', () => {
		expect(transition('approved', 'correct', false)).toMatchObject({
			ok: false,
			kind: 'transition',
			reason: 'A later version of this report exists'
		});
	});
});

describe('who may do what', () => {
	it.each([
		['the commune admin submits their commune report', communeAdmin, 'submit', commune(null)],
		['the commune admin resubmits a returned report', communeAdmin, 'submit', commune('returned')],
		['the commune admin corrects an approved report', communeAdmin, 'correct', commune('approved')],
		[
			'the province admin approves a commune report',
			provinceAdmin,
			'approve',
			commune('submitted')
		],
		['the province admin returns a commune report', provinceAdmin, 'return', commune('submitted')],
		['the province admin submits the province report', provinceAdmin, 'submit', province(null)],
		['the admin approves a province report', admin, 'approve', province('submitted')],
		['the admin may submit for anyone', admin, 'submit', commune(null)]
	] as const)('%s', (_, who, action, report) => {
		expect(decide(who, action, report).ok).toBe(true);
	});

	it.each([
		['the public', null, 'submit', commune(null)],
		['a team leader', leader, 'submit', commune(null)],
		['another commune’s admin', otherCommuneAdmin, 'submit', commune(null)],
		['the province admin submitting a commune report', provinceAdmin, 'submit', commune(null)],
		['a commune admin approving', communeAdmin, 'approve', commune('submitted')],
		['another province’s admin approving', otherProvinceAdmin, 'approve', commune('submitted')],
		['another province’s admin returning', otherProvinceAdmin, 'return', commune('submitted')],
		[
			'the province admin approving their own province report',
			provinceAdmin,
			'approve',
			province('submitted')
		],
		['a commune admin submitting the province report', communeAdmin, 'submit', province(null)],
		[
			'the admin approving what they submitted',
			admin,
			'approve',
			commune('submitted', { submittedBy: 'admin' })
		],
		['another commune’s admin correcting', otherCommuneAdmin, 'correct', commune('approved')]
	] as const)('refuses %s as a role refusal', (_, who, action, report) => {
		expect(decide(who, action, report)).toMatchObject({ ok: false, kind: 'role' });
	});

	it('checks the role before the state: a stranger learns nothing of the report’s status', () => {
		expect(decide(otherCommuneAdmin, 'approve', commune('approved'))).toMatchObject({
			kind: 'role'
		});
	});

	it('lists the actions open now, for the page’s buttons', () => {
		expect(allowedActions(communeAdmin, commune(null))).toEqual(['submit']);
		expect(allowedActions(communeAdmin, commune('submitted'))).toEqual([]);
		expect(allowedActions(provinceAdmin, commune('submitted'))).toEqual(['approve', 'return']);
		expect(allowedActions(communeAdmin, commune('approved'))).toEqual(['correct']);
		expect(allowedActions(null, commune('approved'))).toEqual([]);
	});
});

describe('who sees a report before it is approved', () => {
	it.each([
		[communeAdmin, commune('submitted'), true],
		[otherCommuneAdmin, commune('submitted'), false],
		[communeAdmin, province('submitted'), false],
		[provinceAdmin, commune('submitted'), true],
		[provinceAdmin, province('draft'), true],
		[otherProvinceAdmin, commune('submitted'), false],
		[admin, province('submitted'), true],
		[leader, commune('submitted'), false],
		[null, commune('submitted'), false]
	] as const)('%#: %o', (who, report, sees) => {
		expect(maySeeUnapproved(who, report)).toBe(sees);
	});
});
