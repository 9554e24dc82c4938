/**
 * Where a demo hamlet's houses stand, on the streets laid out with them (./streets.ts): in town
 * along their ngõ / ngách (7 m apart, odd and even sides) or on the street itself by number; in
 * the country beside the hamlet road (numbered houses in order) or one of its branches.
 */
import { alongAlley, nearInside, offset, type CommuneShape, type LonLat } from './geo.ts';
import type { HouseAddress } from './places.ts';
import type { Rng } from './rng.ts';
import { houseBeside, Line, ruralLines, townStreets, type LaidLine } from './streets.ts';

export interface HamletLayout {
	/** One point per house, in the order given. */
	points: LonLat[];
	lines: LaidLine[];
	/** The vertex the hamlet's lines meet at (where a connecting road joins). */
	centre: LonLat;
}

interface Place {
	rng: Rng;
	shape: CommuneShape;
	centre: LonLat;
	/** Typical distance of a house from the centre, metres. */
	spreadM: number;
}

/** Rural: numbered houses in order along the hamlet road, the rest beside any of its lines. */
function layRural(p: Place, houses: readonly HouseAddress[]): HamletLayout {
	const { rng } = p;
	const { main, lines } = ruralLines(rng, p.centre, p.spreadM);
	const ends = lines.map((l) => l.line as Line);
	const top = Math.max(1, ...houses.map((h) => h.number ?? 0));
	const points = houses.map((h): LonLat => {
		const side = (rng.chance(0.5) ? 1 : -1) * (8 + rng.float() * 14);
		if (h.number !== null) {
			return houseBeside(
				p.shape,
				main,
				main.from + (h.number / top) * (main.to - main.from),
				side,
				p.centre
			);
		}
		const line = rng.pick(ends);
		return houseBeside(
			p.shape,
			line,
			line.from + rng.float() * (line.to - line.from),
			side,
			p.centre
		);
	});
	return { points, lines, centre: main.at(0) };
}

/** Town: each alley off its street (a ngách off its ngõ), houses along it; street houses by number. */
function layTown(
	p: Place,
	houses: readonly HouseAddress[],
	streets: readonly string[],
	word: string
) {
	const { rng } = p;
	const laid = townStreets(rng, p.centre, streets, word);
	const lines: LaidLine[] = laid.map((s) => s.laid);
	const alleys = new Map<number, { line: Line; last: number }>();
	const firstOnStreet = Math.min(...houses.map((h) => (h.alleyName ? Infinity : (h.number ?? 0))));
	const points = houses.map((h): LonLat => {
		const street = laid[h.street ?? 0]?.line ?? laid[0]!.line;
		if (!h.alleyName || h.number === null) {
			const t = -380 + ((h.number ?? 0) - firstOnStreet) * 4;
			return houseBeside(p.shape, street, t, h.number! % 2 ? -10 : 10, p.centre);
		}
		let alley = alleys.get(h.alley);
		if (!alley) {
			const start = street.at(Math.round((rng.float() * 2 - 1) * 320), true);
			const turn = (rng.chance(0.5) ? 1 : -1) * (Math.PI / 2);
			const first = new Line(start, street.angle + turn, 0, 10);
			const width = 2 + Math.round(rng.float() * 10) / 10;
			lines.push({ line: first, kind: 'alley', name: h.alleyName, widthM: width });
			let line = first;
			if (h.subName) {
				first.reach(30 + rng.int(0, 40));
				const sub = new Line(first.at(first.to, true), first.angle - turn, 0, 10);
				lines.push({
					line: sub,
					kind: 'alley',
					name: h.subName,
					widthM: rng.chance(0.5) ? 1.6 : 2.2
				});
				line = sub;
			}
			alley = { line, last: 0 };
			alleys.set(h.alley, alley);
		}
		alley.last = Math.max(alley.last, h.number);
		alley.line.reach(7 * Math.ceil(h.number / 2) + 5);
		return (
			alongAlley(p.shape, alley.line.origin, alley.line.angle, h.number) ??
			nearInside(rng, p.shape, p.centre, 20)
		);
	});
	return { points, lines, centre: laid[0]!.line.at(0) };
}

/**
 * Lays out one hamlet: its lines and a point per house.
 * @param streets the town streets its addresses name (unused in the country)
 * @param word "Phố" or "Đường": how the street names are written on the map
 */
export function layHamlet(
	rng: Rng,
	shape: CommuneShape,
	centre: LonLat,
	houses: readonly HouseAddress[],
	town: { streets: readonly string[]; word: string } | null,
	spreadM: number
): HamletLayout {
	const place: Place = { rng, shape, centre: offset(centre, 0, 0), spreadM };
	return town ? layTown(place, houses, town.streets, town.word) : layRural(place, houses);
}
