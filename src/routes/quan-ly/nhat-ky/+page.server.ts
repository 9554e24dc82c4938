import type { PageServerLoad } from './$types';
import { apiGet } from '$lib/server/auth/page-api';
import type { AuditEntryView } from '$lib/server/api/routes/audit';

/** An entry of the log as the API lists it. */
export type AuditRow = AuditEntryView;

/** The query parameters the page passes on to GET /api/audit (area, filters, paging). */
const PASSED = ['commune', 'province', 'before', 'who', 'kind', 'action', 'from', 'to'] as const;

/** The audit log of an area, filtered, via the API's checks. */
export const load: PageServerLoad = async ({ fetch, url }) => {
	const params = new URLSearchParams();
	for (const k of PASSED) {
		const v = url.searchParams.get(k);
		if (v) params.set(k, v);
	}
	const { entries } = await apiGet<{ entries: AuditRow[] }>(fetch, `/api/audit?${params}`, url);
	const filters = Object.fromEntries(
		PASSED.filter((k) => k !== 'before').map((k) => [k, url.searchParams.get(k) ?? ''])
	) as Record<Exclude<(typeof PASSED)[number], 'before'>, string>;
	return { entries, filters };
};
