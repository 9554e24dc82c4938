/**
 * Which travel modes may use which street:
 * - on foot: everything (roads, streets, alleys, footpaths);
 * - by bicycle: everything too (a bicycle is pushed along a footpath or up a narrow alley);
 * - by motorbike: roads and streets, and alleys wide enough for one (ALLEY_MOTORBIKE_MIN_WIDTH_M,
 *   or of unknown width: most city alleys are ridden); never footpaths (field paths, steps,
 *   dykes' tops).
 * An edge keeps the union of the modes of the lines drawn over it.
 */
import type { StreetLine, TravelMode } from './types.ts';

/** One bit per travel mode, in an edge's mode mask. */
export const MODE_BITS: Readonly<Record<TravelMode, number>> = {
	foot: 1,
	bicycle: 2,
	motorbike: 4
};

/** Every mode: the mask of roads and streets. */
export const ALL_MODES = MODE_BITS.foot | MODE_BITS.bicycle | MODE_BITS.motorbike;

/** An alley narrower than this (metres) is walked, not ridden: a motorbike cannot turn in it. */
export const ALLEY_MOTORBIKE_MIN_WIDTH_M = 2;

/** The mode mask of a street line, by its kind and width. */
export function lineModes(line: Pick<StreetLine, 'kind' | 'widthM'>): number {
	switch (line.kind) {
		case 'road':
		case 'street':
			return ALL_MODES;
		case 'alley':
			return line.widthM === undefined || line.widthM >= ALLEY_MOTORBIKE_MIN_WIDTH_M
				? ALL_MODES
				: MODE_BITS.foot | MODE_BITS.bicycle;
		case 'path':
			return MODE_BITS.foot | MODE_BITS.bicycle;
	}
}
