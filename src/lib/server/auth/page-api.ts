/**
 * Page loads read through the JSON API (SvelteKit's fetch calls it in-process with the
 * caller's cookie), so pages get exactly the scope checks the API makes — never their own.
 */
import { error, redirect } from '@sveltejs/kit';

type Fetch = typeof fetch;

/** GETs an API path; 401 → login page, 403 / 404 → that error page. */
export async function apiGet<T>(fetch: Fetch, path: string, here: URL): Promise<T> {
	const res = await fetch(path);
	if (res.status === 401)
		redirect(303, `/dang-nhap?next=${encodeURIComponent(here.pathname + here.search)}`);
	if (!res.ok) {
		const body = (await res.json().catch(() => null)) as { message?: string } | null;
		error(res.status === 404 || res.status === 403 ? res.status : 500, body?.message ?? 'Error');
	}
	return (await res.json()) as T;
}
