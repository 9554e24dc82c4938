/**
 * Turns the text of the reference files into the exact rows the database should hold,
 * validating everything first. Pure: no database, no file system.
 */
import type {
	communeCrosswalk,
	communes,
	oldCommunes,
	oldDistricts,
	oldProvinces,
	provinceSettings,
	provinces,
	services
} from '../../db/schema/index.ts';
import { DEFAULT_SERVICES, KNOWN_CITIZEN_APPS } from '../../../domain/services.ts';
import { cleanText, searchKey } from '../../../domain/text.ts';
import { checkConsistency, type ParsedCsv } from './consistency.ts';
import { REFERENCE_FILES as F, type ReferenceTexts } from './files.ts';
import { joinFeatures, parseLabelPoints, parseShapeBoxes, type BBox } from './parse-geo.ts';
import {
	parseCrosswalk,
	parseOldCommunes,
	parseOldDistricts,
	parseOldProvinces
} from './parse-old-units.ts';
import { parseCommunes, parsePopulation, parseProvinces } from './parse-units.ts';

export type ProvinceRow = typeof provinces.$inferSelect;
export type CommuneRow = typeof communes.$inferSelect;
export type OldProvinceRow = typeof oldProvinces.$inferSelect;
export type OldDistrictRow = typeof oldDistricts.$inferSelect;
export type OldCommuneRow = typeof oldCommunes.$inferSelect;
export type CrosswalkRow = typeof communeCrosswalk.$inferSelect;
export type ServiceRow = typeof services.$inferSelect;
export type ProvinceSettingsRow = typeof provinceSettings.$inferSelect;

/** Every row the import wants in the database, each table sorted by key. */
export interface ReferenceDataset {
	provinces: ProvinceRow[];
	communes: CommuneRow[];
	oldProvinces: OldProvinceRow[];
	oldDistricts: OldDistrictRow[];
	oldCommunes: OldCommuneRow[];
	crosswalk: CrosswalkRow[];
	/** The default catalogue; inserted only where missing (admins edit it). */
	services: ServiceRow[];
	/** Known citizen apps of the provinces in the data; inserted only where missing. */
	provinceSettings: ProvinceSettingsRow[];
}

function parseAllCsv(t: ReferenceTexts): ParsedCsv {
	return {
		provinces: parseProvinces(t.provinces),
		communes: parseCommunes(t.communes),
		population: parsePopulation(t.population),
		oldProvinces: parseOldProvinces(t.oldProvinces),
		oldDistricts: parseOldDistricts(t.oldDistricts),
		oldCommunes: parseOldCommunes(t.oldCommunes),
		crosswalk: parseCrosswalk(t.crosswalk)
	};
}

const boundsOf = (b: BBox | undefined) => ({
	west: b?.[0] ?? null,
	south: b?.[1] ?? null,
	east: b?.[2] ?? null,
	north: b?.[3] ?? null
});

const byKey =
	<T>(key: (row: T) => string) =>
	(a: T, b: T) =>
		key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0;

function provinceRows(p: ParsedCsv, t: ReferenceTexts): ProvinceRow[] {
	const shapes = parseShapeBoxes(F.provinceShapes, t.provinceShapes, 2);
	const boxes = joinFeatures(F.provinceShapes, shapes, new Set(p.provinces.keys()), F.provinces);
	return [...p.provinces.values()].map(({ value: r }) => ({
		code: r.code,
		name: r.name,
		fullName: r.fullName,
		nameEn: r.nameEn,
		fullNameEn: r.fullNameEn,
		unitType: r.unitType,
		unitTypeEn: r.unitTypeEn,
		communeCount: r.communeCount,
		areaKm2: r.areaKm2,
		geomAreaKm2: r.geomAreaKm2,
		populationSapnhap: r.populationSapnhap,
		mergedFromOldCodes: r.mergedFromOldProvinceCodes.join(';'),
		searchKey: searchKey(r.name),
		...boundsOf(boxes.get(r.code)?.bbox)
	}));
}

