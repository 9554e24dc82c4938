import type { PageServerLoad } from './$types';
import { apiGet } from '$lib/server/auth/page-api';

interface Entry {
	id: string;
	at: number;
	actorUserId: string | null;
	actorRole: string | null;
	kind: string;
	action: string;
	entity: string;
	communeCode: string | null;
	detail: Record<string, unknown> | null;
}

/** The audit log of an area (?commune= or ?province=; none for admins), via the API's checks. */
export const load: PageServerLoad = async ({ fetch, url }) => {
	const params = new URLSearchParams();
	for (const k of ['commune', 'province', 'before']) {
		const v = url.searchParams.get(k);
		if (v) params.set(k, v);
	}
	const { entries } = await apiGet<{ entries: Entry[] }>(fetch, `/api/audit?${params}`, url);
	return { entries, area: url.searchParams.get('commune') ?? url.searchParams.get('province') };
};
