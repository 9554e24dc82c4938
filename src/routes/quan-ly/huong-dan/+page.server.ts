import type { PageServerLoad } from './$types';
import { error } from '@sveltejs/kit';
import { apiGet } from '$lib/server/auth/page-api';
import type { GuideList } from '$lib/domain/guides/limits';

/** A version as GET /api/guides/:slug/versions lists it. */
export interface GuideVersionRow {
	version: number;
	title: string;
	manifest: string;
	bytes: number;
	steps: number;
	createdAt: number;
	author: string | null;
}

/** The guide library's admin page (admins): the current guides and each one's history. */
export const load: PageServerLoad = async ({ fetch, url, parent }) => {
	const { user } = await parent();
	if (user.role !== 'admin') error(403, 'Chỉ quản trị viên đăng được hướng dẫn');
	const library = await apiGet<GuideList>(fetch, '/api/guides', url);
	const histories = await Promise.all(
		library.guides.map((g) =>
			apiGet<{ versions: GuideVersionRow[] }>(fetch, `/api/guides/${g.slug}/versions`, url)
		)
	);
	return {
		library,
		history: Object.fromEntries(library.guides.map((g, i) => [g.slug, histories[i]!.versions]))
	};
};
