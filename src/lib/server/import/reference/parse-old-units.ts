/**
 * Row schemas and parsers for the pre-2025 units (63 provinces, 696 districts, 10,035
 * communes) and the old→new commune crosswalk. Cross-file checks are in consistency.ts.
 */
import { z } from 'zod';
import { CROSSWALK_TYPES } from '../../db/schema/admin-units.ts';
import { parseCsv, indexUnique } from './csv.ts';
import { REFERENCE_FILES as F } from './files.ts';
import { communeCode, districtCode, flag, name, oneOf, provinceCode } from './fields.ts';
import type { Records } from './parse-units.ts';

const oldProvinceRow = z.object({
	code: provinceCode,
	name,
	fullName: name,
	newProvinceCode: provinceCode
});

const oldDistrictRow = z.object({ code: districtCode, name, fullName: name, provinceCode });

const oldCommuneRow = z.object({
	code: communeCode,
	name,
	fullName: name,
	unitType: name,
	districtCode,
	provinceCode
});

// Old codes are 5-digit communes, except the 5 island districts without communes, which the
// crosswalk maps as units under their 3-digit district code (data README §5).
const oldCode = z
	.string()
	.regex(/^(\d{5}|\d{3})$/, 'is not a 5-digit commune or 3-digit district code');

const crosswalkRow = z.object({
	old_province_code: provinceCode,
	old_code: oldCode,
	old_name: name,
	old_code_in_pre2025_list: flag,
	new_province_code: provinceCode,
	// Joins use new_code_in_2025_list, never new_code: the published new_code has one code
	// (Ia Mơ, 23737) that is not in the 2025 list (data README §5).
	new_code_in_2025_list: communeCode,
	type: oneOf(CROSSWALK_TYPES)
});

export type OldProvinceCsv = z.output<typeof oldProvinceRow>;
export type OldDistrictCsv = z.output<typeof oldDistrictRow>;
export type OldCommuneCsv = z.output<typeof oldCommuneRow>;
export type CrosswalkCsv = z.output<typeof crosswalkRow>;

/** vn_pre2025_provinces.csv → records by code. @throws ImportError on a bad or repeated row */
export function parseOldProvinces(text: string): Records<OldProvinceCsv> {
	const file = F.oldProvinces;
	return indexUnique(file, parseCsv(file, text, oldProvinceRow), 'code', (r) => r.code);
}

/** vn_pre2025_districts.csv → records by code. @throws ImportError on a bad or repeated row */
export function parseOldDistricts(text: string): Records<OldDistrictCsv> {
	const file = F.oldDistricts;
	return indexUnique(file, parseCsv(file, text, oldDistrictRow), 'code', (r) => r.code);
}

/** vn_pre2025_communes.csv → records by code. @throws ImportError on a bad or repeated row */
export function parseOldCommunes(text: string): Records<OldCommuneCsv> {
	const file = F.oldCommunes;
	return indexUnique(file, parseCsv(file, text, oldCommuneRow), 'code', (r) => r.code);
}

/**
 * vn_2025_old_to_new_commune_mapping.csv → records keyed "old>new".
 * @throws ImportError on a bad row or a repeated (old_code, new_code_in_2025_list) pair
 */
export function parseCrosswalk(text: string): Records<CrosswalkCsv> {
	const file = F.crosswalk;
	return indexUnique(
		file,
		parseCsv(file, text, crosswalkRow),
		'new_code_in_2025_list',
		(r) => `${r.old_code}>${r.new_code_in_2025_list}`
	);
}
