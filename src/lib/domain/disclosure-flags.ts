/**
 * The read side of the protection across time and geography (issue 16 §8, docs/disclosure.md):
 * public figures as published, with the cells the metrics job hid (disclosure-publish.ts) marked
 * suppressed. Where the job's protection is current for a metric and period (`covered`), it
 * replaces the cross-section's protection of sums (the primary rule always applies): the job's
 * protection already holds every cross-section's sums, and adding another rule's choices on top
 * could leave a cell hidden that the rest of the publication determines. Elsewhere (never
 * protected yet, outdated, a month before the window) the cross-section's rule applies as before,
 * with any flags the job left.
 */
import type { PublicAreaMetrics, SumsRule } from './metrics.ts';
import { COUNTRY_CODE } from './disclosure-publish.ts';

export interface PublishedFlags {
	/** Hidden cells as `metric|period|code` (flagKey). */
	hidden: ReadonlySet<string>;
	/** `metric|period` whose flags are current: they replace the cross-section's rule. */
	covered: ReadonlySet<string>;
}

export const NO_FLAGS: PublishedFlags = { hidden: new Set(), covered: new Set() };

export const flagKey = (metric: string, period: string, code: string) =>
	`${metric}|${period}|${code}`;

/** The code a flag names an area by: the country is "VN". */
export const flagCode = (a: { level: string; code: string }) =>
	a.level === 'country' ? COUNTRY_CODE : a.code;

/** For toPublicMetrics / toPublicMonth: the cross-section's rule where the flags do not cover. */
export const sumsRule =
	(flags: PublishedFlags, period: string): SumsRule =>
	(key) =>
		!flags.covered.has(`${key}|${period}`);

/**
 * Public figures of `period` with the job's hidden cells suppressed (a figure with a value
 * becomes suppressed; "no data" stays as it is).
 * @returns new area entries; the input is not changed.
 */
export function withHidden(
	areas: readonly PublicAreaMetrics[],
	period: string,
	flags: PublishedFlags
): PublicAreaMetrics[] {
	if (flags.hidden.size === 0) return [...areas];
	return areas.map((a) => ({
		...a,
		metrics: a.metrics.map((m) =>
			m.status === 'value' && flags.hidden.has(flagKey(m.key, period, flagCode(a)))
				? { ...m, status: 'suppressed' as const, value: null, numerator: null, denominator: null }
				: m
		)
	}));
}
