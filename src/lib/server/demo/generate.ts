/**
 * The demo generator: synthetic but plausible hamlets, teams, members, households and visits
 * for one commune, from a seed. Pure (no database, no files): same seed, commune and `now` →
 * the same records, ids included.
 */
import type { HamletInput } from '../db/schema/hamlets.input.ts';
import type { HouseholdInput } from '../db/schema/households.input.ts';
import { randomInside, type LonLat } from './geo.ts';
import { layHamlet } from './layout.ts';
import { connectingRoads, joinCrossings, streetsOf, type LaidLine } from './streets.ts';
import { demoPhone, personName, streetsOf as streetNames } from './names.ts';
import { hamletName, ruralAddresses, urbanAddresses } from './places.ts';
import { makeTeam, type TeamWithMembers } from './generate-teams.ts';
import { householdVisits } from './generate-visits.ts';
import { Rng } from './rng.ts';
import { DAY_MS, type CommuneProfile, type DemoCommune, type DemoRecords } from './types.ts';

function profile(rng: Rng): CommuneProfile {
	const stage = rng.weighted({ nothing: 5, teams_only: 6, visiting: 89 });
	// About one commune in twelve has households but has not started visiting.
	const progress = rng.chance(0.08) ? 0 : 0.15 + rng.float() * 0.75;
	return { stage, progress, adoption: 0.6 + rng.float() * 0.8 };
}

/** Adults per household: 1 (10 %), 2 (35 %), 3 (25 %), 4 (18 %), 5 (8 %), 6 (4 %). */
const ADULTS = [10, 35, 25, 18, 8, 4].flatMap((weight, i) => Array<number>(weight).fill(i + 1));

function makeHamlets(rng: Rng, c: DemoCommune, urban: boolean, now: number): HamletInput[] {
	const taken = new Set<string>();
	const count = urban ? rng.int(5, 9) : rng.int(6, 12);
	return Array.from({ length: count }, (_, i) => {
		const createdAt = now - rng.int(400, 600) * DAY_MS;
		const [lon, lat] = randomInside(rng, c.shape);
		return {
			id: rng.uuid7(createdAt),
			provinceCode: c.provinceCode,
			communeCode: c.code,
			...hamletName(rng, c.provinceCode, urban, i, taken),
			lon,
			lat,
			isDemo: true,
			createdAt
		};
	});
}

/** A hamlet's households on the streets laid out with them (`map` gets the lines). */
function makeHouseholds(
	rng: Rng,
	c: DemoCommune,
	hamlet: HamletInput,
	urban: boolean,
	now: number,
	map: { lines: LaidLine[]; centres: LonLat[] }
) {
	const streets = rng.shuffle(streetNames(c.provinceCode)).slice(0, 3);
	const scale = c.hamletScale ?? 1;
	const count = Math.round((urban ? rng.int(14, 30) : rng.int(10, 24)) * scale);
	const houses = urban
		? urbanAddresses(rng, c.provinceCode, streets, count)
		: ruralAddresses(rng, hamlet.name, count);
	const town = urban ? { streets, word: c.provinceCode === '01' ? 'Phố' : 'Đường' } : null;
	const spread = (urban ? 80 : 250) * Math.sqrt(scale);
	const layout = layHamlet(rng, c.shape, [hamlet.lon!, hamlet.lat!], houses, town, spread);
	map.lines.push(...layout.lines);
	map.centres.push(layout.centre);
	const points = layout.points;
	return houses.map((h, i): HouseholdInput => {
		const createdAt = now - rng.int(200, 560) * DAY_MS;
		const adults = rng.pick(ADULTS);
		return {
			id: rng.uuid7(createdAt),
			provinceCode: c.provinceCode,
			communeCode: c.code,
			hamletId: hamlet.id,
			address: h.address,
			lon: points[i]![0],
			lat: points[i]![1],
			locationStatus: 'exact',
			adults,
			headName: rng.chance(0.7)
				? personName(rng, c.provinceCode, rng.chance(0.5) ? 'male' : 'female')
				: null,
			headPhone: rng.chance(0.35) ? demoPhone(rng) : null,
			isDemo: true,
			createdAt
		};
	});
}

