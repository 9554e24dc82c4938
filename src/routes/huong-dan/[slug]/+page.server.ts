import type { PageServerLoad } from './$types';
import { error } from '@sveltejs/kit';
import { listGuides, readGuide } from '$lib/server/guides/store';

/** One guide's current version (public). */
export const load: PageServerLoad = async ({ locals, params, platform, setHeaders }) => {
	const item = (await listGuides(locals.db)).guides.find((g) => g.slug === params.slug);
	const bucket = platform?.env.GUIDES;
	const guide = item && bucket ? await readGuide(bucket, item.manifest) : null;
	if (!item || !guide) error(404, 'Không có hướng dẫn này');
	setHeaders({ 'cache-control': 'public, max-age=60' });
	return { item, guide };
};
