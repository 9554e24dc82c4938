import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SECURITY_HEADERS, addVary } from '../../src/lib/server/auth/headers.ts';

/** The headers Cloudflare adds to every static asset: the `/*` block of the root `_headers`. */
function staticAssetHeaders(): Map<string, string> {
	const text = readFileSync(join(import.meta.dirname, '../../_headers'), 'utf8');
	const out = new Map<string, string>();
	let inAll = false;
	for (const line of text.split('\n')) {
		if (line.startsWith('#') || line.trim() === '') continue;
		if (!/^\s/.test(line)) {
			inAll = line.trim() === '/*';
			continue;
		}
		const at = line.indexOf(':');
		if (inAll && at > 0) out.set(line.slice(0, at).trim().toLowerCase(), line.slice(at + 1).trim());
	}
	return out;
}

describe('static asset headers (_headers)', () => {
	it.each(Object.entries(SECURITY_HEADERS))('carry the worker’s %s unchanged', (name, value) => {
		expect(staticAssetHeaders().get(name.toLowerCase())).toBe(value);
	});
});

describe('addVary', () => {
	it.each([
		['adds to an empty Vary', null, ['Cookie'], 'Cookie'],
		['keeps names already there', 'Accept-Encoding', ['Cookie'], 'Accept-Encoding, Cookie'],
		['names a header once when added twice', 'Cookie', ['Cookie'], 'Cookie'],
		['ignores case', 'cookie', ['Cookie'], 'cookie'],
		['leaves Vary: * alone', '*', ['Cookie'], '*'],
		['adds several at once, once each', null, ['Cookie', 'Accept', 'cookie'], 'Cookie, Accept']
	])('%s', (_, before, names, after) => {
		const h = new Headers(before ? { Vary: before } : {});
		addVary(h, ...names);
		expect(h.get('Vary')).toBe(after);
	});
});
