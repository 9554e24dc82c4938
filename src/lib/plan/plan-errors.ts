/** The planning page's one translator of API errors into what a leader reads. */
import { ApiCallError, handleError } from '../components/admin/api-client.ts';
import type { MessageKey, Translate } from '../i18n/index.ts';

const KNOWN: Record<string, MessageKey> = {
	assignee_outside_commune: 'plan.error.assignee_outside_commune',
	assignee_other_team: 'plan.error.assignee_other_team',
	assignee_inactive: 'plan.error.assignee_inactive',
	route_cancelled: 'plan.error.route_cancelled'
};

/** A Vietnamese-first message for an error caught on the planning page. */
export function planErrorMessage(t: Translate, err: unknown): string {
	if (err instanceof ApiCallError) {
		if (err.code === 'already_planned')
			return t('plan.error.already_planned', {
				count: (err.details?.ids as string[] | undefined)?.length ?? 0
			});
		const key = KNOWN[err.code];
		if (key) return t(key);
	}
	// fetch rejects with a TypeError when the network is down: nothing reached the server.
	if (err instanceof TypeError) return t('error.offline');
	return t('plan.error.generic', { message: handleError(err) });
}
