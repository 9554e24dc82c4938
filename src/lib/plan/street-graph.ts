/**
 * The commune's street graph in the browser: fetched once per commune from
 * `/api/basemap/graphs/{code}` (the bytes of encodeStreetGraph), decoded, and kept in memory for
 * the page's life. Null when the commune has none (404), the answer is not a graph this build
 * reads, or the network fails — the planner and the maps then use straight lines, as before.
 * A network failure is not remembered: the next call tries again.
 */
import { decodeStreetGraph } from '../domain/streets/codec.ts';
import type { StreetGraph } from '../domain/streets/types.ts';

/** A graph and the bytes it came from (the planning worker is sent the bytes: a typed array). */
export interface LoadedStreetGraph {
	bytes: Uint8Array;
	graph: StreetGraph;
}

/** Where a commune's graph is served. */
export const streetGraphUrl = (communeCode: string) =>
	`/api/basemap/graphs/${encodeURIComponent(communeCode)}`;

const loaded = new Map<string, Promise<LoadedStreetGraph | null>>();

async function fetchGraph(
	communeCode: string,
	fetcher: typeof fetch
): Promise<LoadedStreetGraph | null | 'offline'> {
	let bytes: Uint8Array;
	try {
		const res = await fetcher(streetGraphUrl(communeCode), { credentials: 'same-origin' });
		if (!res.ok) return null;
		bytes = new Uint8Array(await res.arrayBuffer());
	} catch {
		return 'offline';
	}
	try {
		return { bytes, graph: decodeStreetGraph(bytes) };
	} catch {
		return null; // another format version, or not a graph
	}
}

/**
 * The commune's graph with its bytes, or null (none, unreadable, or no network).
 * @param fetcher the fetch to use (tests inject faults).
 */
export function loadStreetGraphBytes(
	communeCode: string,
	fetcher: typeof fetch = fetch
): Promise<LoadedStreetGraph | null> {
	let p = loaded.get(communeCode);
	if (p) return p;
	p = fetchGraph(communeCode, fetcher).then((r) => {
		if (r !== 'offline') return r;
		if (loaded.get(communeCode) === p) loaded.delete(communeCode); // try again next time
		return null;
	});
	loaded.set(communeCode, p);
	return p;
}

/** The commune's street graph, decoded, or null: see loadStreetGraphBytes. */
export async function loadStreetGraph(
	communeCode: string,
	fetcher: typeof fetch = fetch
): Promise<StreetGraph | null> {
	return (await loadStreetGraphBytes(communeCode, fetcher))?.graph ?? null;
}

/** Forgets every loaded graph (tests; a new basemap version). */
export function forgetStreetGraphs(): void {
	loaded.clear();
}
