/**
 * Creating accounts outside the invite flow: the first admin (CLI) and the demo accounts
 * (demo seed). Same checks as the API: login shape, password length, role/scope shape,
 * unique phone and e-mail; the account and its audit entry are written together.
 */
import type { Db } from '../db/client.ts';
import { parseEmail, parsePhone } from '../../domain/csv-fields.ts';
import { grantShapeError } from '../../domain/scope.ts';
import type { Role } from '../../domain/roles.ts';
import { cleanText } from '../../domain/text.ts';
import { passwordProblem } from './password.ts';
import { findUserByLogin, userInsert, type UserRow } from './users.ts';
import { getUser } from './users.ts';
import { auditInsert } from './audit.ts';

export class AccountError extends Error {}

export interface AccountInput {
	displayName: string;
	phone?: string | null;
	email?: string | null;
	password: string;
	role: Role;
	provinceCode?: string | null;
	communeCode?: string | null;
	teamId?: string | null;
	memberId?: string | null;
}

/**
 * The account's login and name as stored: phone and e-mail normalised, password strength and
 * display name checked (also used by the deploy's admin bootstrap, scripts/lib/admin-sql.ts).
 *
 * @throws AccountError with a readable reason
 */
export function normalise(input: AccountInput) {
	const phone = input.phone ? parsePhone(input.phone) : null;
	const email = input.email ? parseEmail(input.email) : null;
	if (phone && !phone.ok) throw new AccountError(phone.error);
	if (email && !email.ok) throw new AccountError(email.error);
	if (!phone && !email) throw new AccountError('give a phone number or an e-mail to log in with');
	const weak = passwordProblem(input.password);
	if (weak) throw new AccountError(`password: ${weak}`);
	const displayName = cleanText(input.displayName);
	if (!displayName) throw new AccountError('give a display name');
	return { displayName, phone: phone?.value ?? null, email: email?.value ?? null };
}

/** Creates an account; throws AccountError with a readable reason when it cannot. */
export async function createAccount(db: Db, input: AccountInput): Promise<UserRow> {
	const { displayName, phone, email } = normalise(input);
	const grant = {
		role: input.role,
		provinceCode: input.provinceCode ?? null,
		communeCode: input.communeCode ?? null,
		teamId: input.teamId ?? null
	};
	const shape = grantShapeError(grant);
	if (shape) throw new AccountError(shape);
	if (phone && (await findUserByLogin(db, { kind: 'phone', value: phone }))) {
		throw new AccountError(`an account with phone ${phone} already exists`);
	}
	if (email && (await findUserByLogin(db, { kind: 'email', value: email }))) {
		throw new AccountError(`an account with e-mail ${email} already exists`);
	}
	const { id, query } = await userInsert(db, {
		...grant,
		displayName,
		phone,
		email,
		password: input.password,
		memberId: input.memberId ?? null
	});
	const entry = {
		kind: 'auth' as const,
		action: 'user.create',
		entity: 'user',
		entityId: id,
		provinceCode: grant.provinceCode,
		communeCode: grant.communeCode,
		detail: { role: grant.role, via: 'cli' }
	};
	await db.batch([query, auditInsert(db, null, entry, null)]);
	return (await getUser(db, id))!;
}
