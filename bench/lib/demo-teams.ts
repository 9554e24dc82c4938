/**
 * The demo communes as team plans see them (bench/team-planning.ts): every commune with
 * households and active teams, each active team with its active members and its area's
 * households — a hamlet team: its hamlet's; a commune-wide team: the commune's households not in
 * a hamlet that has an active team of its own. Read from a copy of the local D1, so the bench
 * never writes to the database others use.
 */
import { cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { withLocalDb } from '../../scripts/lib/local-d1.ts';
import { persistDir } from '../../scripts/lib/paths.ts';
import type { TeamHamlet, TeamHousehold } from '../../src/lib/domain/routing/team-plan-types.ts';

export interface DemoTeam {
	id: string;
	name: string;
	/** Null for a commune-wide team. */
	hamletId: string | null;
	memberIds: string[];
	/** The team's area, do-not-contact households included (the planner skips them). */
	households: TeamHousehold[];
}

export interface DemoCommune {
	code: string;
	provinceCode: string;
	unitType: string;
	hamlets: TeamHamlet[];
	teams: DemoTeam[];
	/** Every household of the commune (the commune admin's view). */
	households: TeamHousehold[];
}

interface HouseholdRow {
	id: string;
	commune_code: string;
	province_code: string;
	unit_type: string;
	hamlet_id: string | null;
	lon: number | null;
	lat: number | null;
	do_not_contact: number;
	priority: number;
	alley_key: string;
	address_key: string;
}

/** Communes that have active teams, with their unit type (global D1). */
const COMMUNES_SQL = `SELECT code, unit_type FROM communes
	WHERE code IN (SELECT commune_code FROM teams WHERE active = 1)`;

/** Households of those communes (each shard; ?1 the commune codes as JSON). */
const HOUSEHOLDS_SQL = `SELECT h.id, h.commune_code, h.province_code, h.hamlet_id, h.lon, h.lat,
	h.do_not_contact, h.priority, h.alley_key, h.address_key
	FROM households h WHERE h.commune_code IN (SELECT value FROM json_each(?1))
	ORDER BY h.commune_code, h.id`;

/** Active teams with their active members (ids in a stable order). */
const TEAMS_SQL = `SELECT t.id, t.commune_code, t.hamlet_id, t.name,
	(SELECT group_concat(id, ',') FROM (SELECT m.id FROM members m
		WHERE m.team_id = t.id AND m.active = 1 ORDER BY m.id)) AS member_ids
	FROM teams t WHERE t.active = 1 ORDER BY t.commune_code, t.id`;

const toHousehold = (r: HouseholdRow): TeamHousehold => ({
	id: r.id,
	lon: r.lon,
	lat: r.lat,
	alleyKey: r.alley_key,
	addressKey: r.address_key,
	doNotContact: r.do_not_contact === 1,
	hamletId: r.hamlet_id,
	priority: r.priority === 1,
	revisit: null
});

/** Copies the local D1 files to a temp folder (reading the copy never touches the original). */
function copyOfDb(): string {
	const source = join(persistDir(), 'v3/d1');
	if (!existsSync(source)) throw new Error(`No local D1 at ${source}: run \`npm run setup\`.`);
	const dir = mkdtempSync(join(tmpdir(), 'tung-ngo-team-bench-'));
	cpSync(source, join(dir, 'v3/d1'), { recursive: true });
	return dir;
}

/** Builds the communes from the rows: the teams' areas as the brief of the bench defines them. */
function assemble(
	rows: HouseholdRow[],
	teamRows: {
		id: string;
		commune_code: string;
		hamlet_id: string | null;
		name: string;
		member_ids: string | null;
	}[],
	hamletRows: { id: string; commune_code: string; lon: number | null; lat: number | null }[]
): DemoCommune[] {
	const communes = new Map<string, DemoCommune>();
	for (const r of rows) {
		const c = communes.get(r.commune_code) ?? {
			...{ code: r.commune_code, provinceCode: r.province_code, unitType: r.unit_type },
			...{ hamlets: [], teams: [], households: [] }
		};
		c.households.push(toHousehold(r));
		communes.set(r.commune_code, c);
	}
	for (const h of hamletRows)
		communes.get(h.commune_code)?.hamlets.push({ id: h.id, lon: h.lon, lat: h.lat });
	for (const t of teamRows) {
		const c = communes.get(t.commune_code);
		if (!c) continue;
		const memberIds = t.member_ids ? t.member_ids.split(',') : [];
		c.teams.push({ id: t.id, name: t.name, hamletId: t.hamlet_id, memberIds, households: [] });
	}
	for (const c of communes.values()) {
		const owned = new Set(c.teams.flatMap((t) => (t.hamletId ? [t.hamletId] : [])));
		for (const t of c.teams)
			t.households = c.households.filter((h) =>
				t.hamletId ? h.hamletId === t.hamletId : h.hamletId === null || !owned.has(h.hamletId)
			);
	}
	return [...communes.values()].filter((c) => c.teams.length > 0);
}

/** Loads the demo communes with households and active teams from a copy of the local D1. */
export async function loadDemoCommunes(): Promise<DemoCommune[]> {
	const dir = copyOfDb();
	try {
		return await withLocalDb(async ({ d1, shards }) => {
			const types = new Map(
				(await d1.prepare(COMMUNES_SQL).all<{ code: string; unit_type: string }>()).results.map(
					(r) => [r.code, r.unit_type]
				)
			);
			const codes = JSON.stringify([...types.keys()]);
			const rows: HouseholdRow[] = [];
			for (const s of shards.all()) {
				const part = await s.db.$client
					.prepare(HOUSEHOLDS_SQL)
					.bind(codes)
					.all<Omit<HouseholdRow, 'unit_type'>>();
				rows.push(...part.results.map((r) => ({ ...r, unit_type: types.get(r.commune_code)! })));
			}
			rows.sort((a, b) => a.commune_code.localeCompare(b.commune_code) || a.id.localeCompare(b.id));
			const teams = (await d1.prepare(TEAMS_SQL).all()).results as Parameters<typeof assemble>[1];
			const hamlets = (
				await d1.prepare('SELECT id, commune_code, lon, lat FROM hamlets ORDER BY id').all()
			).results as Parameters<typeof assemble>[2];
			return assemble(rows, teams, hamlets);
		}, dir);
	} finally {
		rmSync(dir, { recursive: true, force: true });
	}
}
