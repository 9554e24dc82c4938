/**
 * The OpenAPI document (issue 16 §7): every route the Hono app serves is in /api/openapi.json,
 * with the parameters and bodies of its validators. The routes come from the app itself
 * (`app.routes`), so a route added anywhere fails this test until the document lists it — which
 * it does by itself (includeEmptyPaths), tagged by its path.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Hono } from 'hono';
import type { OpenAPIV3_1 } from 'openapi-types';
import { createApiApp } from '../../src/lib/server/api/app.ts';
import { buildOpenApiDocument } from '../../src/lib/server/api/openapi/document.ts';
import { SESSION_COOKIE } from '../../src/lib/server/auth/cookie.ts';
import { openTestDb, type TestDb } from './support/db.ts';
import pkg from '../../package.json' with { type: 'json' };

type Doc = OpenAPIV3_1.Document;
type Op = OpenAPIV3_1.OperationObject;
const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'trace'] as const;

let t: TestDb;
let doc: Doc;
let res: Response;

const get = (path: string, headers: Record<string, string> = {}) =>
	createApiApp().request(path, { headers }, t.env);

beforeAll(async () => {
	t = await openTestDb();
	res = await get('/api/openapi.json');
	doc = (await res.clone().json()) as Doc;
});
afterAll(() => t.close());

/** `/api/teams/:id` → `/teams/{id}` (a Hono pattern `:id{[0-9]+}` or `:id?` too). */
function openApiPath(honoPath: string): string {
	return honoPath
		.replace(/^\/api(?=\/|$)/, '')
		.split('/')
		.map((s) => s.replace(/^:([^{?]+)(\{.*\})?\??$/, '{$1}'))
		.join('/');
}

/** Every `METHOD /path` the app serves: middleware entries (ALL, `*`) left out, once each. */
function servedRoutes(app: Hono): string[] {
	const served = new Set<string>();
	for (const r of app.routes) {
		if (r.method === 'ALL' || r.path.includes('*') || r.method === 'OPTIONS') continue;
		served.add(`${r.method} ${openApiPath(r.path)}`);
	}
	return [...served].sort();
}

function operations(d: Doc): [string, Op][] {
	return Object.entries(d.paths ?? {}).flatMap(([path, item]) =>
		METHODS.flatMap((m) =>
			item?.[m] ? [[`${m.toUpperCase()} ${path}`, item[m]] as [string, Op]] : []
		)
	);
}

function op(key: string): Op {
	const found = operations(doc).find(([k]) => k === key);
	if (!found) throw new Error(`${key} is not in the document`);
	return found[1];
}

const params = (o: Op) => (o.parameters ?? []) as OpenAPIV3_1.ParameterObject[];

describe('GET /api/openapi.json', () => {
	it('lists every route the API serves, method and path', () => {
		const served = servedRoutes(createApiApp() as unknown as Hono);
		expect(served.length).toBeGreaterThan(60);
		const documented = new Set(operations(doc).map(([k]) => k));
		expect(served.filter((r) => !documented.has(r))).toEqual([]);
	});

	it('lists no route the API does not serve', () => {
		const served = new Set(servedRoutes(createApiApp() as unknown as Hono));
		expect(
			operations(doc)
				.filter(([k]) => !served.has(k))
				.map(([k]) => k)
		).toEqual([]);
	});

	it('lists a route that has no description and no validator (a future route)', async () => {
		const app = new Hono().basePath('/api');
		app.use(async (_c, next) => next());
		app.get('/new-things/:code/items', (c) => c.json({}));
		const d = await buildOpenApiDocument(app);
		const o = d.paths?.['/new-things/{code}/items']?.get;
		expect(o?.tags).toEqual(['new-things']);
		expect(params(o!)).toEqual([
			expect.objectContaining({ in: 'path', name: 'code', required: true })
		]);
		expect(o?.responses?.['200']).toMatchObject({ description: 'Success' });
		expect(o?.responses?.default).toEqual({ $ref: '#/components/responses/Error' });
	});

	it('is an OpenAPI 3.1 document of this version, served from /api', () => {
		expect(res.status).toBe(200);
		expect(res.headers.get('content-type')).toMatch(/^application\/json/);
		expect(doc.openapi).toBe('3.1.0');
		expect(doc.info).toMatchObject({ title: 'Từng Ngõ API', version: pkg.version });
		expect(doc.servers).toEqual([{ url: '/api' }]);
		expect(doc.components?.securitySchemes?.session).toEqual(
			expect.objectContaining({ type: 'apiKey', in: 'cookie', name: SESSION_COOKIE })
		);
		expect(doc.components?.schemas?.ApiError).toMatchObject({
			required: ['code', 'message', 'requestId']
		});
	});

	it('gives every operation a tag, an id, described responses and references that resolve', () => {
		const ids = new Set<string>();
		const tags = new Set((doc.tags ?? []).map((x) => x.name));
		for (const [key, o] of operations(doc)) {
			expect(o.tags?.length, key).toBeGreaterThan(0);
			for (const tag of o.tags ?? []) expect(tags.has(tag), `${key}: tag ${tag}`).toBe(true);
			expect(o.operationId, key).toBeTruthy();
			ids.add(o.operationId!);
			for (const [status, r] of Object.entries(o.responses ?? {})) {
				if ('$ref' in r) continue;
				expect(r.description, `${key} ${status}`).toBeTruthy();
			}
		}
		expect(ids.size).toBe(operations(doc).length);
		const refs = [...JSON.stringify(doc).matchAll(/"\$ref":"#\/([^"]+)"/g)].map((m) => m[1]!);
		expect(refs.length).toBeGreaterThan(0);
		for (const ref of new Set(refs)) {
			const target = ref
				.split('/')
				.reduce<unknown>((o, k) => (o as Record<string, unknown>)?.[k], doc);
			expect(target, ref).toBeDefined();
		}
	});

	it('summarises the described routes in English and Vietnamese', () => {
		const described = operations(doc).filter(([, o]) => o.summary);
		expect(described.length).toBeGreaterThan(60);
		for (const [key, o] of operations(doc)) {
			const vi = (o as Record<string, unknown>)['x-summary-vi'];
			expect(typeof vi === 'string' && vi.length > 0, key).toBe(Boolean(o.summary));
		}
		expect(op('POST /teams')).toMatchObject({
			summary: 'Create a team',
			'x-summary-vi': 'Thành lập tổ',
			security: [{ session: [] }],
			responses: {
				201: { description: 'Created' },
				401: { $ref: '#/components/responses/Unauthenticated' }
			}
		});
	});

	it('names every path parameter of a path among its parameters', () => {
		for (const [key, o] of operations(doc)) {
			const inPath = [...key.matchAll(/\{(\w+)\}/g)].map((m) => m[1]);
			const declared = params(o)
				.filter((p) => p.in === 'path')
				.map((p) => p.name);
			expect(declared.sort(), key).toEqual(inPath.sort());
		}
	});

	it('takes parameters and bodies from the validators', () => {
		expect(params(op('GET /communes'))).toEqual([
			expect.objectContaining({ in: 'query', name: 'province', required: true })
		]);
		const code = params(op('GET /provinces/{code}')).find((p) => p.name === 'code');
		expect(code?.schema).toMatchObject({
			type: 'string',
			pattern: expect.stringContaining('\\d{2}')
		});
		const body = op('POST /teams').requestBody as OpenAPIV3_1.RequestBodyObject;
		const schema = body.content['application/json']?.schema as OpenAPIV3_1.SchemaObject;
		expect(Object.keys(schema.properties ?? {})).toEqual(
			expect.arrayContaining(['communeCode', 'name'])
		);
		expect(schema.required).toEqual(expect.arrayContaining(['communeCode', 'name']));
		expect(op('GET /communes').responses?.['400']).toMatchObject({
			content: { 'application/json': { schema: { $ref: '#/components/schemas/ApiError' } } }
		});
	});

	it('documents the error body a refused request really gets', async () => {
		const refused = await get('/api/communes?province=x');
		expect(refused.status).toBe(400);
		const body = (await refused.json()) as Record<string, unknown>;
		const schema = doc.components!.schemas!.ApiError as OpenAPIV3_1.SchemaObject;
		for (const k of schema.required ?? []) expect(body, k).toHaveProperty(k);
		expect(Object.keys(body).every((k) => k in (schema.properties ?? {}))).toBe(true);
		expect(body).toMatchObject({ code: 'invalid_query', details: { field: 'province' } });
	});

	it('is cached publicly, answers 304 to its ETag and keeps stray parameters private', async () => {
		expect(res.headers.get('cache-control')).toMatch(/^public, max-age=\d+/);
		const etag = res.headers.get('etag');
		expect(etag).toMatch(/^"[0-9a-f]+"$/);
		const again = await get('/api/openapi.json', { 'if-none-match': etag! });
		expect(again.status).toBe(304);
		const stray = await get('/api/openapi.json?x=1');
		expect(stray.status).toBe(200);
		expect(stray.headers.get('cache-control')).toMatch(/^private/);
	});
});
