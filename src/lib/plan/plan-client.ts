/** The page's side of the planning worker: one worker, one promise per request. */
import type { TeamPlanInput } from '../domain/routing/team-plan.ts';
import type { TeamPlan } from '../domain/routing/team-plan-types.ts';
import type { PlanRequest, PlanResponse } from './plan-worker.ts';

let worker: Worker | null = null;
let next = 0;
const pending = new Map<
	number,
	{ resolve: (r: { plan: TeamPlan; ms: number }) => void; reject: (e: Error) => void }
>();

function getWorker(): Worker {
	if (worker) return worker;
	worker = new Worker(new URL('./plan-worker.ts', import.meta.url), { type: 'module' });
	worker.onmessage = (e: MessageEvent<PlanResponse>) => {
		const p = pending.get(e.data.id);
		if (!p) return;
		pending.delete(e.data.id);
		if (e.data.plan) p.resolve({ plan: e.data.plan, ms: e.data.ms });
		else p.reject(new Error(e.data.error ?? 'planning failed'));
	};
	return worker;
}

/**
 * Plans a team's outings in the Web Worker.
 * @returns the plan and the milliseconds the worker spent.
 */
export function planTeamInWorker(input: TeamPlanInput): Promise<{ plan: TeamPlan; ms: number }> {
	const id = ++next;
	return new Promise((resolve, reject) => {
		pending.set(id, { resolve, reject });
		getWorker().postMessage({ id, input } satisfies PlanRequest);
	});
}
