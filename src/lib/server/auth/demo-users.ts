/**
 * Demo accounts for the demo seed: one of each working role around Xã Định Hoá (05569, Thái
 * Nguyên), with published passwords. Only for demo databases — never run against real data.
 */
import { and, asc, eq } from 'drizzle-orm';
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

/** The first team of the demo commune (by name), if the seed made any. */
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
		.orderBy(asc(teams.name))
		.limit(1);
	return team?.id ?? null;
}

/**
 * Creates the demo accounts that do not exist yet, and points existing leader and member
 * accounts at the demo commune's current first team (a re-seed replaces demo teams).
 * Logins are not linked to demo member records, so re-seeding can delete those freely.
 * Without demo teams the leader has no team and the member account is skipped.
 * @returns the logins created.
 */
export async function createDemoUsers(db: Db): Promise<string[]> {
	const teamId = await demoTeamId(db);
	const created: string[] = [];
	for (const a of DEMO_ACCOUNTS) {
		const onTeam = a.role === 'team_leader' || a.role === 'member';
		const existing = await findUserByLogin(db, { kind: 'email', value: a.email });
		if (existing) {
			if (onTeam && teamId) {
				await db.update(users).set({ scopeTeamId: teamId }).where(eq(users.id, existing.id));
			}
			continue;
		}
		if (a.role === 'member' && !teamId) continue;
		const scoped = a.role !== 'admin';
		await createAccount(db, {
			...a,
			provinceCode: scoped ? DEMO_COMMUNE.provinceCode : null,
			communeCode: scoped && a.role !== 'province_admin' ? DEMO_COMMUNE.communeCode : null,
			teamId: onTeam ? teamId : null
		});
		created.push(a.email);
	}
	return created;
}
