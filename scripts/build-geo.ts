/**
 * Builds the map's geometry from the reference data: vector tiles (communes, provinces and
 * their labels), Vietnamese SDF glyph ranges and /geo/manifest.json, into static/geo.
 * Skips the work when inputs and build code are unchanged, so `npm run setup` stays fast.
 *
 *   node scripts/build-geo.ts [--force]
 * Env: TUNG_NGO_DATA_DIR (reference data), TUNG_NGO_GEO_DIR (output, default static/geo).
 */
import { parseArgs } from 'node:util';
import { buildGeo } from './lib/geo/build.ts';
import { geoOutDir, requireDataDir, SetupError } from './lib/paths.ts';

const { values } = parseArgs({ options: { force: { type: 'boolean', default: false } } });

function isMissingFile(err: unknown): err is NodeJS.ErrnoException {
	return err instanceof Error && (err as NodeJS.ErrnoException).code === 'ENOENT';
}

try {
	const dataDir = requireDataDir();
	const outDir = geoOutDir();
	const result = buildGeo(dataDir, outDir, { force: values.force, log: console.log });
	const { manifest: m, ms } = result;
	const mb = (n: number): string => (n / 1024 / 1024).toFixed(2);
	if (result.skipped) {
		console.log(
			`Map geometry up to date in ${outDir} (${m.stats.tileCount} tiles; ${ms.toFixed(0)} ms)`
		);
	} else {
		console.log(
			`Wrote ${m.stats.tileCount} tiles (${mb(m.stats.bytes)} MB, ${mb(m.stats.gzipBytes)} MB gzip), ` +
				`${m.counts.communes} communes, ${m.counts.provinces} provinces → ${outDir} ` +
				`in ${(ms / 1000).toFixed(1)} s`
		);
	}
} catch (err) {
	if (err instanceof SetupError) {
		console.error(err.message);
		process.exit(1);
	}
	if (isMissingFile(err)) {
		console.error(`Reference data file missing: ${err.path ?? err.message}`);
		process.exit(1);
	}
	throw err;
}
