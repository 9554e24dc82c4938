/**
 * Progress for leaders (issue 16 §6): visits, households visited and reached, and people helped
 * per service, per Vietnam week × team × member. Pure: the shard's aggregates go in, the table a
 * page draws and a CSV writes comes out. A leader's own data, so no small-count suppression
 * (that is for public figures); the API scopes it instead.
 *
 * Weeks are ISO weeks in Vietnam time (UTC+7): Monday 00:00 to Sunday 24:00 in Hà Nội, named by
 * their Monday (YYYY-MM-DD) and their ISO week number.
 */
import { addDays, vnToday, weekdayOf } from './vn-time.ts';

const VN_OFFSET_MS = 7 * 3_600_000;
const DAY_MS = 86_400_000;

/** Longest period one request may ask for (a year and a week), to bound the shard's work. */
export const MAX_PROGRESS_WEEKS = 53;
/** The period shown when none is asked for. */
export const DEFAULT_PROGRESS_WEEKS = 12;

/** Monday (YYYY-MM-DD) of the ISO week holding a YYYY-MM-DD day. */
export function weekStartOf(day: string): string {
	return addDays(day, -((weekdayOf(day) + 6) % 7));
}

/** Monday (YYYY-MM-DD) of the Vietnam week holding an instant (epoch ms). */
export function weekOfInstant(ms: number): string {
	return weekStartOf(vnToday(ms));
}

/**
 * The Vietnam day number of an instant, as the shard's SQL computes it: (ms + 7 h) ÷ 1 day.
 * `dayNumberWeekStart` turns it into its week's Monday, so SQL and domain agree.
 */
export const vnDayNumber = (ms: number) => Math.floor((ms + VN_OFFSET_MS) / DAY_MS);

/** The Monday of a Vietnam day number's week, as a day number (1970-01-01 was a Thursday). */
export const dayNumberWeekStart = (d: number) => d - ((((d + 3) % 7) + 7) % 7);

/** A day number as YYYY-MM-DD. */
export const dayNumberToDate = (d: number) => new Date(d * DAY_MS).toISOString().slice(0, 10);

/** A week of the table. */
export interface ProgressWeek {
	/** Monday, YYYY-MM-DD. */
	start: string;
	/** Sunday, YYYY-MM-DD. */
	end: string;
	/** ISO week number (1–53) and the ISO year it belongs to. */
	week: number;
	year: number;
}

/** ISO week number and year of a Monday. */
function isoWeek(monday: string): { week: number; year: number } {
	const thursday = addDays(monday, 3);
	const year = Number(thursday.slice(0, 4));
	const jan1 = Date.parse(`${year}-01-01T00:00:00Z`);
	const week = Math.floor((Date.parse(`${thursday}T00:00:00Z`) - jan1) / DAY_MS / 7) + 1;
	return { week, year };
}

/** The weeks from the one holding `from` to the one holding `to` (inclusive), oldest first. */
export function weeksBetween(from: string, to: string): ProgressWeek[] {
	const out: ProgressWeek[] = [];
	for (let m = weekStartOf(from); m <= to; m = addDays(m, 7)) {
		out.push({ start: m, end: addDays(m, 6), ...isoWeek(m) });
	}
	return out;
}

/** A period in whole weeks, and the instants that bound its visits ([startMs, endMs)). */
export interface ProgressPeriod {
	from: string;
	to: string;
	weeks: ProgressWeek[];
	startMs: number;
	endMs: number;
}

/**
 * The period asked for, widened to whole weeks: by default the last DEFAULT_PROGRESS_WEEKS weeks
 * up to today's. Returns an error message instead when `to` is before `from` or the period is
 * longer than MAX_PROGRESS_WEEKS weeks.
 */
export function progressPeriod(
	asked: { from?: string; to?: string },
	today: string
): ProgressPeriod | { error: string; field: 'from' | 'to' } {
	const to = addDays(weekStartOf(asked.to ?? today), 6);
	const from = weekStartOf(asked.from ?? addDays(to, -7 * DEFAULT_PROGRESS_WEEKS + 1));
	if (from > to) return { error: 'to is before from', field: 'to' };
	const weeks = weeksBetween(from, to);
	if (weeks.length > MAX_PROGRESS_WEEKS)
		return { error: `at most ${MAX_PROGRESS_WEEKS} weeks at a time`, field: 'from' };
	const startMs = Date.parse(`${from}T00:00:00Z`) - VN_OFFSET_MS;
	return { from, to, weeks, startMs, endMs: startMs + weeks.length * 7 * DAY_MS };
}

/** The figures of one cell (a member's week, a team's week, a total). */
export interface ProgressFigures {
	visits: number;
	/** Distinct households visited. */
	households: number;
	/** Distinct households where a visit met someone. */
	reached: number;
	/** People helped (each visit's people helped, summed). */
	peopleHelped: number;
	/** People helped per service code. */
	helped: Record<string, number>;
}

/** The level of an aggregate row: which of week, team and member it is grouped by. */
export type ProgressLevel =
	'week_team_member' | 'week_team' | 'week' | 'team_member' | 'team' | 'all';

/** One aggregate row as the shard returns it (null where the level does not group by it). */
export interface ProgressAggregate {
	level: ProgressLevel;
	/** Monday of the week, YYYY-MM-DD. */
	week: string | null;
	/** '' for visits no team can be given (no route and no known member). */
	teamId: string | null;
	memberId: string | null;
	visits: number;
	households: number;
	reached: number;
	peopleHelped: number;
}

