/**
 * The OpenAPI document as the docs page lists it (/tai-lieu-api): operations grouped by tag,
 * each with its method, path, summaries, parameters, body fields and responses. Pure: it reads
 * the document and returns plain data; words and number formats are the page's.
 */
import type { OpenAPIV3_1 } from 'openapi-types';
import { SUMMARY_VI } from './describe.ts';

/** A constraint of a field, worded by the page. */
export type FieldRule =
	| { kind: 'enum'; values: string[] }
	| { kind: 'length'; min?: number; max?: number }
	| { kind: 'range'; min?: number; max?: number }
	| { kind: 'items'; max?: number }
	| { kind: 'pattern'; value: string }
	| { kind: 'format'; value: string }
	| { kind: 'default'; value: string };

export interface DocField {
	/** `name`, or `parent.name` / `list[].name` for a nested body field. */
	name: string;
	/** Where a parameter goes (path, query, header, cookie); absent for a body field. */
	in?: string;
	/** `string`, `integer`, `string | null`, `array<object>`, … */
	type: string;
	required: boolean;
	rules: FieldRule[];
}

export interface DocOperation {
	id: string;
	method: string;
	/** The full path, base included (`/api/teams/{id}`). */
	path: string;
	summary: string | null;
	summaryVi: string | null;
	auth: boolean;
	params: DocField[];
	/** The body's media type and fields (a CSV or binary body has none). */
	body: { media: string; fields: DocField[] } | null;
	responses: { status: string; description: string }[];
}

export interface DocGroup {
	tag: string;
	description: string | null;
	operations: DocOperation[];
}

type Schema = OpenAPIV3_1.SchemaObject;
type Ref = OpenAPIV3_1.ReferenceObject;
const METHODS = ['get', 'post', 'put', 'patch', 'delete', 'head'] as const;
/** Bounds zod puts on every integer: not worth showing. */
const SAFE = Number.MAX_SAFE_INTEGER;
/** How deep the body's nested fields are listed. */
const MAX_DEPTH = 3;

const isRef = (x: unknown): x is Ref => typeof x === 'object' && x !== null && '$ref' in x;

