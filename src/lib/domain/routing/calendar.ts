/**
 * A team's plan calendar: outings by member and day, with totals (households, km, hours) and
 * conflicts (two outings in one session of a member, an outing longer than its session). The
 * same model serves a plan before it is saved and the saved outings. Pure.
 */
import { SESSIONS, type OutingFlag, type Session } from './outing-kinds.ts';

/** An outing on the calendar (planned or saved). */
export interface CalendarItem {
	id: string;
	memberId: string | null;
	day: string | null;
	session: Session | null;
	households: number;
	distanceM: number;
	minutes: number;
	/** The session it was planned to fit; null when planned by size. */
	sessionMinutes: number | null;
	flag: OutingFlag | null;
}

export type Conflict = 'double_booked' | 'over_session';

export interface Totals {
	outings: number;
	households: number;
	distanceM: number;
	minutes: number;
}

export interface CalendarRow {
	/** Null: outings not yet given to anyone. */
	memberId: string | null;
	/** Outings per day of the period (same order as the days), sorted by session. */
	cells: CalendarItem[][];
	/** Outings of this member with no day, or on a day outside the period. */
	undated: CalendarItem[];
	total: Totals;
}

export interface Calendar {
	days: string[];
	rows: CalendarRow[];
	dayTotals: Totals[];
	total: Totals;
	/** Conflicts per outing id (only outings that have some). */
	conflicts: Map<string, Conflict[]>;
}

const zero = (): Totals => ({ outings: 0, households: 0, distanceM: 0, minutes: 0 });

function add(t: Totals, i: CalendarItem) {
	t.outings++;
	t.households += i.households;
	t.distanceM += i.distanceM;
	t.minutes += i.minutes;
}

const sessionRank = (s: Session | null) => (s ? SESSIONS.indexOf(s) : SESSIONS.length);

/** Conflicts of the items: double bookings per member, day and session; overlong outings. */
function findConflicts(items: readonly CalendarItem[]): Map<string, Conflict[]> {
	const out = new Map<string, Conflict[]>();
	const note = (id: string, c: Conflict) => out.set(id, [...(out.get(id) ?? []), c]);
	const slots = new Map<string, CalendarItem[]>();
	for (const i of items) {
		if (i.memberId && i.day && i.session) {
			const k = `${i.memberId}|${i.day}|${i.session}`;
			slots.set(k, [...(slots.get(k) ?? []), i]);
		}
		if (i.sessionMinutes !== null && i.minutes > i.sessionMinutes) note(i.id, 'over_session');
	}
	for (const list of slots.values())
		if (list.length > 1) for (const i of list) note(i.id, 'double_booked');
	return out;
}

/**
 * The calendar of the outings over the days, one row per member given (in that order), and
 * a row for outings nobody has yet (when there are any).
 */
export function buildCalendar(
	items: readonly CalendarItem[],
	memberIds: readonly string[],
	days: readonly string[]
): Calendar {
	const col = new Map(days.map((d, i) => [d, i]));
	const ids = items.some((i) => i.memberId === null || !memberIds.includes(i.memberId))
		? [...memberIds, null]
		: [...memberIds];
	const rows: CalendarRow[] = ids.map((memberId) => ({
		memberId,
		cells: days.map(() => []),
		undated: [],
		total: zero()
	}));
	const rowOf = new Map(rows.map((r) => [r.memberId, r]));
	const dayTotals = days.map(zero);
	const total = zero();
	for (const i of items) {
		const row = rowOf.get(i.memberId) ?? rowOf.get(null)!;
		const c = i.day === null ? undefined : col.get(i.day);
		if (c === undefined) row.undated.push(i);
		else {
			row.cells[c]!.push(i);
			add(dayTotals[c]!, i);
		}
		add(row.total, i);
		add(total, i);
	}
	for (const r of rows)
		for (const cell of r.cells)
			cell.sort((a, b) => sessionRank(a.session) - sessionRank(b.session));
	return { days: [...days], rows, dayTotals, total, conflicts: findConflicts(items) };
}

/** The days from `from` to `to` (YYYY-MM-DD, inclusive), Sundays left out when asked. */
export function periodDays(from: string, to: string, skipSundays: boolean): string[] {
	const out: string[] = [];
	const end = Date.parse(`${to}T00:00:00Z`);
	for (let t = Date.parse(`${from}T00:00:00Z`); t <= end && out.length < 62; t += 86_400_000) {
		const d = new Date(t);
		if (skipSundays && d.getUTCDay() === 0) continue;
		out.push(d.toISOString().slice(0, 10));
	}
	return out;
}

/**
 * Slots (`member|day|session`) held by saved outings: a new plan leaves them alone. An outing
 * saved without a session holds the whole day.
 */
export function busySlots(
	items: readonly { memberId: string | null; day: string | null; session: Session | null }[]
): string[] {
	const out = new Set<string>();
	for (const i of items) {
		if (!i.memberId || !i.day) continue;
		for (const s of i.session ? [i.session] : SESSIONS) out.add(`${i.memberId}|${i.day}|${s}`);
	}
	return [...out];
}
