import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { snapshotId } from '../../src/lib/map/first-paint-snapshot-store.ts';
import { SNAPSHOT_CACHE, SNAPSHOT_SCRIPT } from '../../src/lib/map/first-paint-snapshot.js';
import config from '../../svelte.config.js';

const OPENING = '{"tilesUrl":"/geo/tiles/4dd28b51829c/{z}/{x}/{y}.pbf","focus":false}';
const PAINT = '#ffffcc,#a1dab4|0556900000010';

describe("the picture of a return visit's first paint", () => {
	it('is found only for the same version, view and colours', () => {
		const id = snapshotId('1', OPENING, PAINT);
		expect(id).toMatch(/^[0-9a-f]{16}$/);
		expect(snapshotId('1', OPENING, PAINT)).toBe(id);
		// One commune's colour, the view or the version changed: another picture.
		const others = [
			snapshotId('1', OPENING, PAINT.replace('0556900', '0556901')),
			snapshotId('1', OPENING.replace('false', 'true'), PAINT),
			snapshotId('2', OPENING, PAINT),
			// The parts are separated: moving text from one to the next is not the same paint.
			snapshotId('1', OPENING + '#', PAINT.slice(1))
		];
		for (const other of others) expect(other).not.toBe(id);
	});

	it('spreads 10.000 paints over 10.000 ids', () => {
		const ids = new Set<string>();
		for (let i = 0; i < 10_000; i++) ids.add(snapshotId('1', OPENING, `${PAINT}${i}`));
		expect(ids.size).toBe(10_000);
	});

	it('is shown by an inline script the page CSP allows by its hash', () => {
		const hash = createHash('sha256').update(SNAPSHOT_SCRIPT).digest('base64');
		expect(config.kit?.csp?.directives?.['script-src']).toContain(`sha256-${hash}`);
		expect(SNAPSHOT_SCRIPT).toContain(`cacheName:'${SNAPSHOT_CACHE}'`);
		// A script that does not even parse would fail silently in the page.
		expect(() => new Function(SNAPSHOT_SCRIPT)).not.toThrow();
	});
});
