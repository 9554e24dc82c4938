/**
 * The planning view's state (Svelte runes): what is selected and how, the drawn area, the
 * planning options and the last plan. Selection runs on the main thread (a polygon test over
 * at most a commune's households); ordering runs in the worker.
 */
import { householdsInPolygon, polygonProblem } from '../domain/routing/selection.ts';
import type { LonLat, Plan, PlanOptions } from '../domain/routing/types.ts';
import type { HouseholdStatus } from '../domain/routing/status.ts';
import { planInWorker } from './plan-client.ts';

export interface PlannerHousehold {
	id: string;
	hamletId: string | null;
	address: string;
	alleyKey: string;
	addressKey: string;
	lon: number | null;
	lat: number | null;
	doNotContact: boolean;
	routeId: string | null;
	status: HouseholdStatus;
}

export type SelectMode = 'draw' | 'hamlet' | 'alley' | 'gaps' | 'revisits';
export type Picking = 'none' | 'draw' | 'start' | 'add' | 'move';
export type AreaProblem = 'too_few_points' | 'self_intersecting' | 'empty' | null;

export class Planner {
	/** Raw state: 10,000 households must not become deep proxies (selection stays fast). */
	households: PlannerHousehold[] = $state.raw([]);
	mode: SelectMode = $state('draw');
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
	options: PlanOptions = $state({
		start: null,
		split: { mode: 'size', min: 60, max: 80 },
		walkMetersPerMinute: 67,
		minutesPerHouse: 8
	});
	startMode: 'hamlet' | 'auto' | 'map' = $state('hamlet');
	revisit = $state(false);
	plan: Plan | null = $state.raw(null);
	planMs: number | null = $state(null);
	planning = $state(false);
	names: string[] = $state([]);

	constructor(households: PlannerHousehold[]) {
		this.households = households;
	}

	/** The selected households (computed once per selection). */
	selected: PlannerHousehold[] = $derived.by(() => {
		// eslint-disable-next-line svelte/prefer-svelte-reactivity -- a temporary lookup, not state
		const ids = new Set(this.selectedIds);
		return this.households.filter((h) => ids.has(h.id));
	});

	/** Selects ids, timing the work (shown in the UI, read by the browser benchmark). */
	private select(pick: () => PlannerHousehold[]) {
		const t0 = performance.now();
		this.selectedIds = pick().map((h) => h.id);
		this.selectMs = performance.now() - t0;
		this.selectSeq++;
		this.plan = null;
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
		this.revisit = true;
	}
	clear() {
		this.selectedIds = [];
		this.corners = [];
		this.closed = false;
		this.areaProblem = null;
		this.plan = null;
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

	/** What goes to the planner: the selection minus households already on a route (unless revisiting). */
	toPlan: PlannerHousehold[] = $derived(
		this.revisit ? this.selected : this.selected.filter((h) => !h.routeId)
	);

	async generate(start: LonLat | null, defaultName: (n: number) => string) {
		this.planning = true;
		try {
			const input = this.toPlan.map((h) => ({
				id: h.id,
				lon: h.lon,
				lat: h.lat,
				alleyKey: h.alleyKey,
				addressKey: h.addressKey,
				doNotContact: h.doNotContact
			}));
			const { plan, ms } = await planInWorker(input, { ...$state.snapshot(this.options), start });
			this.plan = plan;
			this.planMs = ms;
			this.names = plan.routes.map((_, i) => defaultName(i + 1));
		} finally {
			this.planning = false;
		}
	}
}
