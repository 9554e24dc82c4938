/**
 * Reading the base map's PMTiles archive from R2 with the `pmtiles` package: a Source doing R2
 * range reads, and one header/directory cache per isolate, so after the first request a tile
 * costs one small range read (two when its leaf directory is not cached yet).
 */
import { EtagMismatch, PMTiles, ResolvedValueCache, type Header, type Source } from 'pmtiles';

/**
 * Headers and directories of the archives this isolate has read, keyed by object key and etag.
 * ResolvedValueCache, not the shared-promise one: Workers cannot share a promise across requests.
 */
const directories = new ResolvedValueCache(64);

/**
 * How long an isolate trusts a header it read. A conditional read notices a replaced archive
 * only when a directory or tile is read, and a cached tile reads neither: past this age the
 * header is read again, so an archive replaced under the same key is served within minutes.
 */
const HEADER_TTL_MS = 5 * 60 * 1000;
const headerReadAt = new Map<string, number>();

/** The archive's object is missing from the bucket. */
export class ArchiveMissingError extends Error {}

/**
 * A pmtiles Source over one R2 object. With the etag the reader saw in the header, a read is
 * conditional: a replaced archive throws EtagMismatch, and the reader drops its cached header
 * and directories and reads again.
 */
export function r2Source(bucket: R2Bucket, key: string): Source {
	return {
		getKey: () => key,
		async getBytes(offset, length, _signal, etag) {
			const object = await bucket.get(key, {
				range: { offset, length },
				...(etag ? { onlyIf: { etagMatches: etag } } : {})
			});
			if (!object) throw new ArchiveMissingError(`no R2 object ${key}`);
			if (!('arrayBuffer' in object)) throw new EtagMismatch(`R2 object ${key} changed`);
			return { data: await object.arrayBuffer(), etag: object.etag };
		}
	};
}

/** The archive `key` of `bucket`, read through this isolate's directory cache. */
export async function openArchive(
	bucket: R2Bucket,
	key: string,
	now = Date.now()
): Promise<PMTiles> {
	const source = r2Source(bucket, key);
	const readAt = headerReadAt.get(key);
	if (readAt === undefined || now - readAt > HEADER_TTL_MS) {
		await directories.invalidate(source);
		headerReadAt.set(key, now);
	}
	return new PMTiles(source, directories);
}

export interface TileAddress {
	z: number;
	x: number;
	y: number;
}

const INTEGER = /^\d{1,9}$/;

/** z, x and y from the path parts; null when one is not a whole number. */
export function parseTileAddress(z: string, x: string, y: string): TileAddress | null {
	if (![z, x, y].every((part) => INTEGER.test(part))) return null;
	return { z: Number(z), x: Number(x), y: Number(y) };
}

/** Whether the archive can hold the tile: its zoom in range and x, y inside that zoom's grid. */
export function tileInArchive(t: TileAddress, header: Header): boolean {
	if (t.z < header.minZoom || t.z > header.maxZoom) return false;
	const size = 2 ** t.z;
	return t.x < size && t.y < size;
}

/** The tile's bytes (uncompressed MVT), or null when the archive has no such tile. */
export async function readTile(
	archive: PMTiles,
	t: TileAddress
): Promise<Uint8Array<ArrayBuffer> | null> {
	const found = await archive.getZxy(t.z, t.x, t.y);
	return found ? new Uint8Array(found.data) : null;
}
