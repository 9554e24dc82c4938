/**
 * The planning view's selection (Svelte runes): which households a plan is for — the team's
 * area by default, or a drawn area, a hamlet, an alley, all gaps, the revisits due — and the
 * drawn area. Selection runs on the main thread (a polygon test over at most a commune's
 * households); planning runs in the worker (plan-client.ts).
 */
import { householdsInPolygon, polygonProblem } from '../domain/routing/selection.ts';
import type { LonLat } from '../domain/routing/types.ts';
import type { TeamHousehold } from '../domain/routing/team-plan-types.ts';
import { toTeamHousehold, type PlannerHousehold } from './team-input.ts';

export type { PlannerHousehold };

export type SelectMode = 'team' | 'draw' | 'hamlet' | 'alley';
export type Picking = 'none' | 'draw' | 'home' | 'add' | 'move';
export type AreaProblem = 'too_few_points' | 'self_intersecting' | 'empty' | null;

export class Planner {
	/** Raw state: 10,000 households must not become deep proxies (selection stays fast). */
	households: PlannerHousehold[] = $state.raw([]);
	mode: SelectMode = $state('team');
	picking: Picking = $state('none');
	corners: LonLat[] = $state.raw([]);
	closed = $state(false);
	areaProblem: AreaProblem = $state(null);
	hamletId = $state('');
	alleyKey = $state('');
	selectedIds: string[] = $state.raw([]);
	selectMs: number | null = $state(null);
	/** Counts selections (the browser benchmark waits for it to change). */
	selectSeq = $state(0);

	constructor(households: PlannerHousehold[]) {
		this.households = households;
	}

	/** The selected households (computed once per selection). */
	selected: PlannerHousehold[] = $derived.by(() => {
		// eslint-disable-next-line svelte/prefer-svelte-reactivity -- a temporary lookup, not state
		const ids = new Set(this.selectedIds);
		return this.households.filter((h) => ids.has(h.id));
	});

	/** What goes to the planner: gaps afresh, revisits due, nothing already planned. */
	toPlan: TeamHousehold[] = $derived(this.selected.flatMap((h) => toTeamHousehold(h) ?? []));

	/** Selects ids, timing the work (shown in the UI, read by the browser benchmark). */
	private select(pick: () => PlannerHousehold[]) {
		const t0 = performance.now();
		this.selectedIds = pick().map((h) => h.id);
		this.selectMs = performance.now() - t0;
		this.selectSeq++;
	}

	/** The households of a team's area: its hamlet's, or the commune's for a commune-wide team. */
	byTeam(hamletId: string | null) {
		this.mode = 'team';
		this.select(() => this.households.filter((h) => hamletId === null || h.hamletId === hamletId));
	}
	byHamlet(id: string) {
		this.hamletId = id;
		this.select(() => this.households.filter((h) => h.hamletId === id));
	}
	byAlley(key: string) {
		this.alleyKey = key;
		this.select(() => this.households.filter((h) => h.alleyKey === key));
	}
	gaps() {
		this.select(() => this.households.filter((h) => !h.routeId && !h.doNotContact));
	}
	revisits() {
		this.select(() => this.households.filter((h) => h.status === 'revisit_due'));
	}
	clear() {
		this.selectedIds = [];
		this.corners = [];
		this.closed = false;
		this.areaProblem = null;
		this.selectMs = null;
	}

	startDrawing() {
		this.clear();
		this.mode = 'draw';
		this.picking = 'draw';
	}
	addCorner(p: LonLat) {
		if (this.closed) return;
		this.corners = [...this.corners, p];
	}
	undoCorner() {
		this.corners = this.corners.slice(0, -1);
	}
	/** Closes the drawn area and selects what it holds, or says what is wrong with it. */
	finishDrawing() {
		const problem = polygonProblem(this.corners);
		this.areaProblem = problem;
		if (problem) return;
		this.picking = 'none';
		this.closed = true;
		this.select(() => householdsInPolygon(this.households, this.corners));
		if (this.selectedIds.length === 0) this.areaProblem = 'empty';
	}
}
