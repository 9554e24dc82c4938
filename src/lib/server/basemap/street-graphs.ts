/**
 * A commune's street graph on the server: read from R2 (`BASEMAP`, `graphs/{code}.bin`, the
 * bytes the planning page's worker decodes), so a saved outing is priced along the same
 * streets as the plan the leader saw. Decoded graphs are kept per isolate under the object's
 * etag: a rebuilt graph is read again, an unchanged one costs a header read (R2 head).
 */
import { decodeStreetGraph } from '../../domain/streets/codec.ts';
import type { StreetGraph } from '../../domain/streets/types.ts';
import { streetGraphKey } from './config.ts';

/** Communes whose graphs an isolate keeps (a ward's graph is a few MB decoded). */
const KEPT_GRAPHS = 4;

/** Decoded graphs by commune code, oldest use first; null: that etag's bytes are unreadable. */
const kept = new Map<string, { etag: string; graph: StreetGraph | null }>();

function keep(code: string, etag: string, graph: StreetGraph | null): StreetGraph | null {
	kept.delete(code);
	kept.set(code, { etag, graph });
	while (kept.size > KEPT_GRAPHS) kept.delete(kept.keys().next().value!);
	return graph;
}

/** Decodes `bytes`, or null (another format version, or not a graph). */
function decodeOrNull(code: string, bytes: ArrayBuffer): StreetGraph | null {
	try {
		return decodeStreetGraph(new Uint8Array(bytes));
	} catch (err) {
		console.warn(`street graph of commune ${code} unreadable: straight lines × detour`, err);
		return null;
	}
}

/**
 * The commune's street graph, or null when there is no bucket, no graph, unreadable bytes or
 * R2 fails: a caller then prices with straight lines × detour, never failing because of it.
 */
export async function communeStreetGraph(
	bucket: R2Bucket | undefined,
	communeCode: string
): Promise<StreetGraph | null> {
	if (!bucket) return null;
	try {
		const key = streetGraphKey(communeCode);
		const head = await bucket.head(key);
		if (!head) {
			kept.delete(communeCode);
			return null;
		}
		const held = kept.get(communeCode);
		if (held?.etag === head.etag) return keep(communeCode, held.etag, held.graph);
		// Kept under the etag of the bytes read (a graph replaced since the head is not mislabelled).
		const obj = await bucket.get(key);
		if (!obj) return null;
		return keep(communeCode, obj.etag, decodeOrNull(communeCode, await obj.arrayBuffer()));
	} catch (err) {
		console.warn(`street graph of commune ${communeCode} not read: straight lines × detour`, err);
		return null;
	}
}
