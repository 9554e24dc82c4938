import { Hono, type Env, type Schema } from 'hono';
import { openApiDocument } from '../openapi/document.ts';
import { operation } from '../openapi/describe.ts';

/** It changes only with a deploy: an hour fresh, then a stale copy for a day while it revalidates. */
const PUBLIC_CACHE = 'public, max-age=3600, stale-while-revalidate=86400';

/** A strong validator of the document's bytes, for 304s (public-cache.ts answers them). */
async function etagOf(body: string): Promise<string> {
	const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(body));
	const hex = [...new Uint8Array(digest).slice(0, 16)]
		.map((b) => b.toString(16).padStart(2, '0'))
		.join('');
	return `"${hex}"`;
}

/**
 * GET /api/openapi.json: the OpenAPI 3.1 document of `root`, the whole API app (its routes are
 * read when the document is first asked for, after every route is registered).
 */
export function openApiApi<E extends Env, S extends Schema, P extends string>(root: Hono<E, S, P>) {
	let served: Promise<{ body: string; etag: string }> | undefined;
	return new Hono().get(
		'/',
		operation('The OpenAPI 3.1 document of this API', 'Tài liệu OpenAPI 3.1 của API này'),
		async (c) => {
			served ??= openApiDocument(root).then(async (doc) => {
				const body = JSON.stringify(doc);
				return { body, etag: await etagOf(body) };
			});
			served.catch(() => (served = undefined));
			const { body, etag } = await served;
			return c.body(body, 200, {
				'Content-Type': 'application/json; charset=utf-8',
				'Cache-Control': PUBLIC_CACHE,
				ETag: etag
			});
		}
	);
}
