/**
 * The map's state in the URL, so a link reproduces what one sees: the metric, the view (the
 * whole country or one province) and the selected commune. Pure; unknown values fall back.
 *   /?metric=adoption_vneid&province=19&commune=05569
 */
import { metricDefinition } from '../domain/metric-definitions.ts';
import { isCommuneCode, isProvinceCode } from '../domain/codes.ts';

export interface MapUrlState {
	metric: string;
	/** Province view (2-digit code), or null for the national view. */
	province: string | null;
	/** Selected commune (5-digit code), or null. */
	commune: string | null;
}

/** The metric a first visit shows: active teams, the coverage everyone has a figure for. */
export const DEFAULT_METRIC = 'teams';

/** Reads the state from a URL's query; invalid parts fall back to their defaults. */
export function parseMapUrl(params: URLSearchParams): MapUrlState {
	const metric = params.get('metric') ?? '';
	const province = params.get('province') ?? '';
	const commune = params.get('commune') ?? '';
	return {
		metric: metricDefinition(metric) ? metric : DEFAULT_METRIC,
		province: isProvinceCode(province) ? province : null,
		commune: isCommuneCode(commune) ? commune : null
	};
}

/** The query string for a state ('' for the defaults), defaults left out to keep links short. */
export function mapUrlSearch(state: MapUrlState): string {
	const params = new URLSearchParams();
	if (state.metric !== DEFAULT_METRIC) params.set('metric', state.metric);
	if (state.province) params.set('province', state.province);
	if (state.commune) params.set('commune', state.commune);
	const s = params.toString();
	return s ? `?${s}` : '';
}
