/**
 * Official figures over time (issue 16 §2 and §1): an area's official metric month by month,
 * each month from the figures imported for it — a commune's own figure, a province's and the
 * country's sum over the communes that have one, with that basis — and suppressed within the
 * month's cross-section exactly as the map's month view (official-metrics.ts). A month without
 * an imported figure is "no data", never 0 (nor the figure of another month).
 */
import type { MetricDefinition } from './metric-definitions.ts';
import type { SeriesPoint } from './metric-month-payload.ts';
import type { AreaLevel } from './metrics.ts';
import {
	officialPublicMetrics,
	type OfficialFigure,
	type OfficialInput,
	type OfficialTotal
} from './official-metrics.ts';

export interface OfficialSeriesInput extends Pick<OfficialInput, 'communes' | 'provinces'> {
	/** The figures of the months (of at least the area's province's communes). */
	figures: readonly OfficialFigure[];
	/** Every province's sum per month. */
	totals: readonly (OfficialTotal & { month: string })[];
	/** The Vietnam month now: earlier months are over ("closed"). */
	currentMonth: string;
}

/** The area's official metric `def` per month of `months` (oldest first, as given). */
export function officialSeries(
	def: MetricDefinition,
	area: { level: AreaLevel; code: string },
	months: readonly string[],
	input: OfficialSeriesInput
): SeriesPoint[] {
	return months.map((month) => {
		const areas = officialPublicMetrics(def, {
			communes: input.communes,
			provinces: input.provinces,
			figures: input.figures.filter((f) => f.month === month),
			totals: input.totals.filter((t) => t.month === month),
			currentMonth: month
		});
		const own = areas.find((a) => a.level === area.level && a.code === area.code);
		const m = own?.metrics[0];
		const point: SeriesPoint = {
			month,
			status: m?.status ?? 'no_data',
			value: m?.status === 'value' ? m.value : null,
			closed: month < input.currentMonth
		};
		if (m?.basis) point.basis = m.basis;
		if (m?.status === 'value' && m.estimate) point.estimate = true;
		return point;
	});
}
