/**
 * What the routes table offers and says: who a route may be given to (its own team's members)
 * and a Vietnamese sentence for each refusal the API gives on assigning or cancelling.
 */
import type { Translate } from '$lib/i18n';
import { ApiCallError, handleError } from '$lib/components/admin/api-client';

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

const KNOWN = [
	'assignee_other_team',
	'assignee_outside_commune',
	'assignee_inactive',
	'route_done',
	'route_cancelled'
] as const;

/** The sentence for an API refusal of an assignment or a cancellation (else the generic one). */
export function routeActionError(t: Translate, err: unknown): string {
	if (err instanceof ApiCallError) {
		const code = KNOWN.find((k) => k === err.code);
		if (code) return t(`plan.error.${code}`);
	}
	return t('plan.error.generic', { message: handleError(err) });
}
