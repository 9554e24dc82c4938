/**
 * Factories for account tests: a few real communes in two provinces, users of every role with
 * live sessions, teams, members and hamlets — written straight to the real local D1.
 */
import { createApiApp } from '../../../src/lib/server/api/app.ts';
import type { Db } from '../../../src/lib/server/db/client.ts';
import {
	communes,
	hamlets,
	members,
	provinces,
	teams
} from '../../../src/lib/server/db/schema/index.ts';
import { userInsert } from '../../../src/lib/server/auth/users.ts';
import { createSession } from '../../../src/lib/server/auth/session.ts';
import { SESSION_COOKIE } from '../../../src/lib/server/auth/cookie.ts';
import type { Role } from '../../../src/lib/domain/roles.ts';
import type { TestDb } from './db.ts';

/** Own commune (Định Hoá), a foreign commune of the same province, a foreign province's commune. */
export const AREAS = {
	own: { provinceCode: '19', communeCode: '05569' },
	foreignCommune: { provinceCode: '19', communeCode: '05923' },
	foreignProvince: { provinceCode: '01', communeCode: '00004' }
} as const;
export type AreaName = keyof typeof AREAS;

/** The shard that holds an area's records (19 and 01 live in different shards). */
export const shardOf = (t: TestDb, area: AreaName = 'own') => t.shard(AREAS[area].provinceCode);

function provinceRow(code: string, name: string) {
	return {
		code,
		name,
		fullName: name,
		nameEn: name,
		fullNameEn: name,
		unitType: 'Tỉnh',
		unitTypeEn: 'Province',
		communeCount: 2,
		mergedFromOldCodes: '',
		searchKey: name.toLowerCase()
	};
}

function communeRow(code: string, provinceCode: string, name: string) {
	return {
		code,
		provinceCode,
		name,
		fullName: `Xã ${name}`,
		nameEn: name,
		fullNameEn: `${name} Commune`,
		codeName: name.toLowerCase(),
		unitType: 'Xã',
		unitTypeEn: 'Commune',
		populationUsable: false,
		populationFlags: '',
		searchKey: name.toLowerCase()
	};
}

/** Inserts the two provinces and three communes of AREAS. */
export async function seedAreas(db: Db): Promise<void> {
	await db
		.insert(provinces)
		.values([provinceRow('19', 'Thái Nguyên'), provinceRow('01', 'Hà Nội')]);
	await db
		.insert(communes)
		.values([
			communeRow('05569', '19', 'Định Hoá'),
			communeRow('05923', '19', 'Phú Lương'),
			communeRow('00004', '01', 'Ba Đình')
		]);
}

let seq = 0;

/** A team in an area (active, not demo). */
export async function makeTeam(db: Db, area: AreaName = 'own', name?: string) {
	const a = AREAS[area];
	const row = {
		id: crypto.randomUUID(),
		...a,
		hamletId: null,
		name: name ?? `Tổ ${++seq}`,
		foundedOn: null,
		active: true,
		isDemo: false,
		createdAt: Date.now()
	};
	await db.insert(teams).values(row);
	return row;
}

/** A member of a team, with a unique phone. */
export async function makeMember(
	db: Db,
	team: { id: string; provinceCode: string; communeCode: string }
) {
	const row = {
		id: crypto.randomUUID(),
		teamId: team.id,
		provinceCode: team.provinceCode,
		communeCode: team.communeCode,
		fullName: `Nguyễn Văn ${++seq}`,
		phone: `09${String(10_000_000 + seq).slice(-8)}`,
		unionAffiliation: 'doan_thanh_nien' as const,
		onetouchStatus: 'da_hoan_thanh' as const,
		onetouchDate: '2025-09-01',
		teamRole: 'thanh_vien' as const,
		active: true,
		isDemo: false,
		createdAt: Date.now()
	};
	await db.insert(members).values(row);
	return row;
}

/** A hamlet in an area. */
export async function makeHamlet(db: Db, area: AreaName = 'own', name?: string) {
	const row = {
		id: crypto.randomUUID(),
		...AREAS[area],
		name: name ?? `Thôn ${++seq}`,
		kind: 'thon' as const,
		lon: null,
		lat: null,
		isDemo: false,
		createdAt: Date.now()
	};
	await db.insert(hamlets).values(row);
	return row;
}

export const TEST_PASSWORD = 'mat-khau-thu-nghiem';

export interface TestUser {
	id: string;
	role: Role;
	phone: string;
	cookie: string;
	token: string;
}

/** A user of a role scoped to an area (and team), logged in: `cookie` is its Cookie header. */
export async function makeUser(
	db: Db,
	role: Role,
	area: AreaName = 'own',
	teamId: string | null = null
): Promise<TestUser> {
	const a = AREAS[area];
	const phone = `08${String(10_000_000 + ++seq).slice(-8)}`;
	const { id, query } = await userInsert(db, {
		displayName: `${role} ${seq}`,
		email: null,
		phone,
		password: TEST_PASSWORD,
		role,
		provinceCode: role === 'admin' ? null : a.provinceCode,
		communeCode: role === 'admin' || role === 'province_admin' ? null : a.communeCode,
		teamId
	});
	await query;
	const s = await createSession(db, id);
	return { id, role, phone, token: s.token, cookie: `${SESSION_COOKIE}=${s.token}` };
}

export interface CallOptions {
	method?: string;
	body?: unknown;
	cookie?: string;
	headers?: Record<string, string>;
	/** As if through Cloudflare's edge (the runtime's `request.cf`), which makes CF-Connecting-IP believable. */
	viaCloudflare?: boolean;
	/** Bindings replaced for this call (a poisoned shard, a missing setting). */
	env?: Record<string, unknown>;
}

/** Calls the API in-process against this test's D1; JSON bodies are encoded. */
export async function call(t: TestDb, path: string, o: CallOptions = {}): Promise<Response> {
	const headers: Record<string, string> = { ...o.headers };
	if (o.cookie) headers.cookie = o.cookie;
	let body: BodyInit | undefined;
	if (o.body !== undefined) {
		if (typeof o.body === 'string' || o.body instanceof Uint8Array) body = o.body as BodyInit;
		else {
			body = JSON.stringify(o.body);
			headers['content-type'] = 'application/json';
		}
	}
	const request = new Request(`http://localhost${path}`, {
		method: o.method ?? (body ? 'POST' : 'GET'),
		headers,
		body
	});
	if (o.viaCloudflare) Object.defineProperty(request, 'cf', { value: { colo: 'HAN' } });
	return createApiApp().request(request, undefined, { ...t.env, ...o.env });
}
