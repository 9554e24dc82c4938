/**
 * Small synthetic worlds for team-planner tests: hamlets as clusters of houses (metres around a
 * point near Định Hóa), alleys with numbered houses, members with sessions. Pure factories.
 */
import type {
	TeamHamlet,
	TeamHousehold,
	TeamMember,
	TeamPlanOptions
} from '../../../src/lib/domain/routing/team-plan-types.ts';
import { M_PER_DEG } from '../../../src/lib/domain/routing/geometry.ts';

const LON0 = 105.64;
const LAT0 = 21.9;
const M_LAT = 1 / M_PER_DEG;
const M_LON = 1 / (M_PER_DEG * Math.cos((LAT0 * Math.PI) / 180));

/** lon/lat of a point `x` metres east and `y` metres north of the world's origin. */
export const at = (x: number, y: number): [number, number] => [LON0 + x * M_LON, LAT0 + y * M_LAT];

let next = 0;
/** A household at (x, y) metres, in a hamlet, optionally in an alley with a number. */
export function house(
	x: number,
	y: number,
	hamletId: string | null,
	extra: Partial<TeamHousehold> & { alley?: string; no?: number } = {}
): TeamHousehold {
	const [lon, lat] = at(x, y);
	const { alley, no, ...rest } = extra;
	const alleyKey = alley ?? (hamletId ? `thon ${hamletId}` : '');
	return {
		id: `h${++next}`,
		lon,
		lat,
		alleyKey,
		addressKey: no !== undefined ? `${alleyKey}#${no}` : alleyKey,
		doNotContact: false,
		hamletId,
		priority: false,
		revisit: null,
		...rest
	};
}

/** A hamlet whose cultural house stands at (x, y) metres. */
export function hamlet(id: string, x: number, y: number): TeamHamlet {
	const [lon, lat] = at(x, y);
	return { id, lon, lat };
}

/** `count` houses scattered within `radius` metres of (x, y), deterministically. */
export function cluster(hamletId: string, x: number, y: number, count: number, radius = 150) {
	return Array.from({ length: count }, (_, i) => {
		const a = i * 2.399963; // golden angle: an even spread
		const r = radius * Math.sqrt((i + 0.5) / count);
		return house(x + r * Math.cos(a), y + r * Math.sin(a), hamletId);
	});
}

/** An alley of `count` numbered houses from (x, y) heading east, 8 m apart, both sides. */
export function alley(hamletId: string, key: string, x: number, y: number, count: number) {
	return Array.from({ length: count }, (_, i) => {
		const no = i + 1;
		return house(x + Math.ceil(no / 2) * 8, y + (no % 2 ? -4 : 4), hamletId, { alley: key, no });
	});
}

export function members(count: number, sessionMinutes = 180): TeamMember[] {
	return Array.from({ length: count }, (_, i) => ({
		id: `m${i + 1}`,
		sessionMinutes,
		start: { kind: 'hamlet' }
	}));
}

/** Monday 7 December 2026 and the days after it. */
export function days(count: number): string[] {
	return Array.from({ length: count }, (_, i) =>
		new Date(Date.UTC(2026, 11, 7 + i)).toISOString().slice(0, 10)
	);
}

export function options(over: Partial<TeamPlanOptions> = {}): TeamPlanOptions {
	return {
		days: days(5),
		sessions: ['morning'],
		travelMode: 'motorbike',
		walkMPerMin: 67,
		minutesPerHouse: 8,
		spread: 'even',
		...over
	};
}
