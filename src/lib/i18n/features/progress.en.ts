import type { progressVi } from './progress.vi.ts';

/** English text of the leaders' progress page (issue 16 §6); merged in ../en.ts. */
export const progressEn: { [K in keyof typeof progressVi]: string } = {
	'progress.link': 'Weekly progress',
	'progress.title': 'Weekly progress',
	'progress.intro':
		'Visits, households visited and reached, and people helped, per team and member. Weeks run Monday to Sunday, Vietnam time.',
	'progress.period': '{from} to {to} · {weeks} weeks',
	'progress.form.legend': 'Choose the period',
	'progress.form.from': 'From',
	'progress.form.to': 'To',
	'progress.form.team': 'Team',
	'progress.form.allTeams': 'All teams',
	'progress.form.show': 'Show',
	'progress.form.commune': 'Commune code',
	'progress.form.needCommune': "Enter a commune code (5 digits) to see its teams' progress.",
	'progress.csv': 'Download the table (CSV, opens in Excel)',
	'progress.chart.title': 'Week by week',
	'progress.chart.label': 'Chart of visits and households reached per week, {from} to {to}',
	'progress.chart.visits': 'Visits',
	'progress.chart.reached': 'Households reached',
	'progress.chart.axis': 'Week',
	'progress.week': 'Week {week}',
	'progress.weekRange': '{from} – {to}',
	'progress.col.week': 'Week',
	'progress.col.member': 'Member',
	'progress.col.visits': 'Visits',
	'progress.col.households': 'Households visited',
	'progress.col.reached': 'Households reached',
	'progress.col.helped': 'People helped',
	'progress.team.title': '{team}: the whole period',
	'progress.team.weeks': 'Visits week by week',
	'progress.team.total': 'Whole team',
	'progress.total': 'All teams',
	'progress.noTeam': 'No team (visits with no route and no member)',
	'progress.noMember': 'No member recorded',
	'progress.unnamed': 'Member who left the team',
	'progress.helpedBy': 'People helped per service',
	'progress.note':
		"Each household counts once per cell: a team's households can be fewer than the sum of its members' when two of them visited the same house.",
	'progress.empty': 'No visits in this period.'
};
