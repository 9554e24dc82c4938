/**
 * The planning form's state (Svelte runes): which members go out (each with their session
 * length and start), the period and sessions, how members get about, the time at each house,
 * and how to spread the work. Turns into the team planner's options and members.
 */
import { periodDays } from '../domain/routing/calendar.ts';
import { addDays } from '../domain/vn-time.ts';
import type { Session, StartKind, TravelMode } from '../domain/routing/outing-kinds.ts';
import {
	DEFAULT_MINUTES_PER_HOUSE,
	DEFAULT_SESSION_MINUTES,
	type Spread,
	type TeamMember,
	type TeamPlanOptions
} from '../domain/routing/team-plan-types.ts';
import type { LonLat } from '../domain/routing/types.ts';

export interface MemberSetting {
	id: string;
	name: string;
	/** Available for this plan. */
	on: boolean;
	/** Session length, hours (0.5 steps). */
	hours: number;
	start: StartKind;
	/** The member's home when the start is 'home' (picked on the map for this plan only). */
	home: LonLat | null;
}

export type SettingsProblem =
	'no_days' | 'no_sessions' | 'no_members' | 'home_missing' | 'bad_hours' | 'bad_minutes';

export class TeamSettings {
	members: MemberSetting[] = $state([]);
	from = $state('');
	to = $state('');
	skipSundays = $state(true);
	sessions: Record<Session, boolean> = $state({ morning: true, afternoon: false, evening: false });
	travelMode: TravelMode = $state('foot');
	minutesPerHouse = $state(DEFAULT_MINUTES_PER_HOUSE);
	walkKmh = $state(4);
	spread: Spread = $state('even');
	/** The member whose home is being picked on the map, if any. */
	pickingHomeFor: string | null = $state(null);

	/**
	 * @param today YYYY-MM-DD in Vietnam: the plan starts tomorrow and runs for a week.
	 * @param rural motorbike by default in a xã, on foot in a phường.
	 */
	constructor(today: string, rural: boolean) {
		this.from = addDays(today, 1);
		this.to = addDays(today, 7);
		this.travelMode = rural ? 'motorbike' : 'foot';
	}

	/** The team's members: the active ones available, 3-hour sessions from the cultural house. */
	setMembers(list: readonly { id: string; fullName: string; active: boolean }[]) {
		// eslint-disable-next-line svelte/prefer-svelte-reactivity -- a temporary lookup, not state
		const before = new Map(this.members.map((m) => [m.id, m]));
		this.members = list
			.filter((m) => m.active)
			.map(
				(m) =>
					before.get(m.id) ?? {
						id: m.id,
						name: m.fullName,
						on: true,
						hours: DEFAULT_SESSION_MINUTES / 60,
						start: 'hamlet',
						home: null
					}
			);
	}

	/** Sets every available member's session length (hours). */
	setAllHours(hours: number) {
		for (const m of this.members) m.hours = hours;
	}

	days: string[] = $derived(periodDays(this.from, this.to, this.skipSundays));

	/** What keeps the form from planning, or null. */
	problem: SettingsProblem | null = $derived.by(() => {
		if (this.days.length === 0) return 'no_days';
		if (!Object.values(this.sessions).some(Boolean)) return 'no_sessions';
		const on = this.members.filter((m) => m.on);
		if (on.length === 0) return 'no_members';
		if (on.some((m) => m.start === 'home' && !m.home)) return 'home_missing';
		if (on.some((m) => !(m.hours >= 0.5 && m.hours <= 12))) return 'bad_hours';
		if (!(this.minutesPerHouse >= 1 && this.minutesPerHouse <= 120)) return 'bad_minutes';
		if (!(this.walkKmh >= 1.5 && this.walkKmh <= 8)) return 'bad_minutes';
		return null;
	});

	options(): TeamPlanOptions {
		return {
			days: this.days,
			sessions: (Object.keys(this.sessions) as Session[]).filter((s) => this.sessions[s]),
			travelMode: this.travelMode,
			walkMPerMin: (this.walkKmh * 1000) / 60,
			minutesPerHouse: this.minutesPerHouse,
			spread: this.spread
		};
	}

	teamMembers(): TeamMember[] {
		return this.members
			.filter((m) => m.on)
			.map((m) => ({
				id: m.id,
				sessionMinutes: Math.round(m.hours * 60),
				start:
					m.start === 'home' && m.home
						? { kind: 'home', at: [m.home[0], m.home[1]] }
						: { kind: m.start === 'first' ? 'first' : 'hamlet' }
			}));
	}
}
