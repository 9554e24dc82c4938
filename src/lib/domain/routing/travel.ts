/**
 * How long getting about takes, by travel mode. On foot every leg is walked. By motorbike or
 * bicycle a member rides between distant houses and walks within an alley or a cluster of
 * houses: a leg longer than `rideAboveM` (straight line) is ridden, at riding speed plus a fixed
 * cost (parking, helmet, lock); the shorter legs are walked, and before riding on the member
 * walks back to where the bike stands (the first house of that walking stretch).
 * Straight lines × DETOUR_FACTOR stand in for distances along the streets.
 */
import type { TravelMode } from './outing-kinds.ts';
import { DETOUR_FACTOR } from './types.ts';

export interface TravelModel {
	mode: TravelMode;
	/** Walking speed, metres per minute (4 km/h ≈ 67). */
	walkMPerMin: number;
	/** Riding speed, metres per minute (unused on foot). */
	rideMPerMin: number;
	/** Minutes added to every ride (parking, helmet, lock). */
	rideOverheadMin: number;
	/** Legs longer than this (straight line, metres) are ridden; Infinity on foot. */
	rideAboveM: number;
}

/** Walking pace when none is given: 4 km/h, an unhurried pace with elderly residents about. */
export const DEFAULT_WALK_M_PER_MIN = 67;

/**
 * Riding on village roads and lanes: a motorbike about 20 km/h, a bicycle about 10 km/h; a
 * motorbike is parked for legs under ~250 m (walking is as quick and the lanes are narrow).
 */
const RIDING: Record<Exclude<TravelMode, 'foot'>, Omit<TravelModel, 'mode' | 'walkMPerMin'>> = {
	motorbike: { rideMPerMin: 333, rideOverheadMin: 1.5, rideAboveM: 250 },
	bicycle: { rideMPerMin: 167, rideOverheadMin: 0.5, rideAboveM: 120 }
};

/** The travel model of a mode at a walking pace (metres per minute). */
export function travelModel(mode: TravelMode, walkMPerMin = DEFAULT_WALK_M_PER_MIN): TravelModel {
	if (mode === 'foot')
		return {
			mode,
			walkMPerMin,
			rideMPerMin: walkMPerMin,
			rideOverheadMin: 0,
			rideAboveM: Infinity
		};
	return { mode, walkMPerMin, ...RIDING[mode] };
}

/** True when a leg of `straightM` metres is ridden. */
export const isRide = (m: TravelModel, straightM: number) => straightM > m.rideAboveM;

/** Minutes to walk `straightM` metres (straight line; the detour is added here). */
export const walkMinutes = (m: TravelModel, straightM: number) =>
	(straightM * DETOUR_FACTOR) / m.walkMPerMin;

/** Minutes for one leg, ridden or walked by its length (without any walk back to the bike). */
export function legMinutes(m: TravelModel, straightM: number): number {
	if (!isRide(m, straightM)) return walkMinutes(m, straightM);
	return (straightM * DETOUR_FACTOR) / m.rideMPerMin + m.rideOverheadMin;
}