function communeRows(p: ParsedCsv, t: ReferenceTexts): CommuneRow[] {
	const known = new Set(p.communes.keys());
	const shapes = parseShapeBoxes(F.communeShapes, t.communeShapes, 5);
	const boxes = joinFeatures(F.communeShapes, shapes, known, F.communes);
	const points = parseLabelPoints(F.communeLabels, t.communeLabels, 5);
	const labels = joinFeatures(F.communeLabels, points, known, F.communes);
	return [...p.communes.values()].map(({ value: c }) => {
		const pop = p.population.get(c.code)?.value;
		const label = labels.get(c.code);
		return {
			code: c.code,
			provinceCode: c.provinceCode,
			name: c.name,
			fullName: c.fullName,
			nameEn: c.nameEn,
			fullNameEn: c.fullNameEn,
			codeName: c.codeName,
			unitType: c.unitType,
			unitTypeEn: c.unitTypeEn,
			areaKm2: c.areaKm2,
			geomAreaKm2: c.geomAreaKm2,
			oldProvinceCode: c.oldProvinceCode,
			population: pop?.population ?? null,
			populationUsable: pop?.populationUsable ?? false,
			populationFlags: pop?.qualityFlags ?? '',
			searchKey: searchKey(c.name),
			labelLon: label?.lon ?? null,
			labelLat: label?.lat ?? null,
			...boundsOf(boxes.get(c.code)?.bbox)
		};
	});
}

function oldUnitRows(p: ParsedCsv) {
	const values = <T>(m: Map<string, { value: T }>) => [...m.values()].map((r) => r.value);
	return {
		oldProvinces: values(p.oldProvinces).map(({ code, name, fullName, newProvinceCode }) => ({
			code,
			name,
			fullName,
			newProvinceCode
		})),
		oldDistricts: values(p.oldDistricts),
		oldCommunes: values(p.oldCommunes),
		crosswalk: values(p.crosswalk).map((x) => ({
			oldCode: x.old_code,
			newCode: x.new_code_in_2025_list,
			type: x.type,
			oldName: x.old_name,
			oldProvinceCode: x.old_province_code,
			oldInList: x.old_code_in_pre2025_list
		}))
	};
}

function catalogueRows(p: ParsedCsv) {
	return {
		services: DEFAULT_SERVICES.map((s, i) => ({
			code: s.code,
			nameVi: cleanText(s.nameVi),
			nameEn: cleanText(s.nameEn),
			descriptionVi: cleanText(s.descriptionVi),
			descriptionEn: cleanText(s.descriptionEn),
			sortOrder: i,
			active: true
		})),
		provinceSettings: Object.entries(KNOWN_CITIZEN_APPS)
			.filter(([code]) => p.provinces.has(code))
			.map(([provinceCode, name]) => ({ provinceCode, citizenAppName: cleanText(name) }))
	};
}

/**
 * Parses and validates all reference files and builds the target rows.
 *
 * @returns the rows of every reference table, sorted by key (so equal data → equal dataset)
 * @throws ImportError for the first malformed row, feature or cross-file inconsistency
 */
export function buildDataset(t: ReferenceTexts): ReferenceDataset {
	const parsed = parseAllCsv(t);
	checkConsistency(parsed);
	const old = oldUnitRows(parsed);
	const code = (r: { code: string }) => r.code;
	return {
		provinces: provinceRows(parsed, t).sort(byKey(code)),
		communes: communeRows(parsed, t).sort(byKey(code)),
		oldProvinces: old.oldProvinces.sort(byKey(code)),
		oldDistricts: old.oldDistricts.sort(byKey(code)),
		oldCommunes: old.oldCommunes.sort(byKey(code)),
		crosswalk: old.crosswalk.sort(byKey((r) => `${r.oldCode}>${r.newCode}`)),
		...catalogueRows(parsed)
	};
}
