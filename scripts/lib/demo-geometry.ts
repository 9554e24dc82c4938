/**
 * Commune polygons for the demo seed, read from the reference data directory: the detailed
 * layer (points must fall inside the real outline) and the label points (always inside, the
 * fallback). Shapes are prepared on first use.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FeatureCollection, MultiPolygon, Point, Polygon } from 'geojson';
import { communeShape, type CommuneShape, type LonLat } from '../../src/lib/server/demo/geo.ts';
import { requireDataDir } from './paths.ts';

type Props = { code: string };

function readLayer<G extends Polygon | MultiPolygon | Point>(
	file: string
): FeatureCollection<G, Props> {
	return JSON.parse(readFileSync(join(requireDataDir(), file), 'utf8')) as FeatureCollection<
		G,
		Props
	>;
}

/**
 * Loads the commune layers once.
 * @returns a lookup from commune code to its prepared shape (undefined for an unknown code).
 * @throws SetupError when the data directory is missing.
 */
export function loadCommuneShapes(): (code: string) => CommuneShape | undefined {
	const polygons = new Map(
		readLayer<Polygon | MultiPolygon>('vn2025_communes_detailed.geojson').features.map((f) => [
			f.properties.code,
			f.geometry
		])
	);
	const labels = new Map(
		readLayer<Point>('vn2025_commune_labels.geojson').features.map((f) => [
			f.properties.code,
			f.geometry.coordinates as LonLat
		])
	);
	const cache = new Map<string, CommuneShape>();
	return (code) => {
		const geometry = polygons.get(code);
		if (!geometry) return undefined;
		let shape = cache.get(code);
		if (!shape) {
			shape = communeShape(geometry, labels.get(code) ?? null);
			cache.set(code, shape);
		}
		return shape;
	};
}
