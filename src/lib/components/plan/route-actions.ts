/**
 * Who a route in the routes table may be given to: its own team's members (its refusals are
 * worded by the one error policy, $lib/api/error-text).
 */
import type { Translate } from '$lib/i18n';

/** A team member as the planning page loads it. */
export interface AssignableMember {
	id: string;
	fullName: string;
	active: boolean;
}

/** One choice of the assignee list. */
export interface AssigneeOption {
	id: string;
	label: string;
}

/**
 * The members a route can go to: the active members of the route's own team (the API refuses
 * any other), plus its current assignee even when no longer active, so the list can show it.
 */
export function assigneeOptions(
	t: Translate,
	route: { teamId: string; assigneeMemberId: string | null; assigneeName: string | null },
	membersByTeam: Readonly<Record<string, readonly AssignableMember[]>>
): AssigneeOption[] {
	const team = membersByTeam[route.teamId] ?? [];
	const out = team.filter((m) => m.active).map((m) => ({ id: m.id, label: m.fullName }));
	const current = route.assigneeMemberId;
	if (current && !out.some((o) => o.id === current)) {
		const name = team.find((m) => m.id === current)?.fullName ?? route.assigneeName ?? current;
		out.unshift({ id: current, label: t('plan.assign.inactive', { name }) });
	}
	return out;
}
