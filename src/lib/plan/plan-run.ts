/**
 * What the planning page hands the worker, and how it names the outings it gets back (pure):
 * the selection's households, the commune's cultural houses, the chosen members and options,
 * and the sessions the team's saved outings already hold.
 */
import { busySlots } from '../domain/routing/calendar.ts';
import type { Session } from '../domain/routing/outing-kinds.ts';
import type { TeamPlanInput } from '../domain/routing/team-plan.ts';
import type {
	Outing,
	TeamHousehold,
	TeamMember,
	TeamPlanOptions
} from '../domain/routing/team-plan-types.ts';
import type { Translate } from '../i18n/index.ts';
import { formatDay } from '../i18n/duration.ts';

interface SavedOuting {
	status: string;
	assigneeMemberId: string | null;
	plannedOn: string | null;
	session: Session | null;
}

/** The worker's input; cancelled saved outings hold no session. */
export function teamPlanInput(
	households: TeamHousehold[],
	hamlets: readonly { id: string; lon: number | null; lat: number | null }[],
	members: TeamMember[],
	options: TeamPlanOptions,
	saved: readonly SavedOuting[]
): TeamPlanInput {
	const busy = busySlots(
		saved
			.filter((r) => r.status !== 'cancelled')
			.map((r) => ({ memberId: r.assigneeMemberId, day: r.plannedOn, session: r.session }))
	);
	return {
		// Plain objects already (raw state): the worker's postMessage copies them once.
		households,
		hamlets: hamlets.map((h) => ({ id: h.id, lon: h.lon, lat: h.lat })),
		members,
		options: { ...options, busy }
	};
}

/** Names an outing after its first hamlet and its day: "Bản Phú Hưng — T5 03/12 sáng". */
export function outingNamer(t: Translate, placeOf: (areaId: string | undefined) => string) {
	return (o: Outing, n: number) => {
		const place = placeOf(o.areaIds[0]);
		return o.day && o.session
			? t('teamPlan.outing.default', {
					place,
					day: formatDay(t, o.day),
					session: t(`session.${o.session}`)
				})
			: t('teamPlan.outing.undated', { place, n });
	};
}
