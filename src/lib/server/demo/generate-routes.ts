/**
 * Demo routes: in the demo account's commune and a few town wards, each hamlet team gets its
 * first outing planned with the real planner (alley walks from the hamlet's point) over part of
 * its hamlet and assigned to a member for the coming days; the rest of the hamlet stays a gap
 * for the leader to plan. Pure: records in, plan inputs out (written by seed.ts through the
 * route write function).
 */
import type { RoutePlanInput } from '../db/schema/routes.input.ts';
import { planRoutes } from '../../domain/routing/plan.ts';
import { parseAddress } from '../../domain/address.ts';
import { DEFAULT_PLAN_OPTIONS } from '../../domain/routing/types.ts';
import { Rng } from './rng.ts';
import { DAY_MS, type DemoRecords } from './types.ts';

/** Share of a hamlet's households on its first outing; the rest are left to plan. */
const FIRST_OUTING_SHARE = 0.6;

const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/**
 * One plan per hamlet team of the given communes (active teams with active members).
 * @returns route plan inputs with deterministic ids.
 */
export function demoRoutePlans(
	r: DemoRecords,
	communeCodes: ReadonlySet<string>,
	seed: string,
	now: number
): RoutePlanInput[] {
	const plans: RoutePlanInput[] = [];
	for (const team of r.teams) {
		if (!team.hamletId || team.active === false || !communeCodes.has(team.communeCode)) continue;
		const hamlet = r.hamlets.find((h) => h.id === team.hamletId);
		const members = r.members
			.filter((m) => m.teamId === team.id && m.active !== false)
			.sort((a, b) => a.fullName.localeCompare(b.fullName, 'vi'));
		const households = r.households.filter((h) => h.hamletId === team.hamletId);
		if (!hamlet || members.length === 0 || households.length < 4) continue;
		const start: [number, number] | null =
			hamlet.lon != null && hamlet.lat != null ? [hamlet.lon, hamlet.lat] : null;
		const plan = planRoutes(
			households.map((h) => {
				const keys = parseAddress(h.address);
				return {
					id: h.id,
					lon: h.lon ?? null,
					lat: h.lat ?? null,
					alleyKey: keys.alleyKey,
					addressKey: keys.addressKey,
					doNotContact: h.doNotContact ?? false
				};
			}),
			{ ...DEFAULT_PLAN_OPTIONS, start }
		);
		const walk = plan.routes.flatMap((x) => x.householdIds);
		if (walk.length < 2) continue;
		const rng = new Rng(`${seed}|routes|${team.id}`);
		plans.push({
			provinceCode: team.provinceCode,
			communeCode: team.communeCode,
			teamId: team.id,
			start,
			isDemo: true,
			createdAt: now,
			routes: [
				{
					id: rng.uuid7(now),
					name: `${hamlet.name} — chuyến 1`,
					householdIds: walk.slice(0, Math.ceil(walk.length * FIRST_OUTING_SHARE)),
					assigneeMemberId: members[0]!.id,
					plannedOn: isoDay(now + rng.int(1, 3) * DAY_MS)
				}
			]
		});
	}
	return plans;
}
