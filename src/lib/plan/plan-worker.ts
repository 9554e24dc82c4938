/// <reference lib="webworker" />
/**
 * Team planning off the main thread: the page posts the households, hamlets, members and
 * options; the worker answers with the plan (and how long it took), so the map never freezes.
 */
import { planTeam, type TeamPlanInput } from '../domain/routing/team-plan.ts';
import type { TeamPlan } from '../domain/routing/team-plan-types.ts';

export interface PlanRequest {
	id: number;
	input: TeamPlanInput;
}
export interface PlanResponse {
	id: number;
	plan?: TeamPlan;
	ms: number;
	error?: string;
}

self.onmessage = (e: MessageEvent<PlanRequest>) => {
	const t0 = performance.now();
	try {
		const plan = planTeam(e.data.input);
		self.postMessage({ id: e.data.id, plan, ms: performance.now() - t0 } satisfies PlanResponse);
	} catch (err) {
		self.postMessage({ id: e.data.id, ms: 0, error: String(err) } satisfies PlanResponse);
	}
};
