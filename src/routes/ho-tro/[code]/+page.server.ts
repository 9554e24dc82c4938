import type { PageServerLoad } from './$types';
import { error, redirect } from '@sveltejs/kit';
import { parseRequestCode } from '$lib/domain/help-requests';
import { requestByCode } from '$lib/server/help-requests/read';

/**
 * A help request's status page, for whoever holds its code: its steps, services and dates —
 * never a phone, a name, an address or a place (issue 17 §1).
 */
export const load: PageServerLoad = async ({ locals, params, url, setHeaders }) => {
	const parsed = parseRequestCode(params.code);
	if (!parsed) error(404, 'Not found');
	if (parsed.code !== params.code) redirect(301, `/ho-tro/${parsed.code}${url.search}`);
	const request = await requestByCode(locals.shards, parsed.code);
	if (!request) error(404, 'Not found');
	const services = await locals.db.$client
		.prepare('SELECT code, name_vi, name_en FROM services')
		.all<{ code: string; name_vi: string; name_en: string }>();
	const names = new Map(services.results.map((s) => [s.code, { vi: s.name_vi, en: s.name_en }]));
	setHeaders({ 'cache-control': 'private, no-store' });
	return {
		request,
		serviceNames: request.services.map((c) => names.get(c) ?? { vi: c, en: c }),
		notice: url.searchParams.has('moi') ? 'new' : url.searchParams.has('trung') ? 'folded' : null
	};
};
