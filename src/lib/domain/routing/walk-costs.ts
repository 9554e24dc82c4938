/**
 * The cost of any stretch of an ordered walk, in O(1): the minutes and metres of an outing made
 * of houses [a, b) of the walk, reached from its start. Prefix sums over the legs make every
 * candidate outing of the splitter (optimal-split.ts) cheap to price, and the same class prices
 * a stored route (estimate.ts), so planner and server agree to the minute.
 *
 * Riding modes (travel.ts): a walking stretch starts where the bike is parked (the outing's
 * first house, or the house a ride arrived at); before each ride, and at the end of the
 * outing, the member walks back to the bike.
 */
import { isRide, legMinutes, walkMinutes, type TravelModel } from './travel.ts';
import { DETOUR_FACTOR } from './types.ts';

export interface OutingCost {
	/** Path length start → first house → … → last house, metres (× detour). */
	distanceM: number;
	/** Getting about: the trip to the first house, legs, walks back to the bike. */
	travelMinutes: number;
	/** Travel plus the time at every house. */
	minutes: number;
}

export class WalkCosts {
	readonly n: number;
	readonly model: TravelModel;
	readonly minutesPerHouse: number;
	private readonly xs: ArrayLike<number>;
	private readonly ys: ArrayLike<number>;
	private readonly legMeasure: ((i: number, j: number) => number) | null;
	/** legMin[k], legM[k]: prefix sums over legs 1..k (leg k goes from house k-1 to k). */
	private readonly legMin: Float64Array;
	private readonly legM: Float64Array;
	/** First house of the walking stretch house k belongs to (riding modes). */
	private readonly runStart: Int32Array;
	/** back[k]: prefix sum of the walks back to the bike before rides leaving houses < k. */
	private readonly back: Float64Array;
	/** nextRide[a]: first k ≥ a from which a ride leaves (to k + 1); n when none. */
	private readonly nextRide: Int32Array;

	/**
	 * @param xs, ys the houses in walking order, metres in a local projection.
	 * @param minutesPerHouse time at each house.
	 * @param legM metres as the member goes between houses i and j of the walk (detour
	 *   included, e.g. along the streets); default: the straight line × DETOUR_FACTOR.
	 */
	constructor(
		xs: ArrayLike<number>,
		ys: ArrayLike<number>,
		model: TravelModel,
		minutesPerHouse: number,
		legM?: (i: number, j: number) => number
	) {
		const n = (this.n = xs.length);
		this.model = model;
		this.minutesPerHouse = minutesPerHouse;
		this.xs = xs;
		this.ys = ys;
		this.legMeasure = legM ?? null;
		this.legMin = new Float64Array(n + 1);
		this.legM = new Float64Array(n + 1);
		this.runStart = new Int32Array(n);
		this.back = new Float64Array(n + 1);
		this.nextRide = new Int32Array(n + 1).fill(n);
		for (let k = 1; k < n; k++) {
			const d = this.dist(k - 1, k);
			this.legMin[k] = this.legMin[k - 1]! + legMinutes(model, d);
			this.legM[k] = this.legM[k - 1]! + d;
			this.runStart[k] = isRide(model, d) ? k : this.runStart[k - 1]!;
		}
		for (let k = 0; k < n; k++) {
			const ridesOn = k + 1 < n && this.runStart[k + 1] === k + 1;
			this.back[k + 1] = this.back[k]! + (ridesOn ? this.walkBack(this.runStart[k]!, k) : 0);
		}
		for (let k = n - 2; k >= 0; k--)
			this.nextRide[k] = this.runStart[k + 1] === k + 1 ? k : this.nextRide[k + 1]!;
	}

	/** Straight-line metres between houses i and j (or a measured leg's length ÷ detour). */
	dist(i: number, j: number): number {
		if (this.legMeasure) return this.legMeasure(i, j) / DETOUR_FACTOR;
		return Math.hypot(this.xs[i]! - this.xs[j]!, this.ys[i]! - this.ys[j]!);
	}

	/** Minutes walking back from house k to the bike at house `from` (0 on foot). */
	private walkBack(from: number, k: number): number {
		return this.model.mode === 'foot' || from === k
			? 0
			: walkMinutes(this.model, this.dist(from, k));
	}

	/**
	 * Travel minutes of houses [a, b) without the trip to a: legs, and the walks back to the
	 * bike (the first walking stretch starts at a, where the bike is parked).
	 */
	private inside(a: number, b: number): number {
		let t = this.legMin[b - 1]! - this.legMin[a]!;
		t += this.back[b - 1]! - this.back[a]!;
		const first = this.nextRide[a]!;
		if (first < b - 1 && this.runStart[first]! < a)
			t += this.walkBack(a, first) - this.walkBack(this.runStart[first]!, first);
		const lastRun = Math.max(a, this.runStart[b - 1]!);
		return t + this.walkBack(lastRun, b - 1);
	}

	/**
	 * Cost of the outing made of houses [a, b) (a < b), the first one reached over `reachM`
	 * straight-line metres (or a measured reach ÷ detour) from the outing's start (0 when it starts at the first house).
	 */
	cost(a: number, b: number, reachM: number): OutingCost {
		const travelMinutes = (reachM > 0 ? legMinutes(this.model, reachM) : 0) + this.inside(a, b);
		return {
			distanceM: (reachM + this.legM[b - 1]! - this.legM[a]!) * DETOUR_FACTOR,
			travelMinutes,
			minutes: travelMinutes + (b - a) * this.minutesPerHouse
		};
	}

	/**
	 * A lower bound of minutes(a', b, ·) for every a' ≤ a that never falls as a falls: time at
	 * the houses plus the legs between them (the splitter stops its search once it passes).
	 */
	bound(a: number, b: number): number {
		return (b - a) * this.minutesPerHouse + this.legMin[b - 1]! - this.legMin[a]!;
	}

	/** Minutes of the outing [a, b) (see cost), without building an object: the splitter's hot path. */
	minutes(a: number, b: number, reachM: number): number {
		const reach = reachM > 0 ? legMinutes(this.model, reachM) : 0;
		return reach + this.inside(a, b) + (b - a) * this.minutesPerHouse;
	}
}