/** The target of a local `$ref` (`#/components/…`), or undefined. */
function deref<T>(doc: OpenAPIV3_1.Document, x: T | Ref | undefined): T | undefined {
	if (!isRef(x)) return x;
	const target = x.$ref
		.replace(/^#\//, '')
		.split('/')
		.reduce<unknown>((o, k) => (o as Record<string, unknown> | undefined)?.[k], doc);
	return target as T | undefined;
}

/** The schema's alternatives without `null`, and whether null is one of them. */
function variants(s: Schema): { options: Schema[]; nullable: boolean } {
	const list = (s.anyOf ?? s.oneOf) as Schema[] | undefined;
	if (list) {
		const options = list.filter((o) => o.type !== 'null');
		return { options, nullable: options.length < list.length };
	}
	if (Array.isArray(s.type)) {
		const types = s.type.filter((t) => t !== 'null');
		return {
			options: types.map((type) => ({ ...s, type }) as Schema),
			nullable: types.length < s.type.length
		};
	}
	return { options: [s], nullable: false };
}

/** A short type name: `string`, `integer | null`, `array<string>`, `"a"`. */
export function typeName(s: Schema): string {
	const { options, nullable } = variants(s);
	const names = options.map((o) => {
		if (o.const !== undefined) return JSON.stringify(o.const);
		if (o.type === 'array') {
			const items = o.items as Schema | undefined;
			return `array<${items && Object.keys(items).length ? typeName(items) : 'any'}>`;
		}
		return typeof o.type === 'string' ? o.type : o.properties ? 'object' : 'any';
	});
	const unique = [...new Set(names)];
	return [...unique, ...(nullable ? ['null'] : [])].join(' | ');
}

/** The constraints of a schema worth showing to a reader. */
export function rulesOf(s: Schema): FieldRule[] {
	const rules: FieldRule[] = [];
	for (const o of variants(s).options) {
		if (o.enum) rules.push({ kind: 'enum', values: o.enum.map(String) });
		if (o.minLength !== undefined || o.maxLength !== undefined) {
			rules.push({ kind: 'length', min: o.minLength, max: o.maxLength });
		}
		const min = o.minimum !== undefined && o.minimum > -SAFE ? o.minimum : undefined;
		const max = o.maximum !== undefined && o.maximum < SAFE ? o.maximum : undefined;
		if (min !== undefined || max !== undefined) rules.push({ kind: 'range', min, max });
		if (o.maxItems !== undefined) rules.push({ kind: 'items', max: o.maxItems });
		if (o.format) rules.push({ kind: 'format', value: o.format });
		else if (o.pattern) rules.push({ kind: 'pattern', value: o.pattern });
	}
	if (s.default !== undefined && s.default !== null) {
		rules.push({ kind: 'default', value: String(s.default) });
	}
	return rules;
}

/** The object schema of a field (through `| null` and arrays), to list its own fields. */
function objectOf(s: Schema): { schema: Schema; array: boolean } | null {
	for (const o of variants(s).options) {
		if (o.properties) return { schema: o, array: false };
		const items = o.type === 'array' ? (o.items as Schema | undefined) : undefined;
		if (items?.properties) return { schema: items, array: true };
	}
	return null;
}

/** The fields of an object schema, nested ones as `parent.name` or `list[].name`. */
export function fieldsOf(
	doc: OpenAPIV3_1.Document,
	schema: Schema | Ref | undefined,
	prefix = '',
	depth = 1
): DocField[] {
	const s = deref<Schema>(doc, schema);
	if (!s?.properties) return [];
	const required = new Set(s.required ?? []);
	return Object.entries(s.properties).flatMap(([name, raw]) => {
		const p = deref<Schema>(doc, raw as Schema | Ref) ?? {};
		const field: DocField = {
			name: `${prefix}${name}`,
			type: typeName(p),
			required: required.has(name),
			rules: rulesOf(p)
		};
		const inner = depth < MAX_DEPTH ? objectOf(p) : null;
		const nested = inner
			? fieldsOf(doc, inner.schema, `${prefix}${name}${inner.array ? '[]' : ''}.`, depth + 1)
			: [];
		return [field, ...nested];
	});
}

function operationOf(
	doc: OpenAPIV3_1.Document,
	base: string,
	path: string,
	method: string,
	op: OpenAPIV3_1.OperationObject
): DocOperation {
	const params = (op.parameters ?? []).flatMap((raw) => {
		const p = deref<OpenAPIV3_1.ParameterObject>(doc, raw);
		if (!p) return [];
		const schema = (deref<Schema>(doc, p.schema as Schema | Ref) ?? {}) as Schema;
		return [
			{
				name: p.name,
				in: p.in,
				type: typeName(schema),
				required: !!p.required,
				rules: rulesOf(schema)
			}
		];
	});
	const body = deref<OpenAPIV3_1.RequestBodyObject>(doc, op.requestBody);
	const media = body ? Object.keys(body.content)[0] : undefined;
	const responses = Object.entries(op.responses ?? {}).map(([status, raw]) => ({
		status,
		description: deref<OpenAPIV3_1.ResponseObject>(doc, raw)?.description ?? ''
	}));
	const vi = (op as Record<string, unknown>)[SUMMARY_VI];
	return {
		id: op.operationId ?? `${method}${path}`,
		method: method.toUpperCase(),
		path: `${base}${path}`,
		summary: op.summary ?? null,
		summaryVi: typeof vi === 'string' ? vi : null,
		auth: (op.security ?? doc.security ?? []).some((r) => Object.keys(r).length > 0),
		params,
		body: media ? { media, fields: fieldsOf(doc, body?.content[media]?.schema) } : null,
		responses
	};
}

/** The document's operations grouped by their first tag, in the order of its tags list. */
export function outline(doc: OpenAPIV3_1.Document): DocGroup[] {
	const base = doc.servers?.[0]?.url.replace(/\/$/, '') ?? '';
	const groups = new Map<string, DocGroup>();
	for (const t of doc.tags ?? []) {
		groups.set(t.name, { tag: t.name, description: t.description ?? null, operations: [] });
	}
	for (const [path, item] of Object.entries(doc.paths ?? {})) {
		for (const m of METHODS) {
			const op = item?.[m];
			if (!op) continue;
			const tag = op.tags?.[0] ?? 'other';
			if (!groups.has(tag)) groups.set(tag, { tag, description: null, operations: [] });
			groups.get(tag)!.operations.push(operationOf(doc, base, path, m, op));
		}
	}
	return [...groups.values()].filter((g) => g.operations.length > 0);
}
