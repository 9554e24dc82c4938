/**
 * Synthetic households for route benchmarks and tests: an urban part (streets with numbered
 * alleys, houses on both sides) and a rural part (houses scattered round hamlet centres, no
 * numbers), around Định Hóa. Seeded, so every run measures the same problem.
 */
import seedrandom from 'seedrandom';
import type { PlanHousehold } from '../../src/lib/domain/routing/types.ts';

const LON0 = 105.64;
const LAT0 = 21.9;
const M_LAT = 1 / 110_574;
const M_LON = 1 / (111_320 * Math.cos((LAT0 * Math.PI) / 180));

/** A synthetic household with the address a person would write for it. */
export interface BenchHousehold extends PlanHousehold {
	lon: number;
	lat: number;
	address: string;
	/** 1-based hamlet (rural part) or street (urban part) number. */
	group: number;
}

/** `count` households, about 70 % in alleys, the rest rural. */
export function syntheticHouseholds(count: number, seed = 'route-bench'): BenchHousehold[] {
	const rng = seedrandom(seed);
	const out: BenchHousehold[] = [];
	const urban = Math.round(count * 0.7);
	let street = 0;
	while (out.length < urban) {
		street++;
		const sx = (rng() - 0.5) * 3000;
		const sy = (rng() - 0.5) * 3000;
		const angle = rng() * Math.PI;
		const alleys = 2 + Math.floor(rng() * 6);
		for (let a = 1; a <= alleys && out.length < urban; a++) {
			const ax = sx + Math.cos(angle) * a * 60;
			const ay = sy + Math.sin(angle) * a * 60;
			const perp = angle + Math.PI / 2;
			const houses = 6 + Math.floor(rng() * 30);
			for (let n = 1; n <= houses && out.length < urban; n++) {
				const along = Math.ceil(n / 2) * 8;
				const side = n % 2 === 0 ? 4 : -4;
				const x = ax + Math.cos(perp) * along + Math.cos(angle) * side;
				const y = ay + Math.sin(perp) * along + Math.sin(angle) * side;
				const alleyKey = `pho ${street}|${a * 2}`;
				out.push({
					id: `u${out.length}`,
					lon: LON0 + x * M_LON,
					lat: LAT0 + y * M_LAT,
					alleyKey,
					addressKey: `${alleyKey}#${n}`,
					doNotContact: false,
					address: `Số ${n}, ngõ ${a * 2}, phố Bến ${street}`,
					group: street
				});
			}
		}
	}
	let hamlet = 0;
	while (out.length < count) {
		hamlet++;
		const hx = (rng() - 0.5) * 6000;
		const hy = (rng() - 0.5) * 6000;
		const size = 20 + Math.floor(rng() * 60);
		for (let i = 0; i < size && out.length < count; i++) {
			const r = Math.sqrt(rng()) * 400;
			const t = rng() * 2 * Math.PI;
			const key = `thon ${hamlet}`;
			out.push({
				id: `r${out.length}`,
				lon: LON0 + (hx + r * Math.cos(t)) * M_LON,
				lat: LAT0 + (hy + r * Math.sin(t)) * M_LAT,
				alleyKey: key,
				addressKey: key,
				doNotContact: false,
				address: `Thôn ${hamlet}`,
				group: hamlet
			});
		}
	}
	return out;
}

/** Metres east and north of the benchmarks' centre, as lon/lat. */
export function lonLatOf(x: number, y: number): [lon: number, lat: number] {
	return [LON0 + x * M_LON, LAT0 + y * M_LAT];
}

/** The start point of the benchmarks (the middle of the area). */
export const BENCH_START: [number, number] = [LON0, LAT0];
