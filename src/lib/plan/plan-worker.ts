/// <reference lib="webworker" />
/**
 * Route planning off the main thread: the page posts households and options, the worker
 * answers with the plan (and how long ordering took), so the map never freezes.
 */
import { planRoutes } from '../domain/routing/plan.ts';
import type { Plan, PlanHousehold, PlanOptions } from '../domain/routing/types.ts';

export interface PlanRequest {
	id: number;
	households: PlanHousehold[];
	options: PlanOptions;
}
export interface PlanResponse {
	id: number;
	plan?: Plan;
	ms: number;
	error?: string;
}

self.onmessage = (e: MessageEvent<PlanRequest>) => {
	const t0 = performance.now();
	try {
		const plan = planRoutes(e.data.households, e.data.options);
		self.postMessage({ id: e.data.id, plan, ms: performance.now() - t0 } satisfies PlanResponse);
	} catch (err) {
		self.postMessage({ id: e.data.id, ms: 0, error: String(err) } satisfies PlanResponse);
	}
};
