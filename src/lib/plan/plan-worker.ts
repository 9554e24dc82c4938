/// <reference lib="webworker" />
/**
 * Team planning off the main thread: the page posts the households, hamlets, members and
 * options, and the commune's street graph as its encoded bytes (a typed array copies cheaply;
 * the decoded graph's spatial index would not survive the copy); the worker answers with the
 * plan, each outing's line along the streets, and how long it took, so the map never freezes.
 */
import { planTeam, type TeamPlanInput } from '../domain/routing/team-plan.ts';
import type { TeamPlan } from '../domain/routing/team-plan-types.ts';
import type { LonLat } from '../domain/routing/types.ts';
import { decodeStreetGraph } from '../domain/streets/codec.ts';
import type { StreetGraph } from '../domain/streets/types.ts';
import { outingPaths } from './plan-paths.ts';

/** A commune's street graph as posted: its bytes, and a key (the commune code) to decode once. */
export interface PostedStreetGraph {
	key: string;
	bytes: Uint8Array;
}

export interface PlanRequest {
	id: number;
	input: Omit<TeamPlanInput, 'streets'>;
	streets: PostedStreetGraph | null;
}
export interface PlanResponse {
	id: number;
	plan?: TeamPlan;
	/** Each outing's line along the streets, in the plan's order; absent without a graph. */
	paths?: LonLat[][];
	ms: number;
	error?: string;
}

/** The last graph decoded: the same commune's next plan reuses it. */
let last: { key: string; graph: StreetGraph } | null = null;

function graphOf(posted: PostedStreetGraph | null): StreetGraph | null {
	if (!posted) return null;
	if (last?.key !== posted.key) last = { key: posted.key, graph: decodeStreetGraph(posted.bytes) };
	return last.graph;
}

self.onmessage = (e: MessageEvent<PlanRequest>) => {
	const t0 = performance.now();
	try {
		const { input } = e.data;
		const streets = graphOf(e.data.streets);
		const plan = planTeam({ ...input, streets });
		const paths = streets
			? outingPaths(plan.outings, input.households, streets, input.options.travelMode)
			: undefined;
		self.postMessage({
			id: e.data.id,
			plan,
			paths,
			ms: performance.now() - t0
		} satisfies PlanResponse);
	} catch (err) {
		self.postMessage({ id: e.data.id, ms: 0, error: String(err) } satisfies PlanResponse);
	}
};
