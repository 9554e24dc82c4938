/** Public reads of the administrative reference data. No personal data here. */
import { asc, eq, getTableColumns } from 'drizzle-orm';
import type { Db } from '../client.ts';
import { communes, provinces } from '../schema/index.ts';

const { searchKey: _p, ...provinceColumns } = getTableColumns(provinces);
const { searchKey: _c, ...communeColumns } = getTableColumns(communes);

/** All 34 provinces, ordered by code. */
export function listProvinces(db: Db) {
	return db.select(provinceColumns).from(provinces).orderBy(asc(provinces.code));
}

/** One province by code, or undefined. */
export async function getProvince(db: Db, code: string) {
	const rows = await db.select(provinceColumns).from(provinces).where(eq(provinces.code, code));
	return rows[0];
}

/** The communes of one province, ordered by code (served by communes_province_idx). */
export function listCommunesOfProvince(db: Db, provinceCode: string) {
	return db
		.select(communeColumns)
		.from(communes)
		.where(eq(communes.provinceCode, provinceCode))
		.orderBy(asc(communes.code));
}

/** One commune with its province's name, or undefined. */
export async function getCommune(db: Db, code: string) {
	const rows = await db
		.select({
			...communeColumns,
			provinceName: provinces.name,
			provinceFullName: provinces.fullName
		})
		.from(communes)
		.innerJoin(provinces, eq(provinces.code, communes.provinceCode))
		.where(eq(communes.code, code));
	return rows[0];
}
