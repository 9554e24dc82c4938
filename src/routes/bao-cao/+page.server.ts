import type { PageServerLoad } from './$types';
import { redirect } from '@sveltejs/kit';
import { isAreaCode } from '$lib/domain/codes';
import { isReportPeriod } from '$lib/domain/report-content';
import { addMonths, monthOf } from '$lib/domain/metric-months';
import { isAdminRole } from '$lib/domain/roles';
import { listReports } from '$lib/server/db/queries/reports';
import { versionMeta } from '$lib/server/reports/load';

/**
 * The reports the visitor may see (issue 16 §5): approved ones for the public, and every status
 * within an administrator's scope; `?area=05569&period=2026-11` opens that report.
 */
export const load: PageServerLoad = async ({ locals, url, setHeaders }) => {
	setHeaders({ 'cache-control': 'private, no-store' });
	const area = url.searchParams.get('area')?.trim() ?? '';
	const period = url.searchParams.get('period')?.trim() ?? '';
	if (isAreaCode(area) && isReportPeriod(period)) redirect(303, `/bao-cao/${area}/${period}`);
	const rows = await listReports(locals.db, locals.actor, { limit: 300 });
	const actor = locals.actor;
	const ownArea =
		actor?.role === 'commune_admin'
			? actor.communeCode
			: actor?.role === 'province_admin'
				? actor.provinceCode
				: null;
	return {
		reports: rows.map((r) => ({
			...versionMeta(r),
			level: r.level,
			code: r.code,
			period: r.period,
			name: r.name ?? r.code
		})),
		admin: isAdminRole(actor?.role),
		suggested: { area: area || ownArea || '', period: period || addMonths(monthOf(Date.now()), -1) }
	};
};
