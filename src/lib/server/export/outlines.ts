/**
 * The areas' outlines for GeoJSON exports: the web-simplified boundaries the map's tiles are cut
 * from (the reference data's `_web` layers), written by scripts/build-geo.ts as static files —
 * one of the 34 provinces and one per province with its communes — and read here through the
 * static-assets binding. Never precached by the service worker (they are for downloads).
 */
import { ApiError } from '../api/errors.ts';
import { OUTLINES_PATH, type OutlineFile, type OutlineGeometry } from './outlines-contract.ts';

export { PROVINCE_OUTLINES } from './outlines-contract.ts';

/**
 * The outlines of the files `names` ("provinces", "19", …), by area code.
 * @throws ApiError 503 when the outlines were not built or cannot be read.
 */
export async function readOutlines(
	assets: Fetcher | undefined,
	origin: string,
	names: readonly string[]
): Promise<Map<string, OutlineGeometry>> {
	const unavailable = () =>
		new ApiError(
			'outlines_unavailable',
			503,
			'The area outlines for GeoJSON are not available (build them with npm run build:geo)'
		);
	if (!assets) throw unavailable();
	const files = await Promise.all(
		names.map(async (name) => {
			const res = await assets.fetch(new URL(`${OUTLINES_PATH}/${name}.json`, origin));
			if (!res.ok) throw unavailable();
			return (await res.json()) as OutlineFile;
		})
	);
	const out = new Map<string, OutlineGeometry>();
	for (const f of files)
		for (const feature of f.features) out.set(feature.properties.code, feature.geometry);
	return out;
}
