/**
 * What the scale simulation fills: the largest merged province (by population and by commune
 * count alike: Hồ Chí Minh, 168 communes, ~14 M people), one of its dense urban wards at
 * 50,000 households (Chánh Hưng, ~190,000 people on 4.6 km²: about its real size), and the
 * other communes sharing the rest of the province's households by population.
 */
import type { Db } from '../../src/lib/server/db/client.ts';
import type { CommuneShape } from '../../src/lib/server/demo/geo.ts';
import type { ScaleCommune } from './scale-households.ts';

export interface ScaleTarget {
	provinceCode: string;
	wardCode: string;
	wardHouseholds: number;
	/** Households of the whole province, ward included. */
	households: number;
}

export const SCALE_TARGET: ScaleTarget = {
	provinceCode: '79',
	wardCode: '27418',
	wardHouseholds: 50_000,
	households: 1_060_000
};

interface CommuneRow {
	code: string;
	name: string;
	unit_type: string;
	population: number | null;
	population_usable: number;
}

/**
 * The province's communes with their household targets, the ward first (so a benchmark can
 * start on it early), then by code.
 * @throws Error when the reference data is not imported or a commune has no outline.
 */
export async function scaleCommunes(
	db: Db,
	target: ScaleTarget,
	shapeOf: (code: string) => CommuneShape | undefined
): Promise<ScaleCommune[]> {
	const res = await db.$client
		.prepare(
			`SELECT code, name, unit_type, population, population_usable FROM communes
			WHERE province_code = ?1 ORDER BY code`
		)
		.bind(target.provinceCode)
		.all<CommuneRow>();
	const rows = res.results;
	if (!rows.some((r) => r.code === target.wardCode))
		throw new Error(`commune ${target.wardCode} not found: import the reference data first`);
	const usable = rows.filter((r) => r.population_usable && r.population);
	const median = usable.map((r) => r.population!).sort((a, b) => a - b)[usable.length >> 1] ?? 1;
	const people = (r: CommuneRow) => (r.population_usable && r.population ? r.population : median);
	const others = rows.filter((r) => r.code !== target.wardCode);
	const total = others.reduce((s, r) => s + people(r), 0);
	const rest = target.households - target.wardHouseholds;
	const ordered = [rows.find((r) => r.code === target.wardCode)!, ...others];
	return ordered.map((r) => {
		const shape = shapeOf(r.code);
		if (!shape) throw new Error(`commune ${r.code} has no outline in the reference data`);
		return {
			code: r.code,
			provinceCode: target.provinceCode,
			name: r.name,
			unitType: r.unit_type,
			shape,
			households:
				r.code === target.wardCode
					? target.wardHouseholds
					: Math.max(200, Math.round((rest * people(r)) / total))
		};
	});
}
