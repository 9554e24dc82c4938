/**
 * Row schemas and parsers for the 2025 code list: provinces, communes and the (unofficial)
 * commune population file. Each parser validates one file on its own; cross-file checks are
 * in consistency.ts.
 */
import { z } from 'zod';
import { parseCsv, indexUnique, type CsvRecord } from './csv.ts';
import { ImportError } from './errors.ts';
import { REFERENCE_FILES as F } from './files.ts';
import {
	communeCode,
	count,
	flag,
	flagList,
	name,
	oneOf,
	optionalCount,
	optionalDecimal,
	provinceCode,
	provinceCodeList
} from './fields.ts';

// The two halves of UNIT_TYPES in schema/admin-units.ts: provinces are cities or provinces,
// communes are wards, communes or special zones.
const PROVINCE_TYPES = ['Thành phố', 'Tỉnh'] as const;
const COMMUNE_TYPES = ['Phường', 'Xã', 'Đặc khu'] as const;

const provinceRow = z.object({
	code: provinceCode,
	name,
	fullName: name,
	nameEn: name,
	fullNameEn: name,
	unitType: oneOf(PROVINCE_TYPES),
	unitTypeEn: name,
	communeCount: count,
	areaKm2: optionalDecimal,
	geomAreaKm2: optionalDecimal,
	populationSapnhap: optionalCount,
	mergedFromOldProvinceCodes: provinceCodeList
});

const communeRow = z.object({
	code: communeCode,
	name,
	fullName: name,
	nameEn: name,
	fullNameEn: name,
	codeName: name,
	unitType: oneOf(COMMUNE_TYPES),
	unitTypeEn: name,
	provinceCode,
	areaKm2: optionalDecimal,
	geomAreaKm2: optionalDecimal,
	oldProvinceCode: z.union([z.literal(''), provinceCode]).transform((s) => s || null)
});

const populationRow = z.object({
	code: communeCode,
	provinceCode,
	population: optionalCount,
	populationUsable: flag,
	qualityFlags: flagList
});

export type ProvinceCsv = z.output<typeof provinceRow>;
export type CommuneCsv = z.output<typeof communeRow>;
export type PopulationCsv = z.output<typeof populationRow>;

/** Keyed, line-numbered records of one file. */
export type Records<T> = Map<string, CsvRecord<T>>;

/** vn2025_provinces.csv → records by code. @throws ImportError on a bad or repeated row */
export function parseProvinces(text: string): Records<ProvinceCsv> {
	return indexUnique(F.provinces, parseCsv(F.provinces, text, provinceRow), 'code', (r) => r.code);
}

/** vn2025_communes.csv → records by code. @throws ImportError on a bad or repeated row */
export function parseCommunes(text: string): Records<CommuneCsv> {
	return indexUnique(F.communes, parseCsv(F.communes, text, communeRow), 'code', (r) => r.code);
}

/**
 * vn2025_commune_population_sapnhap.csv → records by commune code.
 * @throws ImportError on a bad or repeated row, or a row marked usable without a population
 */
export function parsePopulation(text: string): Records<PopulationCsv> {
	const file = F.population;
	const records = indexUnique(file, parseCsv(file, text, populationRow), 'code', (r) => r.code);
	for (const { line, value } of records.values()) {
		if (value.populationUsable && value.population === null) {
			throw new ImportError('"1" but the row has no population', {
				file,
				line,
				field: 'populationUsable'
			});
		}
	}
	return records;
}
