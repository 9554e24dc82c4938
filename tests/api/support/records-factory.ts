/**
 * Factories for record tests (writes, metrics job, demo seed): the few reference rows they need
 * (provinces, communes, the service catalogue) written straight to the real local D1, and
 * record inputs with sensible defaults for the write functions. No dependency on the importer.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import { v7 } from 'uuid';
import type { Db } from '../../../src/lib/server/db/client.ts';
import { communes, provinces, services } from '../../../src/lib/server/db/schema/index.ts';
import { DEFAULT_SERVICES } from '../../../src/lib/domain/services.ts';
import { searchKey } from '../../../src/lib/domain/text.ts';
import { requireDataDir } from '../../../scripts/lib/paths.ts';
import type { HamletInput } from '../../../src/lib/server/db/schema/hamlets.input.ts';
import type { TeamInput, MemberInput } from '../../../src/lib/server/db/schema/teams.input.ts';
import type { HouseholdInput } from '../../../src/lib/server/db/schema/households.input.ts';
import type { VisitInput } from '../../../src/lib/server/db/schema/visits.input.ts';
import { insertHouseholds } from '../../../src/lib/server/db/writes/households.ts';
import { insertVisits } from '../../../src/lib/server/db/writes/visits.ts';
import type { TestDb } from './db.ts';

export const T0 = Date.UTC(2026, 10, 23); // 2026-11-23, the tests' "now"
export const DAY = 86_400_000;

export interface CommuneSpec {
	code: string;
	provinceCode: string;
	population?: number | null;
	populationUsable?: boolean;
	unitType?: 'Xã' | 'Phường' | 'Đặc khu';
	name?: string;
}

/** Inserts provinces (by code) and communes with only the columns the records code reads. */
export async function insertArea(db: Db, specs: CommuneSpec[]): Promise<void> {
	const provinceCodes = [...new Set(specs.map((s) => s.provinceCode))];
	await db.insert(provinces).values(
		provinceCodes.map((code) => ({
			code,
			name: `Tỉnh ${code}`,
			fullName: `Tỉnh ${code}`,
			nameEn: code,
			fullNameEn: code,
			unitType: 'Tỉnh',
			unitTypeEn: 'Province',
			communeCount: specs.filter((s) => s.provinceCode === code).length,
			mergedFromOldCodes: code,
			searchKey: `tinh ${code}`
		}))
	);
	for (const s of specs) {
		const name = s.name ?? `Xã ${s.code}`;
		await db.insert(communes).values({
			code: s.code,
			provinceCode: s.provinceCode,
			name,
			fullName: name,
			nameEn: name,
			fullNameEn: name,
			codeName: s.code,
			unitType: s.unitType ?? 'Xã',
			unitTypeEn: 'Commune',
			population: s.population ?? null,
			populationUsable: s.populationUsable ?? s.population != null,
			populationFlags: '',
			searchKey: searchKey(name)
		});
	}
}

/** The default service catalogue (visit_services references it). */
export async function insertServices(db: Db): Promise<void> {
	await db
		.insert(services)
		.values(DEFAULT_SERVICES.map((s, i) => ({ ...s, sortOrder: i, active: true })));
}

interface CsvCommune {
	code: string;
	name: string;
	fullName: string;
	unitType: string;
	provinceCode: string;
}

/** Real communes (codes, names, unit types) from the reference CSV, for geometry-based tests. */
export function referenceCommunes(codes: string[]): CommuneSpec[] {
	const text = readFileSync(join(requireDataDir(), 'vn2025_communes.csv'), 'utf8');
	const rows = Papa.parse<CsvCommune>(text, { header: true, skipEmptyLines: true }).data;
	return rows
		.filter((r) => codes.includes(r.code))
		.map((r) => ({
			code: r.code,
			provinceCode: r.provinceCode,
			name: r.name,
			unitType: r.unitType as CommuneSpec['unitType'],
			population: 20_000,
			populationUsable: true
		}));
}

let counter = 0;
/** A unique printable id with a readable prefix. */
export const nextId = (prefix: string) => `${prefix}-${++counter}`;

/** A deterministic UUIDv7 for a visit at `at`. */
export function visitId(at: number): string {
	const random = new Uint8Array(16);
	new DataView(random.buffer).setUint32(12, ++counter);
	return v7({ msecs: at, random });
}

type Scope = { provinceCode: string; communeCode: string };

export const hamlet = (s: Scope, over: Partial<HamletInput> = {}): HamletInput => ({
	id: nextId('h'),
	...s,
	name: 'Thôn Đồng Tâm',
	kind: 'thon',
	createdAt: T0 - 400 * DAY,
	...over
});

export const team = (s: Scope, over: Partial<TeamInput> = {}): TeamInput => ({
	id: nextId('t'),
	...s,
	name: 'Tổ công nghệ số cộng đồng',
	createdAt: T0 - 400 * DAY,
	...over
});

export const member = (s: Scope, teamId: string, over: Partial<MemberInput> = {}): MemberInput => ({
	id: nextId('m'),
	teamId,
	...s,
	fullName: 'Nguyễn Thị Lan',
	unionAffiliation: 'hoi_phu_nu',
	onetouchStatus: 'da_hoan_thanh',
	onetouchDate: '2025-03-01',
	teamRole: 'thanh_vien',
	createdAt: T0 - 400 * DAY,
	...over
});

export const household = (s: Scope, over: Partial<HouseholdInput> = {}): HouseholdInput => ({
	id: nextId('hh'),
	...s,
	address: 'Số 12, ngõ 45, phố Lò Đúc',
	adults: 3,
	createdAt: T0 - 400 * DAY,
	...over
});

export const visit = (
	s: Scope,
	householdId: string,
	daysAgo: number,
	over: Partial<VisitInput> = {}
): VisitInput => {
	const at = T0 - daysAgo * DAY;
	return {
		id: visitId(at),
		...s,
		householdId,
		visitedAt: at,
		outcome: 'met',
		adults: 3,
		...over
	};
};

/** Inserts households of any provinces, each province's into its shard. */
export async function insertHouseholdsIn(t: TestDb, rows: readonly HouseholdInput[]) {
	for (const p of new Set(rows.map((r) => r.provinceCode))) {
		await insertHouseholds(
			t.db,
			t.shard(p),
			rows.filter((r) => r.provinceCode === p)
		);
	}
}

/** Inserts visits of any provinces, each province's into its shard; returns how many. */
export async function insertVisitsIn(
	t: TestDb,
	rows: readonly VisitInput[],
	opts?: { now?: number }
): Promise<number> {
	let inserted = 0;
	for (const p of new Set(rows.map((r) => r.provinceCode))) {
		const r = await insertVisits(
			t.db,
			t.shard(p),
			rows.filter((v) => v.provinceCode === p),
			opts
		);
		inserted += r.inserted;
	}
	return inserted;
}