/** People helped with one service by a member in a week (summed upward by the table). */
export interface ProgressServiceAggregate {
	week: string;
	teamId: string;
	memberId: string | null;
	serviceCode: string;
	helped: number;
}

export interface ProgressMemberRow {
	/** null: visits of the team recorded without a member (or by an erased one). */
	id: string | null;
	name: string | null;
	weeks: ProgressFigures[];
	total: ProgressFigures;
}

export interface ProgressTeamRow {
	/** '' for visits with no team. */
	id: string;
	name: string;
	weeks: ProgressFigures[];
	total: ProgressFigures;
	members: ProgressMemberRow[];
}

/** The table: one column per week, a row per team and per member, totals both ways. */
export interface ProgressTable {
	weeks: ProgressWeek[];
	services: string[];
	teams: ProgressTeamRow[];
	/** Every team in view, per week. */
	weekTotals: ProgressFigures[];
	total: ProgressFigures;
}

/** Figures with nothing in them. */
export function zeroFigures(services: readonly string[]): ProgressFigures {
	return {
		visits: 0,
		households: 0,
		reached: 0,
		peopleHelped: 0,
		helped: Object.fromEntries(services.map((s) => [s, 0]))
	};
}

export interface ProgressInput {
	weeks: ProgressWeek[];
	/** Service codes, in the catalogue's order (the columns). */
	services: readonly string[];
	/** Teams in view, in display order; '' names visits without a team. */
	teams: readonly { id: string; name: string }[];
	/**
	 * Members in display order: `shown` ones get a row in their team even without visits; any
	 * other with visits in a team (recorded on its routes after moving) is named from here.
	 */
	members: readonly { id: string; teamId: string; name: string | null; shown: boolean }[];
	aggregates: readonly ProgressAggregate[];
	serviceAggregates: readonly ProgressServiceAggregate[];
}

const key = (...parts: (string | null)[]) => parts.map((p) => p ?? '∅').join('|');

/**
 * Places the shard's aggregates in the table. Weeks, teams and shown members with nothing are
 * zeros; a member of another team (moved away) with visits in a team still gets a row. Distinct
 * household counts are taken at their own level (a team's week is not the sum of its members'
 * weeks: two members may visit the same house); people helped per service are summed upward.
 */
export function progressTable(input: ProgressInput): ProgressTable {
	const { weeks, services } = input;
	const col = new Map(weeks.map((w, i) => [w.start, i]));
	const agg = new Map(input.aggregates.map((a) => [key(a.level, a.week, a.teamId, a.memberId), a]));
	const helpedAt = new Map<string, number>();
	const addHelped = (k: string, n: number) => helpedAt.set(k, (helpedAt.get(k) ?? 0) + n);
	for (const s of input.serviceAggregates) {
		if (!col.has(s.week)) continue;
		addHelped(key('wtm', s.week, s.teamId, s.memberId, s.serviceCode), s.helped);
		addHelped(key('wt', s.week, s.teamId, s.serviceCode), s.helped);
		addHelped(key('w', s.week, s.serviceCode), s.helped);
		addHelped(key('tm', s.teamId, s.memberId, s.serviceCode), s.helped);
		addHelped(key('t', s.teamId, s.serviceCode), s.helped);
		addHelped(key('a', s.serviceCode), s.helped);
	}
	const figures = (level: ProgressLevel, helpedKey: (string | null)[], ...k: (string | null)[]) => {
		const a = agg.get(key(level, ...k));
		const f = zeroFigures(services);
		if (a) {
			f.visits = a.visits;
			f.households = a.households;
			f.reached = a.reached;
			f.peopleHelped = a.peopleHelped;
		}
		for (const s of services) f.helped[s] = helpedAt.get(key(...helpedKey, s)) ?? 0;
		return f;
	};
	const byId = new Map(input.members.map((m) => [m.id, m]));
	const teams = input.teams.map((tm): ProgressTeamRow => {
		const listed = input.members.filter((m) => m.teamId === tm.id);
		const seen = new Set(
			input.aggregates
				.filter((a) => a.level === 'team_member' && a.teamId === tm.id)
				.map((a) => a.memberId)
		);
		const rows: { id: string | null; name: string | null }[] = listed.filter(
			(m) => m.shown || seen.has(m.id)
		);
		for (const id of seen)
			if (!rows.some((m) => m.id === id))
				rows.push({ id, name: id ? (byId.get(id)?.name ?? null) : null });
		return {
			id: tm.id,
			name: tm.name,
			weeks: weeks.map((w) => figures('week_team', ['wt', w.start, tm.id], w.start, tm.id, null)),
			total: figures('team', ['t', tm.id], null, tm.id, null),
			members: rows.map((m) => ({
				id: m.id,
				name: m.name,
				weeks: weeks.map((w) =>
					figures('week_team_member', ['wtm', w.start, tm.id, m.id], w.start, tm.id, m.id)
				),
				total: figures('team_member', ['tm', tm.id, m.id], null, tm.id, m.id)
			}))
		};
	});
	return {
		weeks,
		services: [...services],
		teams,
		weekTotals: weeks.map((w) => figures('week', ['w', w.start], w.start, null, null)),
		total: figures('all', ['a'], null, null, null)
	};
}
