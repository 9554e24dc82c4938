/**
 * A seeded random source for the demo generator: same seed → same data, on every machine.
 * Each commune gets its own stream (seed + commune code), so limiting or reordering the
 * communes never changes what one commune gets.
 */
import seedrandom from 'seedrandom';
import { v7 } from 'uuid';

export class Rng {
	private readonly next: () => number;

	constructor(seed: string) {
		this.next = seedrandom(seed);
	}

	/** Uniform in [0, 1). */
	float(): number {
		return this.next();
	}

	/** Integer in [min, max], both included. */
	int(min: number, max: number): number {
		return min + Math.floor(this.next() * (max - min + 1));
	}

	/** True with probability p. */
	chance(p: number): boolean {
		return this.next() < p;
	}

	/** One element of a non-empty array. */
	pick<T>(items: readonly T[]): T {
		return items[Math.floor(this.next() * items.length)]!;
	}

	/** One key by weight: { met: 68, not_home: 20 } → 'met' about 77 % of the time. */
	weighted<K extends string>(weights: Readonly<Record<K, number>>): K {
		const entries = Object.entries(weights) as [K, number][];
		let r = this.next() * entries.reduce((s, [, w]) => s + w, 0);
		for (const [k, w] of entries) {
			r -= w;
			if (r < 0) return k;
		}
		return entries[entries.length - 1]![0];
	}

	/** Standard normal (Box–Muller). */
	normal(): number {
		const u = 1 - this.next();
		return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * this.next());
	}

	/** Successes out of n trials with probability p. */
	binomial(n: number, p: number): number {
		let k = 0;
		for (let i = 0; i < n; i++) if (this.next() < p) k++;
		return k;
	}

	/** A copy of items in random order (Fisher–Yates). */
	shuffle<T>(items: readonly T[]): T[] {
		const out = [...items];
		for (let i = out.length - 1; i > 0; i--) {
			const j = Math.floor(this.next() * (i + 1));
			[out[i], out[j]] = [out[j]!, out[i]!];
		}
		return out;
	}

	/** A UUIDv7 for time `msecs` with seeded random bits: deterministic ids. */
	uuid7(msecs: number): string {
		const random = new Uint8Array(16);
		for (let i = 0; i < 16; i++) random[i] = Math.floor(this.next() * 256);
		return v7({ msecs, random });
	}
}
