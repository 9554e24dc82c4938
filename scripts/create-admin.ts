/**
 * Creates the first admin account in the local D1 (or another persist folder).
 *
 *   node scripts/create-admin.ts --name "Nguyễn Văn A" --phone 0912345678 [--email a@x.vn]
 *        [--password-stdin]
 *   node scripts/create-admin.ts --demo     # the documented demo accounts (demo data only)
 *
 * The password is read from stdin with --password-stdin (e.g. `echo "$PW" | …`), else from
 * TUNG_NGO_ADMIN_PASSWORD; with neither, a random one is generated and printed once.
 * Env: TUNG_NGO_PERSIST_DIR (default .wrangler/state).
 */
import { parseArgs } from 'node:util';
import { readFileSync } from 'node:fs';
import { withLocalDb } from './lib/local-d1.ts';
import { persistDir } from './lib/paths.ts';
import { AccountError, createAccount } from '../src/lib/server/auth/accounts.ts';
import { randomToken } from '../src/lib/server/auth/crypto.ts';
import { createDemoUsers, DEMO_ACCOUNTS } from '../src/lib/server/auth/demo-users.ts';

const { values } = parseArgs({
	options: {
		name: { type: 'string' },
		phone: { type: 'string' },
		email: { type: 'string' },
		'password-stdin': { type: 'boolean', default: false },
		demo: { type: 'boolean', default: false }
	}
});

function password(): { value: string; generated: boolean } {
	if (values['password-stdin']) return { value: readFileSync(0, 'utf8').trim(), generated: false };
	const env = process.env.TUNG_NGO_ADMIN_PASSWORD;
	if (env) return { value: env, generated: false };
	return { value: randomToken(12), generated: true };
}

async function demo(): Promise<void> {
	const created = await withLocalDb(({ db }) => createDemoUsers(db));
	console.log(`✓ Demo accounts in ${persistDir()} (${created.length} new):`);
	for (const a of DEMO_ACCOUNTS) console.log(`  ${a.role.padEnd(15)} ${a.email}  ${a.password}`);
}

try {
	if (values.demo) {
		await demo();
		process.exit(0);
	}
	if (!values.name) throw new AccountError('--name is required');
	const pw = password();
	const user = await withLocalDb(({ db }) =>
		createAccount(db, {
			displayName: values.name!,
			phone: values.phone ?? null,
			email: values.email ?? null,
			password: pw.value,
			role: 'admin'
		})
	);
	console.log(
		`✓ Admin created in ${persistDir()}: ${user.displayName} (${user.phone ?? user.email})`
	);
	if (pw.generated) console.log(`  Password (shown once, change it after logging in): ${pw.value}`);
} catch (err) {
	if (err instanceof AccountError) {
		console.error(`✗ ${err.message}`);
		process.exit(1);
	}
	throw err;
}
