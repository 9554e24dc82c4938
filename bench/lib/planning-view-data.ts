/**
 * The planning-view benchmark's commune, written into its own copy of the e2e database through
 * the app's write functions: a phường with no demo data gets 10,000 households — 8,000 spread
 * over hamlets and streets (route-fixtures.ts) and, beside them, a hamlet holding the
 * 2,000 households of the team-planning benchmark's team (team-fixtures.ts), with its cultural
 * house. Two teams: a commune-wide one (the page opens on all 10,000 households) and the
 * hamlet's, with 5 active members, for the plan the benchmark times.
 */
import { withLocalDb } from '../../scripts/lib/local-d1.ts';
import { insertHamlets } from '../../src/lib/server/db/writes/hamlets.ts';
import { insertHouseholds } from '../../src/lib/server/db/writes/households.ts';
import { insertMembers, insertTeams } from '../../src/lib/server/db/writes/teams.ts';
import { syntheticHouseholds } from './route-fixtures.ts';
import { asOneHamlet, teamArea } from './team-fixtures.ts';
import { TEAM_HOUSEHOLDS, TEAM_MEMBERS, TEAM_SEED } from './team-speed.ts';

export const COUNT = 10_000;
/** The team's hamlet stands this far east of the other households, metres. */
const TEAM_OFFSET_M = 4500;
const CREATED = Date.UTC(2025, 0, 1);

export interface BenchCommune {
	code: string;
	/** The hamlet team the plan is made for. */
	teamName: string;
	teamHouseholds: number;
	members: number;
}

type Area = { provinceCode: string; communeCode: string };

/** The 8,000 households' hamlets: rural hamlets by number, streets folded into 20 tổ. */
function otherHouseholds(area: Area) {
	const hs = syntheticHouseholds(COUNT - TEAM_HOUSEHOLDS, 'planning-view');
	const group = (h: (typeof hs)[number]) =>
		h.address.startsWith('Thôn') ? `t${h.group}` : `p${h.group % 20}`;
	const ids = new Map([...new Set(hs.map(group))].map((g, i) => [g, `bench-hamlet-${i}`]));
	const hamlets = [...ids].map(([g, id]) => ({
		id,
		...area,
		name: g.startsWith('t') ? `Thôn ${g.slice(1)}` : `Tổ dân phố ${Number(g.slice(1)) + 1}`,
		kind: g.startsWith('t') ? ('thon' as const) : ('to_dan_pho' as const),
		createdAt: CREATED
	}));
	const households = hs.map((h, i) => ({
		id: `bench-hh-${i}`,
		...area,
		hamletId: ids.get(group(h))!,
		address: h.address,
		...{ lon: h.lon, lat: h.lat, locationStatus: 'exact' as const, adults: 2, createdAt: CREATED }
	}));
	return { hamlets, households };
}

/** The team's hamlet and its 2,000 households (the team-planning benchmark's area, as one hamlet). */
function teamHamlet(area: Area) {
	const a = asOneHamlet(
		teamArea(TEAM_HOUSEHOLDS, TEAM_SEED, TEAM_OFFSET_M),
		'bench-team-hamlet',
		'Thôn Đồi Chè'
	);
	const h = a.hamlets[0]!;
	const hamlet = { ...h, ...area, kind: 'thon' as const, createdAt: CREATED };
	const households = a.households.map((x, i) => ({
		id: `bench-team-hh-${i}`,
		...area,
		hamletId: h.id,
		address: x.address,
		...{ lon: x.lon, lat: x.lat, locationStatus: 'exact' as const, adults: 2, createdAt: CREATED }
	}));
	return { hamlet, households };
}

/** The two teams and the hamlet team's members. */
async function teams(db: Parameters<typeof insertTeams>[0], area: Area, hamletId: string) {
	const teamName = 'Tổ công nghệ số thôn Đồi Chè (benchmark)';
	// The API takes team and member ids in paths as UUIDs.
	const [communeTeam, hamletTeam] = [crypto.randomUUID(), crypto.randomUUID()];
	await insertTeams(db, [
		{ id: communeTeam, ...area, name: 'Tổ công nghệ số (benchmark)', createdAt: CREATED },
		{ id: hamletTeam, ...area, hamletId, name: teamName, createdAt: CREATED }
	]);
	await insertMembers(
		db,
		Array.from({ length: TEAM_MEMBERS }, (_, i) => ({
			id: crypto.randomUUID(),
			teamId: hamletTeam,
			...area,
			fullName: `Thành viên ${i + 1}`,
			unionAffiliation: 'tinh_nguyen' as const,
			onetouchStatus: 'chua_hoc' as const,
			teamRole: i === 0 ? ('to_truong' as const) : ('thanh_vien' as const),
			createdAt: CREATED
		}))
	);
	return teamName;
}

/** Writes the benchmark's commune into the database at `state`. */
export async function prepareCommune(state: string): Promise<BenchCommune> {
	return withLocalDb(async ({ db, shards }) => {
		// A ward nobody works in yet: no hamlet, so no household either.
		const row = await db.$client
			.prepare(
				`SELECT code, province_code AS p FROM communes WHERE code NOT IN
				(SELECT DISTINCT commune_code FROM hamlets) AND unit_type = 'Phường' ORDER BY code LIMIT 1`
			)
			.first<{ code: string; p: string }>();
		const area = { provinceCode: row!.p, communeCode: row!.code };
		const other = otherHouseholds(area);
		const team = teamHamlet(area);
		await insertHamlets(db, [...other.hamlets, team.hamlet]);
		const teamName = await teams(db, area, team.hamlet.id);
		const shard = shards.forProvince(area.provinceCode);
		await insertHouseholds(db, shard, [...other.households, ...team.households]);
		return {
			code: area.communeCode,
			teamName,
			teamHouseholds: team.households.length,
			members: TEAM_MEMBERS
		};
	}, state);
}
