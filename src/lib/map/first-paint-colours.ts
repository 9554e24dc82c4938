/**
 * The first paint's colours, carried in the server's HTML (`data-paint` on its canvas) so the
 * app can draw the first view as soon as its tiles are in, before the page's components have
 * loaded and hydrated (first-paint-early.ts). One colour list and, per commune, its 5-digit code
 * and the index of its colour in base 36: "0100130100240…" (communes not listed: not yet known).
 */
import { classColor } from './feature-state.ts';

export interface PaintColours {
	colorOf: (code: string) => string;
	selectedProvince: string | null;
	selectedCommune: string | null;
}

interface Encoded {
	/** The colours, by index. */
	c: string[];
	/** Code (5 characters) + colour index (1 base-36 character), per commune. */
	k: string;
	p: string | null;
	s: string | null;
}

const CODE_LENGTH = 5;

/** The attribute for these classes, palette and selection. */
export function paintAttribute(
	classes: ReadonlyMap<string, number> | null,
	palette: readonly string[],
	selectedProvince: string | null,
	selectedCommune: string | null
): string {
	const colours: string[] = [];
	const index = new Map<string, number>();
	let k = '';
	for (const [code, cls] of classes ?? []) {
		if (code.length !== CODE_LENGTH) continue;
		const colour = classColor(cls, palette);
		let i = index.get(colour);
		if (i === undefined) {
			i = colours.push(colour) - 1;
			index.set(colour, i);
		}
		if (i >= 36) continue; // never with the map's palettes; the commune then waits for MapLibre
		k += code + i.toString(36);
	}
	const encoded: Encoded = { c: colours, k, p: selectedProvince, s: selectedCommune };
	return JSON.stringify(encoded);
}

/** The colours an attribute carries, or null when it is absent or not of this form. */
export function readPaintAttribute(attr: string | undefined): PaintColours | null {
	if (!attr) return null;
	let e: Encoded;
	try {
		e = JSON.parse(attr) as Encoded;
	} catch {
		return null;
	}
	if (!Array.isArray(e.c) || typeof e.k !== 'string') return null;
	const byCode = new Map<string, string>();
	const step = CODE_LENGTH + 1;
	for (let at = 0; at + step <= e.k.length; at += step) {
		const colour = e.c[parseInt(e.k[at + CODE_LENGTH]!, 36)];
		if (colour) byCode.set(e.k.slice(at, at + CODE_LENGTH), colour);
	}
	const pending = classColor(undefined, []);
	return {
		colorOf: (code) => byCode.get(code) ?? pending,
		selectedProvince: e.p ?? null,
		selectedCommune: e.s ?? null
	};
}
