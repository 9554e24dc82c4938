import type { LayoutLoad } from './$types';
import { loadLocale } from '$lib/i18n';

/** The page's language is loaded before anything renders in it (only Vietnamese is bundled). */
export const load: LayoutLoad = async ({ data }) => {
	await loadLocale(data.locale);
	return data;
};
