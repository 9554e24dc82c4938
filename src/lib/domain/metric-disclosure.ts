/**
 * Small-count suppression for public figures (docs/domain.md, "Metrics"): counts of 1–10, rates
 * computed from them, and anything that would let them be derived are hidden. 0 is shown.
 * It applies to the figures about people and households (MetricDefinition.smallCountRule).
 *
 * Primary rule, per figure:
 *   count       hidden when the count is 1–10;
 *   per_1000    hidden when the numerator or the denominator is 1–10;
 *   proportion  hidden when the part, the whole or the rest (whole − part) is 1–10,
 *               since part and whole are published and the rest follows from them.
 *
 * Secondary rule, per metric and parent area: a parent's numerator and denominator are the sums
 * of its children's, so hidden children can be worked out as parent − shown children. Within
 * each province (communes) and the country (provinces), more children are hidden, smallest first,
 * until what the hidden ones add up to is itself safe. A province hidden that way also hides its
 * largest commune, or its communes would add up to it.
 */
import type { MetricKind } from './metric-definitions.ts';

export const SMALL_COUNT_MIN = 1;
export const SMALL_COUNT_MAX = 10;

/** True for a count of 1–10 (0 is never small: it is shown). */
export function isSmallCount(n: number): boolean {
	return n >= SMALL_COUNT_MIN && n <= SMALL_COUNT_MAX;
}

/** True when publishing this numerator / denominator would disclose a small count. */
export function disclosesSmallCount(
	kind: MetricKind,
	numerator: number,
	denominator: number | null
): boolean {
	if (isSmallCount(numerator)) return true;
	if (kind === 'count' || denominator === null) return false;
	if (isSmallCount(denominator)) return true;
	return kind === 'proportion' && isSmallCount(denominator - numerator);
}

/** One figure in a suppression group: its counts stay known here even when hidden. */
export interface DisclosureCell {
	numerator: number;
	denominator: number | null;
	hidden: boolean;
}

const weight = (c: DisclosureCell) => c.denominator ?? c.numerator;
const contributes = (c: DisclosureCell) => c.numerator > 0 || (c.denominator ?? 0) > 0;

function hiddenSumDiscloses(kind: MetricKind, cells: readonly DisclosureCell[]): boolean {
	const hidden = cells.filter((c) => c.hidden);
	if (hidden.length === 0) return false;
	const num = hidden.reduce((s, c) => s + c.numerator, 0);
	const den = kind === 'count' ? null : hidden.reduce((s, c) => s + (c.denominator ?? 0), 0);
	return disclosesSmallCount(kind, num, den);
}

/**
 * Secondary suppression for the children of one shown parent: hides further children, smallest
 * contribution first, until the hidden children's sums disclose nothing. Mutates `hidden`.
 * @returns the cells it hid.
 */
export function protectGroup(kind: MetricKind, children: DisclosureCell[]): DisclosureCell[] {
	const added: DisclosureCell[] = [];
	while (hiddenSumDiscloses(kind, children)) {
		const next = children
			.filter((c) => !c.hidden && contributes(c))
			.sort((a, b) => weight(a) - weight(b) || a.numerator - b.numerator)[0];
		// Unreachable with consistent sums (all children hidden = the parent, which is safe).
		if (!next) break;
		next.hidden = true;
		added.push(next);
	}
	return added;
}

/**
 * For a province hidden by the secondary rule: hides its largest commune unless one that
 * contributes is hidden already, so the communes do not add up to the province.
 */
export function protectHiddenParent(children: DisclosureCell[]): void {
	if (children.some((c) => c.hidden && contributes(c))) return;
	const largest = children
		.filter(contributes)
		.sort((a, b) => weight(b) - weight(a) || b.numerator - a.numerator)[0];
	if (largest) largest.hidden = true;
}
