import type { forecastVi } from './forecast.vi.ts';

/** English text of the burn-up chart and completion forecast (issue 17 §2); merged in ../en.ts. */
export const forecastEn: { [K in keyof typeof forecastVi]: string } = {
	'forecast.title': 'When will every household have been visited?',
	'forecast.titleOf': 'When will every household have been visited? — {name}',
	'forecast.dates': 'Expected done: 50 % by {p50}, 85 % by {p85}',
	'forecast.datesNo85': 'Expected done: 50 % by {p50}; not sure to be done within 3 years',
	'forecast.beyond':
		'At the current pace this cannot be done within 3 years: households are being added almost as fast as they are visited.',
	'forecast.basis':
		'{remaining} households not yet visited. Based on the last {weeks} weeks ({mean} households a week on average, {active} weeks with visits), {trials} simulations.',
	'forecast.growth': '{low}–{high} more households may be found before the end.',
	'forecast.done': 'All {scope} households have been visited.',
	'forecast.empty': 'No households listed yet.',
	'forecast.insufficient': 'Not enough data for a forecast yet.',
	'forecast.reason.few_active_weeks':
		'At least 5 weeks with visits in the last 12 are needed (so far {active}).',
	'forecast.reason.no_recent_progress':
		'No household was visited for the first time in the last 4 weeks.',
	'forecast.note':
		'50 %: half of the simulations finish by this date; 85 %: very likely. Households that asked not to be contacted and were never visited are not counted.',
	'forecast.chart.label':
		'Burn-up chart: households known and households visited at least once, by week, from {from} to {to}',
	'forecast.chart.scope': 'Households known',
	'forecast.chart.done': 'Households visited',
	'forecast.chart.p50': '50 %',
	'forecast.chart.p85': '85 %',
	'forecast.table': 'Weekly figures as a table',
	'forecast.table.week': 'Week (from Monday)',
	'forecast.table.hidden': 'hidden (small count)',
	'forecast.publicNote':
		'Counts from 1 to 10 are hidden to protect personal data. The forecast is computed from counts and holds nothing about any household.'
};
