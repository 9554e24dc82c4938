import { Hono } from 'hono';
import { z } from 'zod';
import type { ApiEnv } from '../types.ts';
import { ApiError } from '../errors.ts';
import { communeCode, provinceCode, validate } from '../validation.ts';
import { getCommune, getProvince, listCommunesOfProvince } from '../../db/queries/admin-units.ts';
import { communesOps as doc } from '../openapi/operations/public.ts';

const PUBLIC_CACHE = 'public, max-age=300, stale-while-revalidate=86400';

/** Public commune reference data: list by province, and one commune by code. */
export const communesApi = new Hono<ApiEnv>()
	.get('/', doc.get, validate('query', z.object({ province: provinceCode })), async (c) => {
		const { province } = c.req.valid('query');
		const db = c.get('db');
		const rows = await listCommunesOfProvince(db, province);
		if (rows.length === 0 && !(await getProvince(db, province))) {
			throw new ApiError('province_not_found', 404, `No province with code ${province}`);
		}
		return c.json({ province, communes: rows }, 200, { 'Cache-Control': PUBLIC_CACHE });
	})
	.get('/:code', doc.getByCode, validate('param', z.object({ code: communeCode })), async (c) => {
		const { code } = c.req.valid('param');
		const row = await getCommune(c.get('db'), code);
		if (!row) throw new ApiError('commune_not_found', 404, `No commune with code ${code}`);
		return c.json({ commune: row }, 200, { 'Cache-Control': PUBLIC_CACHE });
	});
