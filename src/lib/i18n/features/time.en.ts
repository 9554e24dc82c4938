import type { timeVi } from './time.vi.ts';

/** English text for months, trends and "change since"; merged in ../en.ts. */
export const timeEn: Record<keyof typeof timeVi, string> = {
	'trend.caption': '{label} by month',
	'trend.legend':
		'Each bar or point is one month; the month in progress is lighter. “•” marks a month hidden because its count is too small, “–” a month with no data yet.',
	'trend.nothingShown': 'No month has enough data to show yet.',
	'trend.table': 'Show the figures as a table',
	'trend.month': 'Month',
	'trend.open': 'in progress',
	'trend.estimate': 'estimate',
	'month.label': 'Month',
	'month.last12': 'Last 12 months',
	'month.since': 'Compared with',
	'month.sinceNone': 'No comparison',
	'month.change': 'Change from {from} to {to}'
};
