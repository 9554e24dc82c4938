import type { exportVi } from './export.vi.ts';

/** English text of the metric exports; keys mirror export.vi.ts. */
export const exportEn: Record<keyof typeof exportVi, string> = {
	'export.title': 'Download the figures',
	'export.hint': 'The metric in view, {area}, {period}; small counts are hidden.',
	'export.national': 'provinces and the country',
	'export.province': "the province's communes",
	'export.last12': 'the last 12 months',
	'export.month': 'month {month}',
	'export.change': 'the change from {since} to {month}',
	'export.csv': 'CSV',
	'export.xlsx': 'Excel (XLSX)',
	'export.geojson': 'Map (GeoJSON)',
	'api.error.outlines_unavailable':
		'The commune outlines for a map (GeoJSON) are not available. CSV and Excel still download.'
};