function activeMemberIds(t: TeamWithMembers | undefined): string[] {
	if (!t || !t.team.active) return [];
	return t.members.filter((m) => m.active !== false).map((m) => m.id);
}

interface HamletVisiting {
	profile: CommuneProfile;
	now: number;
	/** Members who visit: the hamlet's own team, else the commune-wide team. */
	memberIds: string[];
	/** The hamlet has an active team of its own (visits there are three times likelier). */
	covered: boolean;
}

/** Adds the hamlet's households and, for a share of them, their visits. */
function visitHamlet(rng: Rng, out: DemoRecords, households: HouseholdInput[], v: HamletVisiting) {
	const reach = v.covered ? v.profile.progress : v.profile.progress * 0.3;
	const ctx = { now: v.now, adoption: v.profile.adoption, memberIds: v.memberIds };
	for (const hh of households) {
		if (rng.chance(reach)) {
			const history = householdVisits(rng, hh, ctx);
			out.visits.push(...history.visits);
			hh.doNotContact = history.doNotContact;
			hh.consent = history.met && rng.chance(0.9);
		}
		out.households.push(hh);
	}
}

/**
 * All demo records of one commune for `seed` at time `now` (epoch ms).
 * @returns records for the write functions; empty lists for a commune that "entered nothing".
 */
export function generateCommune(c: DemoCommune, seed: string, now: number): DemoRecords {
	const rng = new Rng(`${seed}|${c.code}`);
	const out: DemoRecords = {
		hamlets: [],
		teams: [],
		members: [],
		households: [],
		visits: [],
		streets: []
	};
	const p = profile(rng);
	if (p.stage === 'nothing') return out;
	const urban = c.unitType === 'Phường';
	const hamlets = p.stage === 'visiting' ? makeHamlets(rng, c, urban, now) : [];
	const teamOf = new Map<string, TeamWithMembers>();
	for (const h of hamlets) if (rng.chance(0.85)) teamOf.set(h.id, makeTeam(rng, c, h, now));
	const communeTeams = Array.from(
		{ length: hamlets.length === 0 ? rng.int(1, 3) : rng.int(0, 1) },
		() => makeTeam(rng, c, null, now)
	);
	for (const t of [...teamOf.values(), ...communeTeams]) {
		out.teams.push(t.team);
		out.members.push(...t.members);
	}
	out.hamlets = hamlets;
	const fallback = communeTeams.flatMap(activeMemberIds);
	const map = { lines: [] as LaidLine[], centres: [] as LonLat[] };
	for (const h of hamlets) {
		const own = activeMemberIds(teamOf.get(h.id));
		const households = makeHouseholds(rng, c, h, urban, now, map);
		const memberIds = own.length > 0 ? own : fallback;
		visitHamlet(rng, out, households, { profile: p, now, memberIds, covered: own.length > 0 });
	}
	const lines = [...map.lines, ...connectingRoads(map.centres, urban)];
	joinCrossings(lines);
	out.streets = streetsOf(c.code, lines);
	return out;
}

/** Demo records of many communes, in the order given. */
export function generateDemo(
	communes: readonly DemoCommune[],
	seed: string,
	now: number
): DemoRecords {
	const all: DemoRecords = {
		hamlets: [],
		teams: [],
		members: [],
		households: [],
		visits: [],
		streets: []
	};
	for (const c of communes) {
		const r = generateCommune(c, seed, now);
		all.hamlets.push(...r.hamlets);
		all.teams.push(...r.teams);
		all.members.push(...r.members);
		all.households.push(...r.households);
		all.visits.push(...r.visits);
		all.streets.push(...r.streets);
	}
	return all;
}
