/**
 * The Cron Triggers wrangler.toml declares are the ones the scheduled run knows (a cron string
 * changed on one side only would run nothing nightly, or never refresh the figures).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { FREQUENT_CRON, NIGHTLY_CRON } from '../../src/lib/server/scheduled/run.ts';

describe('scheduled work', () => {
	it('wrangler.toml triggers exactly the crons the scheduled run handles', () => {
		const toml = readFileSync('wrangler.toml', 'utf8');
		const crons = toml.match(/^\[triggers\]\s*\ncrons\s*=\s*\[([^\]]*)\]/m)?.[1];
		expect(crons?.match(/"[^"]+"/g)?.map((c) => c.slice(1, -1))).toEqual([
			FREQUENT_CRON,
			NIGHTLY_CRON
		]);
	});

	it('the worker wrangler runs wraps the SvelteKit worker the adapter writes', () => {
		expect(readFileSync('wrangler.toml', 'utf8')).toMatch(/^main = "worker\/entry.js"$/m);
		expect(readFileSync('wrangler.kit.toml', 'utf8')).toMatch(
			/^main = "\.svelte-kit\/cloudflare\/_worker\.js"$/m
		);
		const entry = readFileSync('worker/entry.js', 'utf8');
		expect(entry).toContain("from '../.svelte-kit/cloudflare/_worker.js'");
		expect(entry).toMatch(/async scheduled\(/);
	});
});
