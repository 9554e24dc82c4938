/**
 * The layout families the ordering benchmark measures the walk solver on (issue 12): the mixed
 * one it was first tuned on, hamlet clusters, and parallel alleys (as raw houses, and as keyed
 * households grouped into alley walks by the planner). Each gives a seeded walk problem.
 */
import { BENCH_START, syntheticHouseholds } from './route-fixtures.ts';
import { alleyHouseholds, alleyLayout, hamletLayout } from './route-layouts.ts';
import { walkProblem } from '../../src/lib/domain/routing/walk-order.ts';
import type { PathProblem } from '../../src/lib/domain/routing/walk.ts';

export interface LayoutFamily {
	name: string;
	/** What a stop is in this family. */
	stops: string;
	/** The walk problem of `households` households (node 0 the start). */
	problem(households: number, seed: string): PathProblem;
}

export const FAMILIES: readonly LayoutFamily[] = [
	{
		name: 'uniform-ish',
		stops: 'walk units (alleys + rural houses), as planRoutes orders them',
		problem: (n, seed) => walkProblem(syntheticHouseholds(n, seed), BENCH_START)
	},
	{ name: 'hamlets', stops: 'houses', problem: hamletLayout },
	{ name: 'alleys', stops: 'houses', problem: alleyLayout },
	{
		name: 'alleys-keyed',
		stops: 'alley walk units (walkProblem)',
		problem: (n, seed) => {
			const { households, start } = alleyHouseholds(n, seed);
			return walkProblem(households, start);
		}
	}
];

/** Seeds per family: the mixed family keeps its historical seed first. */
export const seedsFor = (family: LayoutFamily, count: number) =>
	(family.name === 'uniform-ish'
		? ['route-bench', 'u2', 'u3', 'u4', 'u5']
		: ['1', '2', '3', '4', '5']
	).slice(0, count);
