/**
 * The reference-data files the importer reads, by role (docs/domain.md, "Reference data"; the
 * data folder's own README has the details).
 * The importer works on their text, so it runs the same from a node script (files on disk)
 * or, later, from the worker (files from an upload).
 */
export const REFERENCE_FILES = {
	provinces: 'vn2025_provinces.csv',
	provinceShapes: 'vn2025_provinces_web.geojson',
	communes: 'vn2025_communes.csv',
	population: 'vn2025_commune_population_sapnhap.csv',
	communeShapes: 'vn2025_communes_web.geojson',
	communeLabels: 'vn2025_commune_labels.geojson',
	oldProvinces: 'vn_pre2025_provinces.csv',
	oldDistricts: 'vn_pre2025_districts.csv',
	oldCommunes: 'vn_pre2025_communes.csv',
	crosswalk: 'vn_2025_old_to_new_commune_mapping.csv'
} as const;

export type ReferenceFileKey = keyof typeof REFERENCE_FILES;

/** The text of every reference file, by role. */
export type ReferenceTexts = Record<ReferenceFileKey, string>;
