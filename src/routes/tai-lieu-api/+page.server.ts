import type { PageServerLoad } from './$types';
import { createApiApp } from '$lib/server/api/app';
import { openApiDocument } from '$lib/server/api/openapi/document';
import { outline } from '$lib/server/api/openapi/outline';

/** A document to read: rendered on the server, no script (nor its data) sent for hydration. */
export const csr = false;

let app: ReturnType<typeof createApiApp> | undefined;

/**
 * The API documentation page: the OpenAPI document that /api/openapi.json serves (the same
 * generation, kept per isolate), grouped by tag for reading.
 */
export const load: PageServerLoad = async () => {
	app ??= createApiApp();
	const doc = await openApiDocument(app);
	return { version: doc.info.version, groups: outline(doc) };
};
