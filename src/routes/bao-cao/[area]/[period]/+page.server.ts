import type { PageServerLoad } from './$types';
import { error } from '@sveltejs/kit';
import { isAreaCode } from '$lib/domain/codes';
import { isReportPeriod } from '$lib/domain/report-content';
import { loadReport } from '$lib/server/reports/load';

/**
 * A report page (issue 16 §5): rendered on the server, printable on A4. The public sees the
 * latest approved version; the area's administrators every status and their actions.
 */
export const load: PageServerLoad = async ({ locals, params, setHeaders }) => {
	if (!isAreaCode(params.area) || !isReportPeriod(params.period)) error(404, 'Not found');
	setHeaders({ 'cache-control': 'private, no-store' });
	const loaded = await loadReport(locals.db, locals.actor, params.area, params.period);
	if (!loaded.found) error(404, 'Not found');
	return { view: loaded.view, generatedAt: Date.now() };
};
