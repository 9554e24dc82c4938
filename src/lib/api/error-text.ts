/**
 * The browser's one error policy: any error caught around an API call becomes one sentence in
 * the page's language, chosen by the error's code (then its status), never the server's own
 * English message. A call the page cancelled says nothing (null).
 */
import type { MessageKey, Translate } from '../i18n/index.ts';
import { vi } from '../i18n/vi.ts';
import { ApiCallError, isAborted } from './client.ts';

/** The sentence a code has of its own in the catalogue, `api.error.<code>`, if any. */
function ownKey(code: string): MessageKey | null {
	const key = `api.error.${code}`;
	return key in vi ? (key as MessageKey) : null;
}

/** Codes whose sentence belongs to a feature's catalogue. */
const FEATURE: Record<string, MessageKey> = {
	assignee_outside_commune: 'plan.error.assignee_outside_commune',
	assignee_other_team: 'plan.error.assignee_other_team',
	assignee_inactive: 'plan.error.assignee_inactive',
	route_done: 'plan.error.route_done',
	route_cancelled: 'plan.error.route_cancelled'
};

/** The label of a field the server named (`visits.0.note` → "Ghi chú"); else its own name. */
function fieldLabel(t: Translate, path: unknown): string {
	const parts = String(path ?? '').split('.');
	const last = [...parts].reverse().find((p) => !/^\d+$/.test(p)) ?? '';
	const key = `api.field.${last}`;
	return key in vi ? t(key as MessageKey) : last;
}

function fieldSentence(t: Translate, err: ApiCallError): string {
	const field = err.details?.field;
	if (typeof field === 'string' && /password/i.test(field)) return t('api.error.password');
	if (typeof field !== 'string' || !field) return t('api.error.invalid');
	return t('api.error.invalid_field', { field: fieldLabel(t, field) });
}

function byStatus(t: Translate, status: number): string {
	if (status === 401) return t('api.error.unauthenticated');
	if (status === 403) return t('api.error.forbidden');
	if (status === 404 || status === 410) return t('api.error.not_found');
	if (status === 409) return t('api.error.conflict');
	if (status === 413) return t('api.error.too_large');
	if (status === 429) return t('api.error.too_many_attempts.now');
	if (status >= 500) return t('api.error.server');
	if (status >= 400) return t('api.error.invalid');
	return t('api.error.generic');
}

/** The sentence for an error caught around an API call, or null for a cancelled call. */
export function apiErrorText(t: Translate, err: unknown): string | null {
	if (isAborted(err)) return null;
	if (!(err instanceof ApiCallError)) {
		// fetch rejects with a TypeError when nothing reached the server.
		return err instanceof TypeError ? t('api.error.network') : t('api.error.generic');
	}
	const { code } = err;
	if (err.kind === 'network') return t('api.error.network');
	if (code === 'already_planned') {
		const ids = err.details?.ids;
		return t('plan.error.already_planned', { count: Array.isArray(ids) ? ids.length : 0 });
	}
	if (code === 'too_many_attempts') {
		return err.retryAfter
			? t('api.error.too_many_attempts', { minutes: Math.ceil(err.retryAfter / 60) })
			: t('api.error.too_many_attempts.now');
	}
	if (code.startsWith('invalid_')) return fieldSentence(t, err);
	if (code.endsWith('_not_found')) return t('api.error.not_found');
	const feature = FEATURE[code];
	if (feature) return t(feature);
	const own = ownKey(code);
	if (own) return t(own);
	return byStatus(t, err.status);
}

/** The codes this policy words by name (a test checks every code the server throws is here). */
export const WORDED_CODES: readonly string[] = [
	...Object.keys(vi).flatMap((k) => (k.startsWith('api.error.') ? [k.slice(10)] : [])),
	...Object.keys(FEATURE),
	'already_planned'
];
