/**
 * Cross-file checks: every code a row refers to must exist in the file it points into, and
 * the files must agree with each other. A consistent subset of the data (some provinces with
 * all their communes, old units and crosswalk rows) passes, so tests can import small sets.
 */
import type { CsvRecord } from './csv.ts';
import { ImportError } from './errors.ts';
import { REFERENCE_FILES as F } from './files.ts';
import type {
	CrosswalkCsv,
	OldCommuneCsv,
	OldDistrictCsv,
	OldProvinceCsv
} from './parse-old-units.ts';
import type { CommuneCsv, PopulationCsv, ProvinceCsv, Records } from './parse-units.ts';

/** Parsed records of every CSV file, by role. */
export interface ParsedCsv {
	provinces: Records<ProvinceCsv>;
	communes: Records<CommuneCsv>;
	population: Records<PopulationCsv>;
	oldProvinces: Records<OldProvinceCsv>;
	oldDistricts: Records<OldDistrictCsv>;
	oldCommunes: Records<OldCommuneCsv>;
	crosswalk: Records<CrosswalkCsv>;
}

interface At {
	file: string;
	line: number;
	field: string;
}

/** Throws unless `value` is a key of `known` (a row of `knownFile`). */
function requireKnown<T>(known: Map<string, T>, value: string, at: At, knownFile: string): T {
	const row = known.get(value);
	if (row === undefined) {
		throw new ImportError(`${JSON.stringify(value)} matches no code in ${knownFile}`, at);
	}
	return row;
}

/** Throws unless a row's copy of a code agrees with the code the referenced file gives. */
function requireSame(value: string, expected: string, at: At, why: string): void {
	if (value !== expected) {
		throw new ImportError(`${JSON.stringify(value)} but ${why} "${expected}"`, at);
	}
}

function checkCommunes(p: ParsedCsv): void {
	for (const { line, value: c } of p.communes.values()) {
		const at = (field: string): At => ({ file: F.communes, line, field });
		requireKnown(p.provinces, c.provinceCode, at('provinceCode'), F.provinces);
		if (c.oldProvinceCode !== null) {
			requireKnown(p.oldProvinces, c.oldProvinceCode, at('oldProvinceCode'), F.oldProvinces);
		}
	}
}

function checkProvinces(p: ParsedCsv): void {
	const counts = new Map<string, number>();
	for (const { value: c } of p.communes.values()) {
		counts.set(c.provinceCode, (counts.get(c.provinceCode) ?? 0) + 1);
	}
	for (const { line, value: pr } of p.provinces.values()) {
		const at = (field: string): At => ({ file: F.provinces, line, field });
		const actual = counts.get(pr.code) ?? 0;
		if (actual !== pr.communeCount) {
			const detail = `"${pr.communeCount}" but ${F.communes} has ${actual} communes in province "${pr.code}"`;
			throw new ImportError(detail, at('communeCount'));
		}
		for (const old of pr.mergedFromOldProvinceCodes) {
			const oldRow = requireKnown(
				p.oldProvinces,
				old,
				at('mergedFromOldProvinceCodes'),
				F.oldProvinces
			);
			const why = `${F.oldProvinces} line ${oldRow.line} maps old province "${old}" to`;
			requireSame(pr.code, oldRow.value.newProvinceCode, at('mergedFromOldProvinceCodes'), why);
		}
	}
}

function checkPopulation(p: ParsedCsv): void {
	for (const { line, value: row } of p.population.values()) {
		const at = (field: string): At => ({ file: F.population, line, field });
		const commune = requireKnown(p.communes, row.code, at('code'), F.communes).value;
		const why = `${F.communes} puts commune "${row.code}" in province`;
		requireSame(row.provinceCode, commune.provinceCode, at('provinceCode'), why);
	}
	for (const code of p.communes.keys()) {
		if (!p.population.has(code)) {
			throw new ImportError(`no row for commune "${code}" of ${F.communes}`, {
				file: F.population
			});
		}
	}
}

function checkOldUnits(p: ParsedCsv): void {
	for (const { line, value: op } of p.oldProvinces.values()) {
		const at = { file: F.oldProvinces, line, field: 'newProvinceCode' };
		requireKnown(p.provinces, op.newProvinceCode, at, F.provinces);
	}
	for (const { line, value: d } of p.oldDistricts.values()) {
		const at = { file: F.oldDistricts, line, field: 'provinceCode' };
		requireKnown(p.oldProvinces, d.provinceCode, at, F.oldProvinces);
	}
	for (const { line, value: c } of p.oldCommunes.values()) {
		const at = (field: string): At => ({ file: F.oldCommunes, line, field });
		const district = requireKnown(
			p.oldDistricts,
			c.districtCode,
			at('districtCode'),
			F.oldDistricts
		);
		const why = `${F.oldDistricts} puts district "${c.districtCode}" in province`;
		requireSame(c.provinceCode, district.value.provinceCode, at('provinceCode'), why);
	}
}

function checkCrosswalkRow(p: ParsedCsv, { line, value: x }: CsvRecord<CrosswalkCsv>): void {
	const at = (field: string): At => ({ file: F.crosswalk, line, field });
	const newCode = x.new_code_in_2025_list;
	const commune = requireKnown(p.communes, newCode, at('new_code_in_2025_list'), F.communes);
	const why = `${F.communes} puts commune "${newCode}" in province`;
	requireSame(x.new_province_code, commune.value.provinceCode, at('new_province_code'), why);
	requireKnown(p.oldProvinces, x.old_province_code, at('old_province_code'), F.oldProvinces);
	const old = p.oldCommunes.get(x.old_code);
	if ((old !== undefined) !== x.old_code_in_pre2025_list) {
		const detail = `"${x.old_code_in_pre2025_list ? 1 : 0}" but old code "${x.old_code}" is ${old ? '' : 'not '}in ${F.oldCommunes}`;
		throw new ImportError(detail, at('old_code_in_pre2025_list'));
	}
	if (old) {
		const oldWhy = `${F.oldCommunes} puts old commune "${x.old_code}" in province`;
		requireSame(x.old_province_code, old.value.provinceCode, at('old_province_code'), oldWhy);
	}
}

/**
 * Runs every cross-file check, in an order that reports the root cause first (an unknown
 * province code before the commune count it spoils).
 *
 * @throws ImportError naming the file, line and field of the first inconsistency
 */
export function checkConsistency(p: ParsedCsv): void {
	checkCommunes(p);
	checkOldUnits(p);
	checkProvinces(p);
	checkPopulation(p);
	for (const record of p.crosswalk.values()) checkCrosswalkRow(p, record);
}
