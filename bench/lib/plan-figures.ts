/**
 * Figures of a set of plans, the same for the team planner ("after") and the previous planner
 * re-priced with the same cost model ("before"), so the two compare: outings, km, hours, per
 * household, outings over their session (with or without a reason), the largest outing,
 * outings across hamlets, and the spread of work over members.
 */
import type { OutingFlag } from '../../src/lib/domain/routing/outing-kinds.ts';
import type { Load } from '../../src/lib/domain/routing/team-plan-types.ts';

/** What the figures need of an outing, whichever planner made it. */
export interface BenchOuting {
	householdIds: string[];
	distanceM: number;
	minutes: number;
	sessionMinutes: number;
	flag: OutingFlag | null;
}

/** Flags that say why an outing is longer than its session (alley_split does not). */
const REASONS: ReadonlySet<OutingFlag | null> = new Set(['too_far', 'session_too_short']);

export class Tally {
	plans = 0;
	outings = 0;
	households = 0;
	distanceM = 0;
	minutes = 0;
	overFlagged = 0;
	overUnflagged = 0;
	multiHamlet = 0;
	unscheduled = 0;
	/** Households and km of the smallest and largest outing by each measure. */
	range = { hh: [Infinity, 0], km: [Infinity, 0] };
	largest = { households: 0, minutes: 0, km: 0 };
	longest = { households: 0, minutes: 0, km: 0 };
	/** Per plan with at least two members: the most and least loaded member's minutes. */
	loadMax: number[] = [];
	loadMin: number[] = [];

	/**
	 * Adds one plan's outings.
	 * @param hamletOf a household's hamlet (for outings that span hamlets).
	 * @param members the plan's per-member loads; omitted when the planner assigns no one.
	 */
	add(
		outings: readonly BenchOuting[],
		hamletOf: ReadonlyMap<string, string | null>,
		members?: readonly Load[],
		unscheduled = 0
	) {
		this.plans++;
		this.unscheduled += unscheduled;
		for (const o of outings) this.addOuting(o, hamletOf);
		if (members && members.length >= 2) {
			const m = members.map((l) => l.minutes);
			this.loadMax.push(Math.max(...m));
			this.loadMin.push(Math.min(...m));
		}
	}

	private addOuting(o: BenchOuting, hamletOf: ReadonlyMap<string, string | null>) {
		const n = o.householdIds.length;
		this.outings++;
		this.households += n;
		this.distanceM += o.distanceM;
		this.minutes += o.minutes;
		if (o.minutes > o.sessionMinutes) {
			if (REASONS.has(o.flag)) this.overFlagged++;
			else this.overUnflagged++;
		}
		const hamlets = new Set(o.householdIds.map((id) => hamletOf.get(id) ?? null));
		if (hamlets.size >= 2) this.multiHamlet++;
		const shape = { households: n, minutes: o.minutes, km: o.distanceM / 1000 };
		this.range.hh = [Math.min(this.range.hh[0]!, n), Math.max(this.range.hh[1]!, n)];
		this.range.km = [Math.min(this.range.km[0]!, shape.km), Math.max(this.range.km[1]!, shape.km)];
		if (n > this.largest.households) this.largest = shape;
		if (o.minutes > this.longest.minutes) this.longest = shape;
	}
}

const mean = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
const n0 = (x: number) => Math.round(x).toLocaleString('en');
const n1 = (x: number) => x.toLocaleString('en', { maximumFractionDigits: 1 });
const n2 = (x: number) => x.toFixed(2);

/** What `tallyColumn` gives, one line each. */
export const TALLY_LINES = [
	'plans',
	'outings',
	'households on outings',
	'total km',
	'total hours',
	'km per household',
	'minutes per household',
	'over session, flagged',
	'over session, UNFLAGGED',
	'largest: hh, min, km',
	'longest: hh, min, km',
	'households per outing',
	'km per outing',
	'outings over ≥2 hamlets',
	'member load max / min',
	'unscheduled outings'
];

/** One variant's figures, in the order of TALLY_LINES. */
export function tallyColumn(t: Tally): string[] {
	const shape = (s: Tally['largest']) => `${s.households}, ${n0(s.minutes)}, ${n1(s.km)}`;
	return [
		n0(t.plans),
		n0(t.outings),
		n0(t.households),
		n1(t.distanceM / 1000),
		n1(t.minutes / 60),
		n2(t.households ? t.distanceM / 1000 / t.households : 0),
		n2(t.households ? t.minutes / t.households : 0),
		n0(t.overFlagged),
		n0(t.overUnflagged),
		shape(t.largest),
		shape(t.longest),
		t.outings ? `${t.range.hh[0]}–${t.range.hh[1]}` : '—',
		t.outings ? `${n1(t.range.km[0]!)}–${n1(t.range.km[1]!)}` : '—',
		n0(t.multiHamlet),
		t.loadMax.length ? `${n0(mean(t.loadMax))} / ${n0(mean(t.loadMin))} min` : 'n/a',
		n0(t.unscheduled)
	];
}

/** Prints variants side by side: a column of figures each, a line per figure. */
export function printTallies(names: readonly string[], tallies: readonly Tally[], indent = '  ') {
	const cols = tallies.map(tallyColumn);
	printTable(
		['', ...names],
		TALLY_LINES.map((line, i) => [line, ...cols.map((c) => c[i]!)]),
		indent
	);
}

/** Prints rows as a plain aligned table (columns padded to their widest cell). */
export function printTable(head: readonly string[], rows: readonly string[][], indent = '  ') {
	const all = [head, ...rows];
	const width = head.map((_, i) => Math.max(...all.map((r) => (r[i] ?? '').length)));
	for (const r of all)
		console.log(
			indent + r.map((c, i) => (i === 0 ? c.padEnd(width[i]!) : c.padStart(width[i]!))).join('  ')
		);
}
