import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inject } from 'vitest';
import { eq } from 'drizzle-orm';
import { openTestDb, type TestDb } from './support/db.ts';
import { call, makeTeam, seedAreas } from './support/accounts-factory.ts';
import { withLocalDb } from '../../scripts/lib/local-d1.ts';
import { repoRoot } from '../../scripts/lib/paths.ts';
import { users } from '../../src/lib/server/db/schema/index.ts';
import { verifyPassword } from '../../src/lib/server/auth/password.ts';
import { createDemoUsers, DEMO_ACCOUNTS } from '../../src/lib/server/auth/demo-users.ts';

function cli(args: string[], persistTo: string, input?: string) {
	return spawnSync(process.execPath, ['scripts/create-admin.ts', ...args], {
		cwd: repoRoot,
		input,
		encoding: 'utf8',
		env: { ...process.env, TUNG_NGO_PERSIST_DIR: persistTo, TUNG_NGO_ADMIN_PASSWORD: '' }
	});
}

describe('scripts/create-admin.ts', () => {
	let persistTo: string;
	beforeAll(() => {
		persistTo = mkdtempSync(join(tmpdir(), 'tung-ngo-d1-admin-'));
		cpSync(inject('d1Template'), persistTo, { recursive: true });
	});
	afterAll(() => rmSync(persistTo, { recursive: true, force: true }));

	it('creates the first admin with a password from stdin', async () => {
		const r = cli(
			['--name', 'Nguyễn Quản Trị', '--phone', '0912 888 999', '--password-stdin'],
			persistTo,
			'mat-khau-quan-tri\n'
		);
		expect(r.stderr).toBe('');
		expect(r.status).toBe(0);
		expect(r.stdout).toContain('Admin created');
		const row = await withLocalDb(
			async ({ db }) => (await db.select().from(users).where(eq(users.phone, '0912888999')))[0],
			persistTo
		);
		expect(row).toMatchObject({
			role: 'admin',
			displayName: 'Nguyễn Quản Trị',
			scopeProvinceCode: null
		});
		expect(await verifyPassword('mat-khau-quan-tri', row!.passwordHash)).toBe(true);
	});

	it('prints a generated password once when none is given', () => {
		const r = cli(['--name', 'Người Thứ Hai', '--email', 'hai@example.vn'], persistTo);
		expect(r.status).toBe(0);
		expect(r.stdout).toMatch(/Password \(shown once.*\): [A-Za-z0-9_-]{16}/);
	});

	it.each([
		[['--name', 'Trùng', '--phone', '0912888999', '--password-stdin'], 'already exists'],
		[
			['--name', 'Ngắn', '--phone', '0912000000', '--password-stdin'],
			'At least 8 characters besides spaces'
		],
		[['--phone', '0912000001', '--password-stdin'], '--name is required'],
		[['--name', 'Sai số', '--phone', '12', '--password-stdin'], 'không hợp lệ']
	])('refuses %j with a clear message and exit 1', (args, message) => {
		const r = cli(args, persistTo, args.includes('Ngắn') ? 'ngan\n' : 'mat-khau-du-dai\n');
		expect(r.status).toBe(1);
		expect(r.stderr).toContain(message);
	});
});

describe('demo accounts', () => {
	let t: TestDb;
	beforeAll(async () => {
		t = await openTestDb();
		await seedAreas(t.db);
	});
	afterAll(() => t.close());

	it('creates one account per role in Định Hoá, idempotently, each able to log in', async () => {
		const team = await makeTeam(t.db, 'own', 'Tổ A demo');
		expect(await createDemoUsers(t.db)).toHaveLength(DEMO_ACCOUNTS.length);
		expect(await createDemoUsers(t.db)).toEqual([]);
		for (const a of DEMO_ACCOUNTS) {
			const res = await call(t, '/api/auth/login', {
				body: { login: a.email, password: a.password },
				headers: { 'cf-connecting-ip': '192.0.2.50' }
			});
			expect(res.status, a.email).toBe(200);
			const { user } = (await res.json()) as {
				user: { role: string; communeCode: string | null; teamId: string | null };
			};
			expect(user.role).toBe(a.role);
			if (a.role === 'commune_admin') expect(user.communeCode).toBe('05569');
			if (a.role === 'team_leader' || a.role === 'member') expect(user.teamId).toBe(team.id);
		}
	});
});
