/** English text of official statistics (issue 16 §2): merged in ../en.ts. */
export const officialEn = {
	'map.legend.source': 'Official figures. Source: {sources}',
	'official.none': 'Official statistics: none for this area yet.',
	'map.group.official': 'Official figures',
	'map.legend.official': "Official figures, each commune's latest month",
	'nav.official': 'Official figures',
	'audit.action.official_stats.import': 'Imported official figures',
	'official.title': 'Official figures',
	'official.intro':
		'Import figures published by the authorities (for example VNeID accounts activated, VssID installs) per commune, month and service. Each line gives the new commune code (5 digits, since 1 July 2025) or a pre-2025 commune code, which is carried to the new communes through the crosswalk.',
	'official.rule':
		'An old commune wholly inside one new commune keeps its figure. An old commune split across new communes is apportioned by the population of the receiving communes and marked as an estimate; when a receiving commune has no usable population the line is refused as not comparable. Several old communes into one new commune are summed, and the file must hold all of them.',
	'official.scopeProvince': "You import figures for your province's communes.",
	'official.scopeAll': 'You may import figures for every province.',
	'official.template': 'Download the template (CSV, opens in Excel)',
	'official.file': 'CSV file',
	'official.check': 'Check the file',
	'official.commit': 'Import {count} figures',
	'official.checked':
		'The file is valid: {rows} lines for {records} figures ({inserted} new, {updated} updated, {estimates} estimates). Nothing written yet.',
	'official.imported':
		'Imported {records} figures: {inserted} new, {updated} updated, {estimates} estimates.',
	'official.refused':
		'The file has {count} errors; nothing was imported. Fix these lines and try again:',
	'official.error.line': 'Line',
	'official.error.field': 'Column',
	'official.error.message': 'Error',
	'official.failed': 'The file could not be sent. Try again later.',
	'official.list': 'Imported figures',
	'official.list.none': 'No figures yet.',
	'official.col.commune': 'Commune',
	'official.col.month': 'Month',
	'official.col.service': 'Service',
	'official.col.value': 'Figure',
	'official.col.source': 'Source',
	'official.col.from': 'From old communes',
	'official.estimate': 'estimate'
} as const;
