import js from '@eslint/js';
import ts from 'typescript-eslint';
import svelte from 'eslint-plugin-svelte';
import prettier from 'eslint-config-prettier';
import globals from 'globals';
import { builtinModules } from 'node:module';
import svelteConfig from './svelte.config.js';

/**
 * The domain is pure TypeScript (docs/style.md, "Keep the domain pure"): no framework,
 * database, server, component, map, service-worker or Node imports, and no browser globals.
 * tests/unit/eslint-domain.test.ts proves the rule fires.
 */
const DOMAIN_FORBIDDEN_IMPORTS = [
	{
		group: ['$app/*', '@sveltejs/*', 'svelte', 'svelte/*'],
		message: 'The domain knows no framework.'
	},
	{ group: ['hono', 'hono/*', '@hono/*'], message: 'The domain knows no HTTP framework.' },
	{ group: ['drizzle-orm', 'drizzle-orm/*'], message: 'The domain knows no database.' },
	{
		group: ['$lib/server/*', '**/server/*', '$lib/components/*', '**/components/*'],
		message: 'The domain imports neither the server nor components.'
	},
	{ group: ['maplibre-gl', 'workbox-*'], message: 'The domain knows no map or service worker.' },
	{ group: ['node:*'], message: 'The domain runs everywhere: no Node modules.' }
];

export default ts.config(
	{
		ignores: [
			'.svelte-kit/',
			'.wrangler/',
			'.tools/',
			'node_modules/',
			'static/geo/',
			'generated/',
			'test-results/',
			'playwright-report/',
			'tests/artifacts/',
			'bench/results/'
		]
	},
	js.configs.recommended,
	...ts.configs.recommended,
	...svelte.configs.recommended,
	prettier,
	...svelte.configs.prettier,
	{
		languageOptions: { globals: { ...globals.browser, ...globals.node } },
		rules: {
			'no-undef': 'off',
			'@typescript-eslint/no-unused-vars': [
				'error',
				{ argsIgnorePattern: '^_', varsIgnorePattern: '^_' }
			]
		}
	},
	{
		files: ['**/*.svelte', '**/*.svelte.ts'],
		languageOptions: {
			parserOptions: {
				projectService: true,
				extraFileExtensions: ['.svelte'],
				parser: ts.parser,
				svelteConfig
			}
		}
	},
	{
		files: ['src/lib/domain/**'],
		rules: {
			'no-restricted-imports': [
				'error',
				{
					patterns: DOMAIN_FORBIDDEN_IMPORTS,
					paths: builtinModules.map((name) => ({
						name,
						message: 'The domain runs everywhere: no Node modules.'
					}))
				}
			],
			'no-restricted-globals': [
				'error',
				...['window', 'document', 'localStorage', 'sessionStorage', 'navigator', 'indexedDB'].map(
					(name) => ({ name, message: 'The domain is pure: pass what it needs in.' })
				)
			]
		}
	}
);
