import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildGeo } from '../../scripts/lib/geo/build.ts';
import { dataDir } from '../../scripts/lib/paths.ts';
import { GEO_MAX_ZOOM, GEO_MIN_ZOOM, GLYPH_FONTSTACK } from '../../src/lib/map/geo-contract.ts';
import { parseGeoManifest } from '../../src/lib/map/manifest.ts';

const hasData = existsSync(join(dataDir(), 'vn2025_communes_detailed.geojson'));

/** Cloudflare Workers static assets: at most 20,000 files per deployment. */
const ASSET_FILE_LIMIT = 20_000;

describe.skipIf(!hasData)('geometry build', () => {
	const out = mkdtempSync(join(tmpdir(), 'tungngo-geo-'));
	afterAll(() => rmSync(out, { recursive: true, force: true }));

	it('writes tiles, glyphs and a valid manifest, then skips an unchanged rebuild', () => {
		const first = buildGeo(dataDir(), out);
		expect(first.skipped).toBe(false);
		const manifest = parseGeoManifest(JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')));
		expect(manifest).toEqual(first.manifest);
		expect(manifest.counts).toEqual({ communes: 3321, provinces: 34 });
		expect([manifest.minzoom, manifest.maxzoom]).toEqual([GEO_MIN_ZOOM, GEO_MAX_ZOOM]);
		expect(manifest.tiles[0]).toMatch(/^\/geo\/tiles\/[0-9a-f]{12}\/\{z\}\/\{x\}\/\{y\}\.pbf$/);
		expect(manifest.stats.tileCount).toBeLessThan(ASSET_FILE_LIMIT);

		// The national tile exists where the template says.
		const tile = manifest.tiles[0]!.replace('/geo/', '').replace('{z}/{x}/{y}', '4/12/7');
		expect(readFileSync(join(out, tile)).length).toBeGreaterThan(10_000);
		const glyph = manifest.glyphs
			.replace('/geo/', '')
			.replace('{fontstack}', GLYPH_FONTSTACK)
			.replace('{range}', '7680-7935');
		expect(existsSync(join(out, glyph))).toBe(true);
		// The outlines of the GeoJSON exports: the provinces, and each province's communes.
		const outlines = (name: string) =>
			JSON.parse(readFileSync(join(out, 'outlines', `${name}.json`), 'utf8')) as {
				features: { properties: { code: string } }[];
			};
		expect(outlines('provinces').features).toHaveLength(34);
		expect(outlines('19').features.map((f) => f.properties.code)).toContain('05569');

		const second = buildGeo(dataDir(), out);
		expect(second.skipped).toBe(true);
		expect(second.ms).toBeLessThan(2_000);
	}, 120_000);

	it('rebuilds on request to identical, content-addressed output', () => {
		const before = parseGeoManifest(JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')));
		const again = buildGeo(dataDir(), out, { force: true });
		expect(again.skipped).toBe(false);
		expect(again.manifest.tiles).toEqual(before.tiles);
		expect(again.manifest.glyphs).toEqual(before.glyphs);
		// Old versions are pruned: one tile folder, one font folder.
		expect(readdirSync(join(out, 'tiles'))).toHaveLength(1);
		expect(readdirSync(join(out, 'fonts'))).toHaveLength(1);
	}, 120_000);
});
