import type { LayoutServerLoad } from './$types';
import { readMeta } from '$lib/server/db/queries/meta';

export const load: LayoutServerLoad = async ({ locals }) => {
	const facts = locals.db ? await readMeta(locals.db) : {};
	return {
		locale: locals.locale,
		demo: Boolean(facts['demo_seed']),
		metricsComputedAt: facts['metrics_computed_at'] ?? null,
		// Only whether someone is logged in: public pages are cached, so no names here.
		signedIn: Boolean(locals.user)
	};
};
