/**
 * The first admin of a deployment as one SQL file, for `wrangler d1 execute DB --file` on a
 * database no script can open (the deployed global D1). The row and its audit entry are built
 * by the same code as `scripts/create-admin.ts` (createAccount's checks, userInsert's password
 * hash, auditInsert), rendered by drizzle and given literal values. Applying it twice, or for a
 * phone or e-mail that already has an account, writes nothing (ON CONFLICT DO NOTHING, and the
 * audit entry only when the account row was written).
 */
import { normalise } from '../../src/lib/server/auth/accounts.ts';
import { auditInsert } from '../../src/lib/server/auth/audit.ts';
import { userInsert } from '../../src/lib/server/auth/users.ts';
import { getDb } from '../../src/lib/server/db/client.ts';
import { sqlLiteral, type SqlValue } from '../../src/lib/server/import/reference/sql-text.ts';

/** The first admin's login and password. */
export interface AdminInput {
	displayName: string;
	phone?: string | null;
	email?: string | null;
	password: string;
}

/** Replaces drizzle's `?` placeholders by literals (its SQL quotes identifiers, never values). */
function inline(query: { sql: string; params: unknown[] }): string {
	const parts = query.sql.split('?');
	if (parts.length !== query.params.length + 1) throw new Error('unexpected placeholders');
	return parts.reduce((out, part, i) => out + sqlLiteral(query.params[i - 1] as SqlValue) + part);
}

/**
 * The admin account's SQL: an INSERT of the user that does nothing on a taken login, then
 * the audit entry `user.create` written only if that user row exists.
 *
 * @returns the SQL text and the new account's id
 * @throws AccountError when the login, name or password is not acceptable
 */
export async function adminBootstrapSql(input: AdminInput): Promise<{ sql: string; id: string }> {
	const { displayName, phone, email } = normalise({ ...input, role: 'admin' });
	// Only query builders: drizzle renders SQL without calling the database.
	const db = getDb({} as D1Database);
	const grant = { role: 'admin' as const, provinceCode: null, communeCode: null, teamId: null };
	const user = await userInsert(db, {
		...grant,
		displayName,
		phone,
		email,
		password: input.password
	});
	const entry = {
		kind: 'auth' as const,
		action: 'user.create',
		entity: 'user',
		entityId: user.id,
		detail: { role: 'admin', via: 'deploy' }
	};
	const audit = inline(auditInsert(db, null, entry, null).toSQL());
	const match = /^insert into ("audit_log") \((.+)\) values \((.+)\)$/.exec(audit);
	if (!match) throw new Error('unexpected SQL for the audit entry');
	const [, table, columns, values] = match;
	const userExists = `exists (select 1 from "users" where "id" = ${sqlLiteral(user.id)})`;
	const sql = [
		'-- The first admin (scripts/deploy.ts). Holds a password hash: delete after use.',
		`${inline(user.query.onConflictDoNothing().toSQL())};`,
		`insert into ${table} (${columns}) select ${values} where ${userExists};`,
		''
	].join('\n');
	return { sql, id: user.id };
}
