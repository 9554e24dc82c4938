/**
 * The lint rule that keeps src/lib/domain pure (eslint.config.js) must not silently vanish:
 * each forbidden import and global, linted as if it were a domain file, is reported; the same
 * code outside the domain, and the domain's allowed imports, are not.
 */
import { ESLint } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';

const eslint = new ESLint({ cwd: process.cwd() });

async function messages(code: string, filePath: string): Promise<string[]> {
	const [result] = await eslint.lintText(code, { filePath });
	return (result?.messages ?? []).map((m) => `${m.ruleId}: ${m.message}`);
}

const DOMAIN_FILE = 'src/lib/domain/lint-probe.ts';

describe('the pure-domain lint rule', () => {
	// Loading the config (TypeScript and Svelte parsers) takes seconds on a slow machine.
	beforeAll(() => messages('export {};\n', DOMAIN_FILE), 60_000);

	it.each([
		["import { page } from '$app/state';", 'no-restricted-imports'],
		["import { error } from '@sveltejs/kit';", 'no-restricted-imports'],
		["import { untrack } from 'svelte';", 'no-restricted-imports'],
		["import { Hono } from 'hono';", 'no-restricted-imports'],
		["import { eq } from 'drizzle-orm';", 'no-restricted-imports'],
		["import { sqliteTable } from 'drizzle-orm/sqlite-core';", 'no-restricted-imports'],
		["import { getDb } from '$lib/server/db/client';", 'no-restricted-imports'],
		["import { ApiError } from '../server/api/errors.ts';", 'no-restricted-imports'],
		["import Map from '$lib/components/map/CoverageMap.svelte';", 'no-restricted-imports'],
		["import maplibre from 'maplibre-gl';", 'no-restricted-imports'],
		["import { Workbox } from 'workbox-window';", 'no-restricted-imports'],
		["import { readFileSync } from 'node:fs';", 'no-restricted-imports'],
		["import { readFileSync } from 'fs';", 'no-restricted-imports'],
		['export const w = window.innerWidth;', 'no-restricted-globals'],
		['export const d = document.title;', 'no-restricted-globals'],
		["export const l = localStorage.getItem('x');", 'no-restricted-globals'],
		['export const n = navigator.onLine;', 'no-restricted-globals'],
		['export const i = indexedDB;', 'no-restricted-globals']
	])('reports %s in a domain file', async (code, rule) => {
		const found = await messages(`${code}\nexport {};\n`, DOMAIN_FILE);
		expect(
			found.some((m) => m.startsWith(`${rule}:`)),
			found.join('\n')
		).toBe(true);
	});

	it('leaves the same import alone outside the domain', async () => {
		const found = await messages(
			"import { Hono } from 'hono';\nexport { Hono };\n",
			'src/lib/server/api/lint-probe.ts'
		);
		expect(found.filter((m) => m.startsWith('no-restricted'))).toEqual([]);
	});

	it("allows the domain's own imports and pure libraries", async () => {
		const code = [
			"import { z } from 'zod';",
			"import Papa from 'papaparse';",
			"import { cleanText } from './text.ts';",
			'export { z, Papa, cleanText };',
			''
		].join('\n');
		expect(await messages(code, DOMAIN_FILE)).toEqual([]);
	});
});
