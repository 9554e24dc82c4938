/**
 * Putting outings on the calendar: each member has one slot per day and session of the period
 * (less the slots their saved outings already hold). Outings with priority households go into
 * the earliest slots, the rest spread evenly — a member's outings on different days first, on
 * the day the team has least work — or, when the leader asks, into the earliest slots. Revisits
 * go on the day they fall due (revisits.ts). An outing left without a slot stays unscheduled
 * (no member, no day) for the leader to place.
 */
import type { Session } from './outing-kinds.ts';
import type { Load, Outing, Spread } from './team-plan-types.ts';

export interface ScheduleInput {
	days: readonly string[];
	sessions: readonly Session[];
	spread: Spread;
	/** Members in the order to fall back on for a revisit whose owner is busy that day. */
	memberIds: readonly string[];
	/** Slots already held (`member|day|session`): saved outings of the period. */
	busy?: readonly string[];
}

export type TimeOfDay = 'morning' | 'evening' | 'weekend';

const isWeekend = (day: string) => [0, 6].includes(new Date(`${day}T00:00:00Z`).getUTCDay());

/** The members' slots: which are taken, and the work placed on each day. */
export class Slots {
	readonly input: ScheduleInput;
	private readonly taken = new Set<string>();
	private readonly dayMinutes = new Map<string, number>();
	private readonly placed = new Map<string, Outing[]>();
	constructor(input: ScheduleInput) {
		this.input = input;
		for (const k of input.busy ?? []) this.taken.add(k);
	}
	free(member: string, day: string, session: Session) {
		return !this.taken.has(`${member}|${day}|${session}`);
	}
	/** The outings placed for a member on a day. */
	on(member: string, day: string): Outing[] {
		return this.placed.get(`${member}|${day}`) ?? [];
	}
	/** Every outing placed on a day, the given member's first. */
	onDay(day: string, first: string): Outing[] {
		const others = this.input.memberIds.filter((m) => m !== first);
		return [first, ...others].flatMap((m) => this.on(m, day));
	}
	/** The first free session of the member that day, the preferred one first. */
	session(member: string, day: string, prefer: Session | null): Session | null {
		const order = prefer ? [prefer, ...this.input.sessions] : this.input.sessions;
		return order.find((s) => this.input.sessions.includes(s) && this.free(member, day, s)) ?? null;
	}
	take(o: Outing, member: string, day: string, session: Session) {
		this.taken.add(`${member}|${day}|${session}`);
		const k = `${member}|${day}`;
		this.placed.set(k, [...this.on(member, day), o]);
		this.dayMinutes.set(day, (this.dayMinutes.get(day) ?? 0) + o.minutes);
		Object.assign(o, { memberId: member, day, session });
	}
	/** Work already on a day, minutes. */
	minutesOn(day: string) {
		return this.dayMinutes.get(day) ?? 0;
	}
}

/** The session a revisit's time of day asks for, when the plan offers it. */
export function preferredSession(s: Slots, t: TimeOfDay | null): Session | null {
	const want: Session | null = t === 'evening' ? 'evening' : t === 'morning' ? 'morning' : null;
	return want && s.input.sessions.includes(want) ? want : null;
}

/** Places a revisit outing on its due day (or the next a member is free), its owner first. */
export function placeRevisit(s: Slots, o: Outing, dueDay: string, t: TimeOfDay | null): boolean {
	const owner = o.memberId;
	const ids = s.input.memberIds;
	const members = owner ? [owner, ...ids.filter((m) => m !== owner)] : ids;
	const days = s.input.days.filter((d) => d >= dueDay);
	const order =
		t === 'weekend' ? [...days.filter(isWeekend), ...days.filter((d) => !isWeekend(d))] : days;
	for (const day of order)
		for (const m of members) {
			const session = s.session(m, day, preferredSession(s, t));
			if (session) return (s.take(o, m, day, session), true);
		}
	return false;
}

/** Lexicographic comparison of two score arrays. */
function lessThan(a: number[], b: number[]): boolean {
	for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i]! < b[i]!;
	return false;
}

/** Places an outing with its member: the earliest free slot, or the evenest day. */
export function placeOwn(s: Slots, o: Outing, early: boolean): boolean {
	const m = o.memberId;
	if (!m) return false;
	let best: { day: string; session: Session; score: number[] } | null = null;
	for (const [i, day] of s.input.days.entries()) {
		const session = s.session(m, day, null);
		if (!session) continue;
		if (early) return (s.take(o, m, day, session), true);
		const score = [s.on(m, day).length, s.minutesOn(day), i];
		if (!best || lessThan(score, best.score)) best = { day, session, score };
	}
	if (best) s.take(o, m, best.day, best.session);
	return best !== null;
}

/** Leaves an outing unscheduled: no member, no day, no session. */
export function unplace(o: Outing) {
	Object.assign(o, { memberId: null, day: null, session: null });
}

/**
 * Places the fresh outings (with their members), priority ones first.
 * @returns how many found no slot.
 */
export function placeFresh(s: Slots, outings: readonly Outing[]): number {
	let left = 0;
	for (const o of [...outings].sort((a, b) => b.priority - a.priority)) {
		const early = s.input.spread === 'early' || o.priority > 0;
		if (placeOwn(s, o, early)) continue;
		unplace(o);
		left++;
	}
	return left;
}

/** Work per key (member or day) over the scheduled outings; every key given is listed. */
export function loads(
	outings: readonly Outing[],
	keys: readonly string[],
	keyOf: (o: Outing) => string | null
): Load[] {
	const by = new Map<string, Load>(
		keys.map((k) => [k, { key: k, outings: 0, households: 0, minutes: 0 }])
	);
	for (const o of outings) {
		const k = keyOf(o);
		const l = k === null ? undefined : by.get(k);
		if (!l) continue;
		l.outings++;
		l.households += o.householdIds.length;
		l.minutes += o.minutes;
	}
	return [...by.values()];
}
