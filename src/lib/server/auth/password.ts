/**
 * Password hashing: PBKDF2-SHA256 through WebCrypto at 100,000 iterations — the most Workers
 * allow (higher counts throw NotSupportedError there). Stored as
 * `pbkdf2-sha256$<iterations>$<salt>$<hash>` so the count can be raised later per hash.
 */
import { constantTimeEqual, fromBase64Url, toBase64Url } from './crypto.ts';

export const PBKDF2_ITERATIONS = 100_000;
const SALT_BYTES = 16;
const HASH_BITS = 256;
const PREFIX = 'pbkdf2-sha256';

/** Password rules shown to people: at least 8 characters besides spaces, at most 128. */
export const PASSWORD_MIN = 8;
export const PASSWORD_MAX = 128;

/** Why a new password is refused, or null when it is acceptable (one rule for every form). */
export function passwordProblem(password: string): string | null {
	if (password.length > PASSWORD_MAX) return `At most ${PASSWORD_MAX} characters`;
	// Spaces do not count: eight spaces, or "a" and seven spaces, are no password.
	if (password.replace(/\s/gu, '').length < PASSWORD_MIN)
		return `At least ${PASSWORD_MIN} characters besides spaces`;
	return null;
}

async function derive(password: string, salt: Uint8Array, iterations: number): Promise<Uint8Array> {
	const key = await crypto.subtle.importKey(
		'raw',
		new TextEncoder().encode(password.normalize('NFC')),
		'PBKDF2',
		false,
		['deriveBits']
	);
	const bits = await crypto.subtle.deriveBits(
		{ name: 'PBKDF2', hash: 'SHA-256', salt: salt as BufferSource, iterations },
		key,
		HASH_BITS
	);
	return new Uint8Array(bits);
}

/** Hashes a password with a fresh random salt. */
export async function hashPassword(password: string): Promise<string> {
	const salt = crypto.getRandomValues(new Uint8Array(SALT_BYTES));
	const hash = await derive(password, salt, PBKDF2_ITERATIONS);
	return `${PREFIX}$${PBKDF2_ITERATIONS}$${toBase64Url(salt)}$${toBase64Url(hash)}`;
}

/** True when the password matches the stored hash; false for any malformed hash. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
	const [prefix, iter, salt, hash] = stored.split('$');
	const iterations = Number(iter);
	if (prefix !== PREFIX || !salt || !hash || !Number.isInteger(iterations)) return false;
	if (iterations < 1 || iterations > PBKDF2_ITERATIONS) return false;
	const actual = await derive(password, fromBase64Url(salt), iterations);
	return constantTimeEqual(actual, fromBase64Url(hash));
}

/**
 * A valid hash of a random password, for spending the same time on unknown logins as on
 * known ones (so timing does not reveal which accounts exist).
 */
export const DUMMY_HASH =
	'pbkdf2-sha256$100000$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA';
