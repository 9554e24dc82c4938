/**
 * Page loads read through the JSON API (SvelteKit's fetch calls it in-process with the
 * caller's cookie), so pages get exactly the scope checks the API makes — never their own.
 */
import { error, redirect } from '@sveltejs/kit';
import { PROVINCE_HEADER } from '../api/middleware/shard.ts';

type Fetch = typeof fetch;

/**
 * GETs an API path; 401 → login page, 403 / 404 → that error page. A page about a record known
 * by its id (a route) names its province in `?tinh=`, which goes on as the province header: a
 * national admin's request must say which province shard holds the record (docs/sharding.md).
 */
export async function apiGet<T>(fetch: Fetch, path: string, here: URL): Promise<T> {
	const province = here.searchParams.get('tinh');
	const res = await fetch(
		path,
		province && /^\d{2}$/.test(province) ? { headers: { [PROVINCE_HEADER]: province } } : undefined
	);
	if (res.status === 401)
		redirect(303, `/dang-nhap?next=${encodeURIComponent(here.pathname + here.search)}`);
	if (!res.ok) {
		const body = (await res.json().catch(() => null)) as { message?: string } | null;
		error(res.status === 404 || res.status === 403 ? res.status : 500, body?.message ?? 'Error');
	}
	return (await res.json()) as T;
}
