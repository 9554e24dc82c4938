import type { Messages } from './vi.ts';

/** English UI text. */
export const en: Messages = {
	'app.name': 'Từng Ngõ',
	'app.tagline': 'Every alley, every house — the map of community digital-technology teams',
	'nav.map': 'Map',
	'nav.provinces': 'Provinces',
	'nav.about': 'About',
	'nav.skip': 'Skip to main content',
	'lang.switch': 'Tiếng Việt',
	'lang.label': 'Language',
	'demo.badge': 'Demo data',
	'demo.explain':
		'Teams, members, households and visits on this page are synthetic demo data, for demonstration.',
	'home.title': 'Coverage map of community digital-technology teams',
	'home.provinces': '{count} provinces and cities · {communes} communes, wards and special zones',
	'province.communes': 'Communes, wards and special zones',
	'province.code': 'Province code',
	'commune.code': 'Commune code',
	'commune.province': 'Province',
	'commune.area': 'Area',
	'commune.population': 'Population (estimate)',
	'commune.population.unusable': 'No usable population figure yet',
	'unit.km2': 'km²',
	'offline.notice': 'Offline — data from {time}',
	'offline.noticeUnknown': 'Offline — showing saved data',
	'update.available': 'A new version is available.',
	'update.reload': 'Reload',
	'error.title': 'Something went wrong',
	'error.notFound': 'This page was not found.',
	'error.back': 'Back to the map',
	'footer.attribution':
		'Administrative boundaries: Bản đồ ĐVHC sau sắp xếp (sapnhap.bando.com.vn, NXB TN-MT & Bản đồ Việt Nam), via the vietnamese-provinces-database project (MIT)',
	'footer.population': 'Population: unofficial figures from the merger portal, used as estimates.'
};
