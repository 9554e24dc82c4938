import type { PageServerLoad } from './$types';
import { error, redirect } from '@sveltejs/kit';
import type { Progress } from '$lib/server/api/routes/progress';

/** The query parameters the page passes on to GET /api/progress (and its CSV link). */
const PASSED = ['team', 'from', 'to'] as const;

/**
 * A leader's progress week by week, read through GET /api/progress (its scope checks). The
 * commune is the caller's own, or `?xa=` for province admins and admins. Bad dates come back
 * as the API's 400 and are shown beside the form, never as an error page.
 */
export const load: PageServerLoad = async ({ fetch, url, locals }) => {
	const user = locals.user!;
	const commune = url.searchParams.get('xa')?.trim() || user.communeCode;
	const asked = Object.fromEntries(PASSED.map((k) => [k, url.searchParams.get(k) ?? ''])) as Record<
		(typeof PASSED)[number],
		string
	>;
	if (!commune) return { progress: null, asked, commune: null, problem: null, query: '' };
	const params = new URLSearchParams({ commune });
	for (const k of PASSED) if (asked[k]) params.set(k, asked[k]);
	const res = await fetch(`/api/progress?${params}`);
	if (res.status === 401)
		redirect(303, `/dang-nhap?next=${encodeURIComponent(url.pathname + url.search)}`);
	if (res.status === 400) {
		const body = (await res.json()) as { message: string };
		return { progress: null, asked, commune, problem: body.message, query: '' };
	}
	if (!res.ok) {
		const body = (await res.json().catch(() => null)) as { message?: string } | null;
		error(res.status === 404 || res.status === 403 ? res.status : 500, body?.message ?? 'Error');
	}
	return {
		progress: (await res.json()) as Progress,
		asked,
		commune,
		problem: null,
		query: params.toString()
	};
};
