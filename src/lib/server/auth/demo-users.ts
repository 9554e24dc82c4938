/**
 * Demo accounts for the demo seed: one of each working role around Xã Định Hoá (05569, Thái
 * Nguyên), with published passwords. Only for demo databases — never run against real data.
 */
import { and, asc, desc, eq } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { teams, users } from '../db/schema/index.ts';
import type { Role } from '../../domain/roles.ts';
import { createAccount } from './accounts.ts';
import { findUserByLogin } from './users.ts';

export const DEMO_COMMUNE = { provinceCode: '19', communeCode: '05569' } as const;

/** The demo logins and their passwords, as documented in the README. */
export const DEMO_ACCOUNTS = [
	{
		role: 'admin',
		displayName: 'Quản trị (demo)',
		email: 'admin@demo.tungngo.vn',
		password: 'demo-quan-tri'
	},
	{
		role: 'province_admin',
		displayName: 'Quản trị tỉnh Thái Nguyên (demo)',
		email: 'tinh19@demo.tungngo.vn',
		password: 'demo-quan-tri-tinh'
	},
	{
		role: 'commune_admin',
		displayName: 'Quản trị xã Định Hoá (demo)',
		email: 'xa05569@demo.tungngo.vn',
		password: 'demo-quan-tri-xa'
	},
	{
		role: 'team_leader',
		displayName: 'Tổ trưởng (demo)',
		email: 'totruong@demo.tungngo.vn',
		password: 'demo-to-truong'
	},
	{
		role: 'member',
		displayName: 'Thành viên (demo)',
		email: 'thanhvien@demo.tungngo.vn',
		password: 'demo-thanh-vien'
	}
] as const satisfies readonly {
	role: Role;
	displayName: string;
	email: string;
	password: string;
}[];

/** The first demo team of the demo commune by name (else its first team), if any. */
async function demoTeamId(db: Db): Promise<string | null> {
	const [team] = await db
		.select({ id: teams.id })
		.from(teams)
		.where(
			and(
				eq(teams.provinceCode, DEMO_COMMUNE.provinceCode),
				eq(teams.communeCode, DEMO_COMMUNE.communeCode)
			)
		)
		// Demo teams first: teams created in the demo commune (e2e runs) never capture the logins.
		.orderBy(desc(teams.isDemo), asc(teams.name))
		.limit(1);
	return team?.id ?? null;
}

/**
 * The demo member the member login stands for: the assignee of the team's first demo route
 * (so "my routes" shows something), else the team's first active member by name.
 */
async function demoMemberId(db: Db, teamId: string): Promise<string | null> {
	const row = await db.$client
		.prepare(
			`SELECT m.id FROM members m LEFT JOIN routes r ON r.assignee_member_id = m.id AND r.is_demo = 1
			WHERE m.team_id = ? AND m.is_demo = 1 AND m.active = 1
			ORDER BY r.id IS NULL, r.planned_on, m.full_name LIMIT 1`
		)
		.bind(teamId)
		.first<{ id: string }>();
	return row?.id ?? null;
}

/**
 * Creates the demo accounts that do not exist yet, and points existing leader and member
 * accounts at the demo commune's current first team (a re-seed replaces demo teams).
 * The member login is linked to a demo member with a demo route ("my routes"); a re-seed
 * unlinks demo logins first (demo/delete.ts), so demo members can still be deleted freely.
 * Without demo teams the leader has no team and the member account is skipped.
 * @returns the logins created.
 */
export async function createDemoUsers(db: Db): Promise<string[]> {
	const teamId = await demoTeamId(db);
	const created: string[] = [];
	for (const a of DEMO_ACCOUNTS) {
		const onTeam = a.role === 'team_leader' || a.role === 'member';
		const existing = await findUserByLogin(db, { kind: 'email', value: a.email });
		const memberId = a.role === 'member' && teamId ? await demoMemberId(db, teamId) : null;
		if (existing) {
			if (onTeam && teamId) {
				await db
					.update(users)
					.set({ scopeTeamId: teamId, ...(a.role === 'member' ? { memberId } : {}) })
					.where(eq(users.id, existing.id));
			}
			continue;
		}
		if (a.role === 'member' && !teamId) continue;
		const scoped = a.role !== 'admin';
		await createAccount(db, {
			...a,
			provinceCode: scoped ? DEMO_COMMUNE.provinceCode : null,
			communeCode: scoped && a.role !== 'province_admin' ? DEMO_COMMUNE.communeCode : null,
			teamId: onTeam ? teamId : null,
			memberId
		});
		created.push(a.email);
	}
	return created;
}
