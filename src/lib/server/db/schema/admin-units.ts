/**
 * Administrative units: the 34 provinces and 3,321 communes in force since 2025-07-01,
 * plus the pre-2025 units and the old→new crosswalk for historical figures.
 * Reference data, loaded by `scripts/import-reference.ts`; joins are always on codes.
 */
import { sqliteTable, text, integer, real, index, primaryKey } from 'drizzle-orm/sqlite-core';

export const UNIT_TYPES = ['Thành phố', 'Tỉnh', 'Phường', 'Xã', 'Đặc khu'] as const;

export const provinces = sqliteTable('provinces', {
	code: text('code').primaryKey(), // official 2-digit code, e.g. "19"
	name: text('name').notNull(),
	fullName: text('full_name').notNull(),
	nameEn: text('name_en').notNull(),
	fullNameEn: text('full_name_en').notNull(),
	unitType: text('unit_type').notNull(),
	unitTypeEn: text('unit_type_en').notNull(),
	communeCount: integer('commune_count').notNull(),
	areaKm2: real('area_km2'),
	geomAreaKm2: real('geom_area_km2'),
	/** "quy mô dân số" from the merger proposals: not census data, never a rate denominator. */
	populationSapnhap: integer('population_sapnhap'),
	mergedFromOldCodes: text('merged_from_old_codes').notNull(),
	/** Search key: NFC, lower case, diacritics stripped (see domain/text.ts). */
	searchKey: text('search_key').notNull(),
	west: real('west'),
	south: real('south'),
	east: real('east'),
	north: real('north')
});

export const communes = sqliteTable(
	'communes',
	{
		code: text('code').primaryKey(), // official 5-digit code, e.g. "05923"
		provinceCode: text('province_code')
			.notNull()
			.references(() => provinces.code),
		name: text('name').notNull(),
		fullName: text('full_name').notNull(),
		nameEn: text('name_en').notNull(),
		fullNameEn: text('full_name_en').notNull(),
		codeName: text('code_name').notNull(),
		unitType: text('unit_type').notNull(),
		unitTypeEn: text('unit_type_en').notNull(),
		areaKm2: real('area_km2'),
		geomAreaKm2: real('geom_area_km2'),
		oldProvinceCode: text('old_province_code'),
		/** Unofficial population (sáp nhập portal); only usable where populationUsable = 1. */
		population: integer('population'),
		populationUsable: integer('population_usable', { mode: 'boolean' }).notNull(),
		populationFlags: text('population_flags').notNull(),
		searchKey: text('search_key').notNull(),
		labelLon: real('label_lon'),
		labelLat: real('label_lat'),
		west: real('west'),
		south: real('south'),
		east: real('east'),
		north: real('north')
	},
	(t) => [
		// GET /api/communes?province=19 and the per-province metric roll-up.
		index('communes_province_idx').on(t.provinceCode),
		// name search (prefix / substring on the diacritics-free key).
		index('communes_search_idx').on(t.searchKey)
	]
);

export const oldProvinces = sqliteTable('old_provinces', {
	code: text('code').primaryKey(),
	name: text('name').notNull(),
	fullName: text('full_name').notNull(),
	newProvinceCode: text('new_province_code').notNull()
});

export const oldDistricts = sqliteTable(
	'old_districts',
	{
		code: text('code').primaryKey(),
		name: text('name').notNull(),
		fullName: text('full_name').notNull(),
		provinceCode: text('province_code').notNull()
	},
	// listing an old province's districts for historical imports.
	(t) => [index('old_districts_province_idx').on(t.provinceCode)]
);

export const oldCommunes = sqliteTable(
	'old_communes',
	{
		code: text('code').primaryKey(),
		name: text('name').notNull(),
		fullName: text('full_name').notNull(),
		unitType: text('unit_type').notNull(),
		districtCode: text('district_code').notNull(),
		provinceCode: text('province_code').notNull()
	},
	// resolving an old (district, name) pair when a historical sheet has no codes.
	(t) => [index('old_communes_district_idx').on(t.districtCode)]
);

export const CROSSWALK_TYPES = ['full', 'partial'] as const;

/** Old commune → new commune links (10,604 rows); `partial` needs a split rule. */
export const communeCrosswalk = sqliteTable(
	'commune_crosswalk',
	{
		oldCode: text('old_code').notNull(),
		newCode: text('new_code')
			.notNull()
			.references(() => communes.code),
		type: text('type', { enum: CROSSWALK_TYPES }).notNull(),
		oldName: text('old_name').notNull(),
		oldProvinceCode: text('old_province_code').notNull(),
		/** 0 for the 17 old codes that are not in the pre-2025 list (island districts, stale entries). */
		oldInList: integer('old_in_list', { mode: 'boolean' }).notNull()
	},
	(t) => [
		primaryKey({ columns: [t.oldCode, t.newCode] }),
		// converting a new commune's history back to its old units.
		index('crosswalk_new_idx').on(t.newCode)
	]
);
