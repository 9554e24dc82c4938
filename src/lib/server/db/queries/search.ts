/** Place-name search over provinces and communes (public reference data only). */
import { eq, like, sql } from 'drizzle-orm';
import type { Db } from '../client.ts';
import { communes, provinces } from '../schema/index.ts';
import { filterKey, rankCandidates, type Place } from '../../../domain/search.ts';
import { containsPattern } from './like-pattern.ts';

/** A place with its search key (the route drops the key from its answer). */
export interface PlaceHit extends Place {
	key: string;
}

type Bounds = {
	west: number | null;
	south: number | null;
	east: number | null;
	north: number | null;
};

function bboxOf(r: Bounds): PlaceHit['bbox'] {
	return r.west === null || r.south === null || r.east === null || r.north === null
		? null
		: [r.west, r.south, r.east, r.north];
}

/**
 * Provinces and communes whose name matches the query (case- and diacritics-insensitive),
 * best first. The LIKE pre-filter runs on the stored search key of the short name, with the query's
 * unit word left out ("xã Định Hoá" → "dinh hoa"; cut to the length D1 accepts, so a long query
 * pre-filters on its start); ranking on the whole query is domain/search.ts.
 */
export async function searchPlaces(db: Db, raw: string, limit: number): Promise<PlaceHit[]> {
	const query = filterKey(raw);
	if (query.length === 0) return [];
	const pattern = containsPattern(query);
	const [provinceRows, communeRows] = await db.batch([
		db.select().from(provinces).where(like(provinces.searchKey, pattern)),
		db
			// Aliased: D1 returns batch rows keyed by column name, and both tables have `name`.
			.select({ c: communes, provinceName: sql<string>`${provinces.name}`.as('province_name') })
			.from(communes)
			.innerJoin(provinces, eq(provinces.code, communes.provinceCode))
			.where(like(communes.searchKey, pattern))
	]);
	const hits: PlaceHit[] = [
		...provinceRows.map((p) => ({
			kind: 'province' as const,
			code: p.code,
			name: p.name,
			fullName: p.fullName,
			fullNameEn: p.fullNameEn,
			provinceCode: p.code,
			provinceName: p.name,
			bbox: bboxOf(p),
			key: p.searchKey
		})),
		...communeRows.map(({ c, provinceName }) => ({
			kind: 'commune' as const,
			code: c.code,
			name: c.name,
			fullName: c.fullName,
			fullNameEn: c.fullNameEn,
			provinceCode: c.provinceCode,
			provinceName,
			bbox: bboxOf(c),
			key: c.searchKey
		}))
	];
	return rankCandidates(hits, raw, limit);
}
