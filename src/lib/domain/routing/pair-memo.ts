/**
 * Numbers remembered by a pair of small integers (a node pair's metres along the streets), in
 * an open-addressing table of typed arrays: the walk solver asks for the same near pairs
 * millions of times, and a Map of number keys was most of its time (bench/street-plan.ts).
 */
export class PairMemo {
	private keys = new Int32Array(1024).fill(-1);
	private vals = new Float64Array(1024);
	private size = 0;

	private slot(key: number): number {
		const mask = this.keys.length - 1;
		let i = Math.imul(key, 0x9e3779b1) >>> 0;
		for (;;) {
			i &= mask;
			const k = this.keys[i]!;
			if (k === key || k === -1) return i;
			i++;
		}
	}

	/** The value for key (a non-negative integer below 2³¹), or NaN when none is held. */
	get(key: number): number {
		const i = this.slot(key);
		return this.keys[i] === key ? this.vals[i]! : NaN;
	}

	set(key: number, value: number): void {
		if ((this.size + 1) * 2 > this.keys.length) this.grow();
		const i = this.slot(key);
		if (this.keys[i] !== key) this.size++;
		this.keys[i] = key;
		this.vals[i] = value;
	}

	private grow(): void {
		const [keys, vals] = [this.keys, this.vals];
		this.keys = new Int32Array(keys.length * 2).fill(-1);
		this.vals = new Float64Array(vals.length * 2);
		for (let i = 0; i < keys.length; i++) {
			if (keys[i] === -1) continue;
			const j = this.slot(keys[i]!);
			this.keys[j] = keys[i]!;
			this.vals[j] = vals[i]!;
		}
	}
}
