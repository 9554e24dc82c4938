/** The page's side of the planning worker: one worker, one promise per request. */
import type { TeamPlanInput } from '../domain/routing/team-plan.ts';
import type { TeamPlan } from '../domain/routing/team-plan-types.ts';
import type { LonLat } from '../domain/routing/types.ts';
import type { PlanRequest, PlanResponse, PostedStreetGraph } from './plan-worker.ts';

export type { PostedStreetGraph };

/** What the worker answers: the plan, each outing's line along the streets (or null), the time. */
export interface WorkerPlan {
	plan: TeamPlan;
	paths: LonLat[][] | null;
	ms: number;
}

let worker: Worker | null = null;
let next = 0;
const pending = new Map<number, { resolve: (r: WorkerPlan) => void; reject: (e: Error) => void }>();

function getWorker(): Worker {
	if (worker) return worker;
	worker = new Worker(new URL('./plan-worker.ts', import.meta.url), { type: 'module' });
	worker.onmessage = (e: MessageEvent<PlanResponse>) => {
		const p = pending.get(e.data.id);
		if (!p) return;
		pending.delete(e.data.id);
		if (e.data.plan) p.resolve({ plan: e.data.plan, paths: e.data.paths ?? null, ms: e.data.ms });
		else p.reject(new Error(e.data.error ?? 'planning failed'));
	};
	return worker;
}

/**
 * Plans a team's outings in the Web Worker.
 * @param streets the commune's street graph as bytes (street-graph.ts), or null: straight lines.
 * @returns the plan, the outings' lines along the streets (null without a graph), and the
 *   milliseconds the worker spent.
 */
export function planTeamInWorker(
	input: Omit<TeamPlanInput, 'streets'>,
	streets: PostedStreetGraph | null = null
): Promise<WorkerPlan> {
	const id = ++next;
	return new Promise((resolve, reject) => {
		pending.set(id, { resolve, reject });
		getWorker().postMessage({ id, input, streets } satisfies PlanRequest);
	});
}
