/** Types for vt-pbf 3 (mapbox), which ships none: only the entry point the build uses. */
declare module 'vt-pbf' {
	import type { LegacyTile } from 'geojson-vt';
	/** Encodes geojson-vt tiles, one per layer name, as one Mapbox Vector Tile (uncompressed). */
	export function fromGeojsonVt(
		layers: Record<string, LegacyTile>,
		options?: { version?: number; extent?: number }
	): Uint8Array;
}
