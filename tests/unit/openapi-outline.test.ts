/**
 * The API documentation page (/tai-lieu-api) reads the OpenAPI document through outline():
 * operations grouped by tag, with parameters, body fields and rules. Table-driven on schemas,
 * then on the real API's document, then the page rendered on the server in both languages.
 */
import { describe, expect, it } from 'vitest';
import { render } from 'svelte/server';
import type { OpenAPIV3_1 } from 'openapi-types';
import { createApiApp } from '../../src/lib/server/api/app.ts';
import { buildOpenApiDocument } from '../../src/lib/server/api/openapi/document.ts';
import {
	outline,
	rulesOf,
	typeName,
	type DocOperation
} from '../../src/lib/server/api/openapi/outline.ts';
import Page from '../../src/routes/tai-lieu-api/+page.svelte';
import { loadLocale, type Locale } from '../../src/lib/i18n/index.ts';

// The pages render in English too (the browser loads it on demand; see i18n/index.ts).
await loadLocale('en');

type Schema = OpenAPIV3_1.SchemaObject;

describe('a field’s type and rules', () => {
	it.each<[string, Schema, string]>([
		['a string', { type: 'string' }, 'string'],
		['a nullable integer', { anyOf: [{ type: 'integer' }, { type: 'null' }] }, 'integer | null'],
		['a list of strings', { type: 'array', items: { type: 'string' } }, 'array<string>'],
		['a list of anything', { type: 'array', items: {} }, 'array<any>'],
		['an object', { type: 'object', properties: { a: { type: 'string' } } }, 'object'],
		['a constant', { const: 'polygon' }, '"polygon"']
	])('names %s', (_, schema, name) => {
		expect(typeName(schema)).toBe(name);
	});

	it.each<[string, Schema, unknown[]]>([
		['an enum', { type: 'string', enum: ['a', 'b'] }, [{ kind: 'enum', values: ['a', 'b'] }]],
		[
			'a length',
			{ type: 'string', minLength: 1, maxLength: 100 },
			[{ kind: 'length', min: 1, max: 100 }]
		],
		[
			'a pattern',
			{ type: 'string', pattern: '^\\d{5}$' },
			[{ kind: 'pattern', value: '^\\d{5}$' }]
		],
		[
			'a format over its pattern',
			{ type: 'string', format: 'uuid', pattern: '^x$' },
			[{ kind: 'format', value: 'uuid' }]
		],
		[
			'no bound zod puts on every integer',
			{ type: 'integer', minimum: -9007199254740991, maximum: 9007199254740991 },
			[]
		],
		[
			'a real range',
			{ type: 'integer', minimum: 0, maximum: 500 },
			[{ kind: 'range', min: 0, max: 500 }]
		],
		[
			'a default',
			{ type: 'string', enum: ['0', '1'], default: '0' },
			[
				{ kind: 'enum', values: ['0', '1'] },
				{ kind: 'default', value: '0' }
			]
		]
	])('keeps %s', (_, schema, rules) => {
		expect(rulesOf(schema)).toEqual(rules);
	});
});

describe('the API’s document, outlined', async () => {
	const doc = await buildOpenApiDocument(createApiApp());
	const groups = outline(doc);
	const all = groups.flatMap((g) => g.operations);
	const find = (method: string, path: string): DocOperation => {
		const op = all.find((o) => o.method === method && o.path === path);
		if (!op) throw new Error(`${method} ${path} is not outlined`);
		return op;
	};

	it('lists every operation of the document once, grouped by tag in the document’s order', () => {
		const count = Object.values(doc.paths ?? {}).reduce(
			(n, item) =>
				n + ['get', 'post', 'put', 'patch', 'delete'].filter((m) => m in (item ?? {})).length,
			0
		);
		expect(all).toHaveLength(count);
		expect(new Set(all.map((o) => o.id)).size).toBe(count);
		expect(groups.map((g) => g.tag).slice(0, 3)).toEqual(['health', 'openapi', 'basemap']);
		for (const g of groups)
			for (const o of g.operations) expect(o.path.startsWith('/api/')).toBe(true);
	});

	it('gives a validated route its parameters with their rules', () => {
		const communes = find('GET', '/api/communes');
		expect(communes).toMatchObject({ summaryVi: 'Các xã, phường của một tỉnh', auth: false });
		expect(communes.params).toEqual([
			expect.objectContaining({ name: 'province', in: 'query', type: 'string', required: true })
		]);
	});

	it('lists a body’s fields, nested ones by their path', () => {
		const create = find('POST', '/api/teams');
		expect(create.auth).toBe(true);
		expect(create.body?.media).toBe('application/json');
		expect(create.body?.fields.map((f) => f.name)).toEqual(
			expect.arrayContaining(['communeCode', 'name'])
		);
		const plan = find('POST', '/api/routes');
		expect(plan.body?.fields.some((f) => f.name.startsWith('routes[].'))).toBe(true);
	});

	it('shows a CSV upload as a file, without fields', () => {
		expect(find('POST', '/api/teams/import').body).toEqual({ media: 'text/csv', fields: [] });
	});

	it.each<[Locale, string[]]>([
		[
			'vi',
			[
				'Tài liệu API',
				'Thành lập tổ',
				'Cần đăng nhập',
				'Bắt buộc',
				'truy vấn',
				'Tổ công nghệ số',
				'Cần đăng nhập trước (unauthenticated)'
			]
		],
		[
			'en',
			[
				'API documentation',
				'Create a team',
				'Login required',
				'Required',
				'query',
				'Teams',
				'Log in first (unauthenticated)'
			]
		]
	])('renders on the server in %s, every operation with its method and path', (locale, words) => {
		const { body } = render(Page, {
			props: { data: { locale, version: '0.1.0', groups } } as never
		});
		for (const w of words) expect(body).toContain(w);
		for (const o of all) expect(body).toContain(`id="${o.id}"`);
		expect(body).toContain('href="/api/openapi.json"');
	});
});
