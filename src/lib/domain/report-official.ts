/**
 * Official figures in a report (issue 16 §2 and §5): the period's official metrics of the area
 * (and a province's communes) beside the visit-based figures, labelled "Số liệu chính thức"
 * with their source and months, estimates marked. Each commune's figure is its latest month
 * within the period (one month: that month's), suppressed within the cross-section as the map's
 * (official-metrics.ts). They become part of the content, so a submitted (and approved) report
 * keeps the figures it was submitted with, whatever is imported later.
 */
import { toFigures, type ReportContent, type ReportFigure } from './report-content.ts';
import type { PublicAreaMetrics } from './metrics.ts';
import type { OfficialMetricValue } from './official-metrics.ts';

/** An official figure with its source and months (from an OfficialMetricValue). */
function officialFigures(
	area: PublicAreaMetrics,
	sourcesOf: (key: string) => string | null
): ReportFigure[] {
	const figures = toFigures(area);
	return figures.map((f, i) => {
		const m = area.metrics[i] as OfficialMetricValue;
		const official = m.official ?? { months: null, source: null };
		// A province's sum names the sources of its communes' figures.
		return { ...f, official: { ...official, source: official.source ?? sourcesOf(f.key) } };
	});
}

/** The distinct sources of the shown commune figures of `key` ("A; B"), or null. */
function communeSources(official: readonly PublicAreaMetrics[], key: string): string | null {
	const sources = new Set<string>();
	for (const a of official) {
		if (a.level !== 'commune') continue;
		const m = a.metrics.find((x) => x.key === key) as OfficialMetricValue | undefined;
		if (m?.status === 'value' && m.official?.source) sources.add(m.official.source);
	}
	return sources.size ? [...sources].sort().join('; ') : null;
}

/**
 * The content with the official figures of `official` (the official metrics of the country,
 * every province and the area's province's communes, of the period) appended to the area's and
 * its communes' figures, and their keys in `officialKeys`.
 */
export function withOfficialFigures(
	content: ReportContent,
	official: readonly PublicAreaMetrics[],
	keys: readonly string[]
): ReportContent {
	const of = (level: string, code: string) =>
		official.find((a) => a.level === level && a.code === code);
	const add = <A extends { level: string; code: string; figures: ReportFigure[] }>(a: A): A => {
		const own = of(a.level, a.code);
		if (!own) return a;
		const sources = (key: string) =>
			a.level === 'province' ? communeSources(official, key) : null;
		return { ...a, figures: [...a.figures, ...officialFigures(own, sources)] };
	};
	return {
		...content,
		officialKeys: [...keys],
		area: add(content.area),
		communes: content.communes.map(add)
	};
}

/** A report's official figures (after the visit-based ones) and the others. */
export function splitOfficial(figures: readonly ReportFigure[]): {
	visits: ReportFigure[];
	official: ReportFigure[];
} {
	return {
		visits: figures.filter((f) => !f.official),
		official: figures.filter((f) => !!f.official)
	};
}
