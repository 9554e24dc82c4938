/**
 * The plan result tells the leader how many households stand off the street network (their
 * distances are straight lines × 1.3): in Vietnamese and English, with vi-VN numbers, and only
 * when there are some. The panel is rendered on the server (svelte/server) from a real plan.
 */
import { describe, expect, it } from 'vitest';
import { render } from 'svelte/server';
import TeamPlanResult from '../../src/lib/components/plan/TeamPlanResult.svelte';
import { loadLocale, translator, type Locale } from '../../src/lib/i18n/index.ts';
import { planTeam } from '../../src/lib/domain/routing/team-plan.ts';
import { buildStreetGraph } from '../../src/lib/domain/streets/build.ts';
import { DEFAULT_SNAP_MAX_M } from '../../src/lib/domain/streets/snap.ts';
import { PlanDraft } from '../../src/lib/plan/plan-draft.svelte.ts';
import { at, house, options } from './support/team-world.ts';

// The pages render in English too (the browser loads it on demand; see i18n/index.ts).
await loadLocale('en');

/** One street along y = 0 from x = 0 to 300 m. */
const STREET = buildStreetGraph([{ kind: 'street', coords: [at(0, 0), at(300, 0)] }]);

/** The result panel's text for houses at these distances north of the street (metres). */
function panel(locale: Locale, offsets: number[]): string {
	const plan = planTeam({
		households: offsets.map((y, i) => house(20 + i * 20, y, null)),
		hamlets: [],
		members: [{ id: 'm1', sessionMinutes: 240, start: { kind: 'first' } }],
		options: options({ travelMode: 'foot', days: ['2026-12-07'] }),
		streets: STREET
	});
	const d = new PlanDraft(plan, 12, (_, n) => `Chuyến ${n}`);
	const { body } = render(TeamPlanResult, {
		props: {
			t: translator(locale),
			d,
			days: ['2026-12-07'],
			members: [{ id: 'm1', name: 'Lan' }],
			alreadyPlanned: 0,
			saving: false,
			onsave: () => {},
			ondiscard: () => {},
			onshow: () => {}
		}
	});
	return body.replace(/<!--[^>]*-->/g, '').replace(/\s+/g, ' ');
}

describe('the plan result and households off the street network', () => {
	it.each([
		['vi', '2 hộ ở xa đường (quá 60 m): khoảng cách ước tính theo đường thẳng'],
		['en', '2 households far from the streets (over 60 m): distances estimated in a straight line']
	] as const)('counts them in %s', (locale, text) => {
		expect(panel(locale, [5, 80, 100])).toContain(`data-testid="plan-off-network">${text}`);
	});

	it('says nothing when every household is near a street', () => {
		expect(panel('vi', [5, 30, 50])).not.toContain('plan-off-network');
	});

	it.each([
		['vi', 1234, '1.234 hộ ở xa đường (quá 60 m)'],
		['en', 1234, '1.234 households far from the streets (over 60 m)']
	] as const)('writes the count with vi-VN digits in %s', (locale, count, start) => {
		const text = translator(locale)('teamPlan.offNetwork', { count, m: DEFAULT_SNAP_MAX_M });
		expect(text.startsWith(start)).toBe(true);
	});
});
