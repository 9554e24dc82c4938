/**
 * What a team plan must never do, checked on every plan the benchmarks make (they print figures,
 * but a figure of a wrong plan is worthless): a household on two outings or on none, an outing
 * over its session without a reason (or with "one house alone does not fit" on several houses),
 * two outings in one member's session, an outing given to someone not in the plan or outside
 * the period.
 */
import type { TeamPlanInput } from '../../src/lib/domain/routing/team-plan.ts';
import type { TeamPlan } from '../../src/lib/domain/routing/team-plan-types.ts';

/** Where each household ended up: problems of coverage (two outings, none, skipped yet planned). */
function coverage(input: TeamPlanInput, plan: TeamPlan): string[] {
	const problems: string[] = [];
	const seen = new Map<string, number>();
	plan.outings.forEach((o, i) => {
		if (o.householdIds.length === 0) problems.push(`outing ${i} has no household`);
		for (const id of o.householdIds) {
			if (seen.has(id)) problems.push(`household ${id} on outings ${seen.get(id)} and ${i}`);
			seen.set(id, i);
		}
	});
	const skipped = new Set(plan.skipped.map((s) => s.id));
	for (const h of input.households) {
		if (skipped.has(h.id) && seen.has(h.id)) problems.push(`household ${h.id} skipped yet planned`);
		if (!skipped.has(h.id) && !seen.has(h.id)) problems.push(`household ${h.id} on no outing`);
	}
	return problems;
}

/** Problems of the schedule: over the session unflagged, double-booked, unknown member or day. */
function schedule(input: TeamPlanInput, plan: TeamPlan): string[] {
	const problems: string[] = [];
	const members = new Set(input.members.map((m) => m.id));
	const slots = new Set<string>();
	plan.outings.forEach((o, i) => {
		if (o.minutes > o.sessionMinutes && o.flag !== 'too_far' && o.flag !== 'session_too_short')
			problems.push(
				`outing ${i}: ${o.minutes} min in a ${o.sessionMinutes}-min session, flag ${o.flag}`
			);
		if ((o.flag === 'too_far' || o.flag === 'session_too_short') && o.householdIds.length > 1)
			problems.push(
				`outing ${i}: flag ${o.flag} (one house alone does not fit) on ${o.householdIds.length} ` +
					`households, ${o.minutes} min in a ${o.sessionMinutes}-min session`
			);
		if (o.memberId === null) return;
		if (!members.has(o.memberId)) problems.push(`outing ${i}: member ${o.memberId} not in plan`);
		if (!o.day || !input.options.days.includes(o.day)) problems.push(`outing ${i}: day ${o.day}`);
		if (!o.session || !input.options.sessions.includes(o.session))
			problems.push(`outing ${i}: session ${o.session}`);
		const slot = `${o.memberId}|${o.day}|${o.session}`;
		if (slots.has(slot)) problems.push(`outing ${i}: slot ${slot} taken twice`);
		slots.add(slot);
	});
	return problems;
}

/** Everything wrong with a plan made from `input` (empty when nothing is). */
export function checkTeamPlan(input: TeamPlanInput, plan: TeamPlan): string[] {
	return [...coverage(input, plan), ...schedule(input, plan)];
}
