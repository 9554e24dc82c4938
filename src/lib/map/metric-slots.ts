/**
 * Which metric each commune fill layer ("slot") holds. The map has a few fill layers over the
 * same tiles, each colouring communes from its own feature-state keys; one is shown at a time.
 * Going back to a metric a slot still holds is then a change of which layer is shown (a
 * constant paint property: no per-feature work, no tile reload), not 3,321 recolours.
 *
 * The slot count is a trade: every state change re-evaluates every slot layer's colours for the
 * communes it touches, so each slot makes filling a slot with a new metric dearer (measured
 * in bench/map-load.ts). Pure bookkeeping; ./feature-state.ts applies it to the map.
 */

/** Fill layers for metrics: the three most recently shown metrics switch without recolouring. */
export const METRIC_SLOTS = 3;

export interface SlotPlace {
	index: number;
	/**
	 * Per commune, the class and colour the slot has (see applyClasses): kept while a slot holds
	 * the same metric, so only what changed is written; reused when the slot takes another metric,
	 * so a commune with the same colour under both keeps it for free.
	 */
	shown: Map<string, string>;
}

export class MetricSlots {
	/** The metric key each slot holds ('' for none yet). */
	readonly keys: string[];
	private readonly shown: Map<string, string>[];
	/** Slot indexes, least recently shown first. */
	private readonly order: number[];

	constructor(count = METRIC_SLOTS) {
		if (!Number.isInteger(count) || count < 1) throw new RangeError(`slot count ${count}`);
		this.keys = Array.from({ length: count }, () => '');
		this.shown = Array.from({ length: count }, () => new Map());
		this.order = Array.from({ length: count }, (_, i) => i);
	}

	/**
	 * The slot to show `key` in: the one holding it, else an empty one, else the least recently
	 * shown. Marks it the most recently shown.
	 */
	place(key: string): SlotPlace {
		let index = this.keys.indexOf(key);
		if (index === -1) {
			const empty = this.keys.indexOf('');
			index = empty === -1 ? this.order[0]! : empty;
			this.keys[index] = key;
		}
		this.order.splice(this.order.indexOf(index), 1);
		this.order.push(index);
		return { index, shown: this.shown[index]! };
	}
}
