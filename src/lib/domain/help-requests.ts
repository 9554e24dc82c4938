/**
 * Help requests from the public ("Gia đình tôi cần được hỗ trợ", issue 17 §1): the contract
 * written once — statuses, times of day, closing reasons, the public code, the request body —
 * for the form action, the JSON API, the Open311 surface and the tables (docs/help-requests.md).
 *
 * What is collected, and why (Law 91/2025, "only what the work needs"): the commune and hamlet
 * (which team goes), the services (what to bring), a phone (to agree a time: the one way to reach
 * a household that has no account), the time of day, an optional address (to find the house; in
 * a hamlet without house numbers it may stay empty) and the consent to be contacted. No name:
 * the team asks at the door, and a name would add a personal field nobody needs to plan.
 */
import { z } from 'zod';
import { communeCodeInput, idInput, optionalText, phoneText, serviceCodeInput } from './fields.ts';

/** A request's life: received → scheduled (planned into a route) → visited, or closed. */
export const HELP_REQUEST_STATUSES = ['received', 'scheduled', 'visited', 'closed'] as const;
export type HelpRequestStatus = (typeof HELP_REQUEST_STATUSES)[number];

/** When the household would rather be visited. */
export const TIMES_OF_DAY = ['morning', 'afternoon', 'evening', 'any'] as const;
export type TimeOfDay = (typeof TIMES_OF_DAY)[number];

/** Why a request was closed without a visit (a leader's choice, shown to the requester). */
export const CLOSE_REASONS = [
	'unreachable',
	'helped_elsewhere',
	'no_longer_needed',
	'outside_area',
	'other'
] as const;
export type CloseReason = (typeof CLOSE_REASONS)[number];

/** Same phone and hamlet within this long: folded into the open request (its code is given). */
export const DUPLICATE_WINDOW_MS = 30 * 24 * 3600_000;
/** A request still "received" this long after it came shows on the leader's home. */
export const UNPLANNED_AFTER_MS = 7 * 24 * 3600_000;
/**
 * Days after a request is closed (or visited) when its phone is erased by housekeeping: long
 * enough for a call back about the visit, short enough that no list of numbers accumulates.
 */
export const PHONE_RETENTION_DAYS = 90;
/** Submissions from one address (a commune office shares one) per 15-minute window. */
export const IP_REQUEST_LIMIT = 10;
/** Submissions naming one phone per 15-minute window (duplicates included). */
export const PHONE_REQUEST_LIMIT = 3;

/** Unambiguous characters for the code: no 0/O, 1/I/L, 2/Z, 5/S, 8/B, U/V. */
export const CODE_ALPHABET = 'ACDEFGHJKMNPQRTWXY34679';
const CODE_LENGTH = 6;

/**
 * A request's public code: its province (the shard that holds it, docs/sharding.md), a hyphen
 * and six unambiguous characters, e.g. "19-K7M4QX".
 * @param random at least six random bytes.
 */
export function makeRequestCode(provinceCode: string, random: Uint8Array): string {
	let tail = '';
	for (let i = 0; i < CODE_LENGTH; i++) tail += CODE_ALPHABET[random[i]! % CODE_ALPHABET.length];
	return `${provinceCode}-${tail}`;
}

/**
 * A code as a person types it (spaces, lower case, without the hyphen) in its
 * canonical form with its province, or null when it cannot be one.
 */
export function parseRequestCode(raw: string): { code: string; provinceCode: string } | null {
	const s = raw.toUpperCase().replace(/[\s\-\u2010\u2011–.]/g, '');
	const m = /^(\d{2})([A-Z0-9]{6})$/.exec(s);
	if (!m) return null;
	const tail = m[2]!;
	if ([...tail].some((ch) => !CODE_ALPHABET.includes(ch))) return null;
	return { code: `${m[1]}-${tail}`, provinceCode: m[1]! };
}

/** Open311's two states: a request is open until it was visited or closed. */
export function open311Status(s: HelpRequestStatus): 'open' | 'closed' {
	return s === 'visited' || s === 'closed' ? 'closed' : 'open';
}

/** The body of a new request (the form, the JSON API and Open311 all map onto it). */
export const helpRequestInput = z.object({
	communeCode: communeCodeInput,
	/** The hamlet, or null for "không rõ" (the commune's leaders place it). */
	hamletId: idInput.nullish().transform((v) => v ?? null),
	services: z
		.array(serviceCodeInput)
		.min(1, 'Choose at least one service')
		.max(12)
		.transform((a) => [...new Set(a)]),
	phone: phoneText,
	timeOfDay: z.enum(TIMES_OF_DAY).default('any'),
	/** House number, alley, landmark: optional (a hamlet may have no house numbers). */
	address: optionalText(200),
	consent: z.literal(true, 'Consent to be contacted is required'),
	/** Cloudflare Turnstile's token, when the site has a key (docs/help-requests.md). */
	turnstileToken: z.string().max(2048).nullish()
});
export type HelpRequestInput = z.input<typeof helpRequestInput>;
export type HelpRequestBody = z.output<typeof helpRequestInput>;

/** A leader closing a request without a visit. */
export const helpRequestClose = z.object({ reason: z.enum(CLOSE_REASONS) });

/** What anyone holding the code may see: never a phone, a name, an address or a point. */
export interface PublicHelpRequest {
	code: string;
	status: HelpRequestStatus;
	closeReason: CloseReason | null;
	services: string[];
	timeOfDay: TimeOfDay;
	createdAt: number;
	updatedAt: number;
}
