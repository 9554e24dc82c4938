import { Hono } from 'hono';
import { z } from 'zod';
import type { ApiEnv } from '../types.ts';
import { validate } from '../validation.ts';
import { searchPlaces } from '../../db/queries/search.ts';
import { searchOps as doc } from '../openapi/operations/public.ts';

const query = z.object({
	q: z.string().trim().min(1, 'Type at least one letter').max(80, 'At most 80 characters'),
	limit: z.coerce.number().int().min(1).max(50).default(10)
});

/** GET /api/search?q=dinh hoa — places by name, ignoring case and diacritics. */
export const searchApi = new Hono<ApiEnv>().get(
	'/',
	doc.get,
	validate('query', query),
	async (c) => {
		const { q, limit } = c.req.valid('query');
		const hits = await searchPlaces(c.get('db'), q, limit);
		return c.json({ query: q, results: hits.map(({ key: _key, ...hit }) => hit) }, 200, {
			'Cache-Control': 'public, max-age=300'
		});
	}
);
