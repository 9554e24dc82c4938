/**
 * The training library (issue 17 §3, docs/guides.md). Guides hold no personal data, so reading
 * them is public: residents and members alike, on the web or saved on a phone.
 * GET  /api/guides — the current version of every guide, its files and sizes, the total.
 * GET  /api/guides/files/:name — a content-addressed file (manifest JSON or picture), immutable.
 * GET  /api/guides/:slug/versions — a guide's version history (admins).
 * POST /api/guides — an admin publishes a guide from a zip (guide.md and pictures): 201 with the
 *      new version, 200 when nothing changed, 422 `import_invalid` with every line's problem.
 */
import { Hono, type Context } from 'hono';
import type { AuthEnv } from '../middleware/env.ts';
import { ensure, requireActor } from '../middleware/env.ts';
import { ApiError } from '../errors.ts';
import { csvBytes } from '../middleware/csv-body.ts';
import { audit } from '../middleware/scope.ts';
import { GUIDE_FILE_NAME, GUIDE_SLUG, MAX_UPLOAD_BYTES } from '../../../domain/guides/limits.ts';
import {
	guideFileType,
	guideHistory,
	guideObjectKey,
	listGuides,
	publishGuide
} from '../../guides/store.ts';
import { guidesOps as doc } from '../openapi/operations/guides.ts';

/** Files never change under their name: a year, immutable. */
const IMMUTABLE = 'public, max-age=31536000, immutable';
/** The list changes when an admin publishes: short, revalidated. */
const LIST_CACHE = 'public, max-age=60, must-revalidate';
/** Pictures are drawn, never run: an SVG opened on its own may not run script or load anything. */
const FILE_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; sandbox";

function bucketOf(c: Context<AuthEnv>): R2Bucket {
	const bucket = c.env.GUIDES;
	if (!bucket) throw new ApiError('not_found', 404, 'No guide storage is configured');
	return bucket;
}

export const guidesApi = new Hono<AuthEnv>()
	.get('/', doc.get, async (c) => {
		const list = await listGuides(c.get('db'));
		return c.json(list, 200, { 'Cache-Control': LIST_CACHE });
	})
	.get('/files/:name', doc.getFilesByName, async (c) => {
		const name = c.req.param('name');
		if (!GUIDE_FILE_NAME.test(name)) throw new ApiError('not_found', 404, `No guide file ${name}`);
		const etag = `"${name.slice(0, 64)}"`;
		const headers = {
			'Content-Type': guideFileType(name),
			'Cache-Control': IMMUTABLE,
			'Content-Security-Policy': FILE_CSP,
			'X-Content-Type-Options': 'nosniff',
			ETag: etag
		};
		if ((c.req.header('If-None-Match') ?? '').includes(etag))
			return new Response(null, { status: 304, headers });
		const obj = await bucketOf(c).get(guideObjectKey(name));
		if (!obj) throw new ApiError('not_found', 404, `No guide file ${name}`);
		return new Response(obj.body, { headers: { ...headers, 'Content-Length': String(obj.size) } });
	})
	.get('/:slug/versions', doc.getVersionsBySlug, async (c) => {
		ensure(requireActor(c).role === 'admin', 'reading a guide’s history');
		const slug = c.req.param('slug');
		if (!GUIDE_SLUG.test(slug)) throw new ApiError('not_found', 404, `No guide ${slug}`);
		const versions = await guideHistory(c.get('db'), slug);
		if (versions.length === 0) throw new ApiError('not_found', 404, `No guide ${slug}`);
		return c.json({ slug, versions }, 200, { 'Cache-Control': 'private, no-store' });
	})
	.post('/', doc.post, async (c) => {
		const actor = requireActor(c);
		ensure(actor.role === 'admin', 'publishing a guide');
		const zip = await csvBytes(c, MAX_UPLOAD_BYTES);
		const db = c.get('db');
		const result = await publishGuide(db, bucketOf(c), zip, actor.userId);
		if (result.created) {
			await audit(c, {
				kind: 'write',
				action: 'guide.publish',
				entity: 'guide',
				entityId: result.slug,
				detail: { version: result.version, bytes: result.bytes }
			});
		}
		return c.json(result, result.created ? 201 : 200, { 'Cache-Control': 'private, no-store' });
	});
