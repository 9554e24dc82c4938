import { Hono } from 'hono';
import { z } from 'zod';
import type { ApiEnv } from '../types.ts';
import { ApiError } from '../errors.ts';
import { provinceCode, validate } from '../validation.ts';
import { getProvince, listProvinces } from '../../db/queries/admin-units.ts';
import { provincesOps as doc } from '../openapi/operations/public.ts';

const PUBLIC_CACHE = 'public, max-age=300, stale-while-revalidate=86400';

/** Public province reference data. */
export const provincesApi = new Hono<ApiEnv>()
	.get('/', doc.get, async (c) => {
		const rows = await listProvinces(c.get('db'));
		return c.json({ provinces: rows }, 200, { 'Cache-Control': PUBLIC_CACHE });
	})
	.get('/:code', doc.getByCode, validate('param', z.object({ code: provinceCode })), async (c) => {
		const { code } = c.req.valid('param');
		const row = await getProvince(c.get('db'), code);
		if (!row) throw new ApiError('province_not_found', 404, `No province with code ${code}`);
		return c.json({ province: row }, 200, { 'Cache-Control': PUBLIC_CACHE });
	});
