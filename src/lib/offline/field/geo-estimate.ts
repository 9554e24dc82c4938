/** Sizing a route's offline download before it starts: the app's own tiles and glyphs. */
interface GeoStats {
	byZoom?: Record<string, { tiles: number; bytes: number }>;
	glyphBytes?: number;
}

/**
 * About how much the app's own tiles and glyphs of a route weigh: each tile the mean of its zoom,
 * each glyph range its share (from the build's manifest statistics).
 */
export async function geoEstimate(urls: readonly string[], glyphRanges: number): Promise<number> {
	const res = await fetch('/geo/manifest.json').catch(() => null);
	const stats = ((res?.ok ? await res.json() : null) as { stats?: GeoStats } | null)?.stats;
	if (!stats) return urls.length * 8_000;
	let bytes = 0;
	for (const url of urls) {
		const z = /\/(\d+)\/\d+\/\d+\.pbf$/.exec(url)?.[1];
		const zoom = z ? stats.byZoom?.[z] : undefined;
		if (zoom && zoom.tiles > 0) bytes += zoom.bytes / zoom.tiles;
		else if (url.includes('{range}') || /\/\d+-\d+\.pbf$/.test(url))
			bytes += (stats.glyphBytes ?? 0) / glyphRanges;
		else bytes += 2_000;
	}
	return Math.round(bytes);
}
