/**
 * The areas' outlines for the GeoJSON exports (src/lib/server/export/outlines.ts): the same
 * web-simplified boundaries the tiles are cut from, one file of the 34 provinces and one per
 * province with its communes, each a FeatureCollection whose features carry only their `code`.
 * Written before the manifest, so a page never sees a manifest without its outlines.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
	OUTLINES_PATH,
	PROVINCE_OUTLINES,
	type OutlineFile
} from '../../../src/lib/server/export/outlines-contract.ts';
import type { AreaUnit } from './sources.ts';

/** An outline as GeoJSON: a Polygon for one part, a MultiPolygon for several. */
function featureOf(u: AreaUnit): OutlineFile['features'][number] {
	const geometry =
		u.polygons.length === 1
			? { type: 'Polygon' as const, coordinates: u.polygons[0] }
			: { type: 'MultiPolygon' as const, coordinates: u.polygons };
	return { type: 'Feature', properties: { code: u.code }, geometry };
}

const collection = (units: AreaUnit[]): OutlineFile => ({
	type: 'FeatureCollection',
	features: units.map(featureOf)
});

/** The outline files by name ("provinces", "01", …), sorted by code within each. */
export function outlineFiles(
	communes: AreaUnit[],
	provinces: AreaUnit[]
): Map<string, OutlineFile> {
	const byCode = (a: AreaUnit, b: AreaUnit) => a.code.localeCompare(b.code);
	const files = new Map([[PROVINCE_OUTLINES, collection([...provinces].sort(byCode))]]);
	for (const p of provinces) {
		files.set(p.code, collection(communes.filter((c) => c.province === p.code).sort(byCode)));
	}
	return files;
}

/** Writes the outline files into `outDir` (the served /geo folder). @returns bytes written. */
export function writeOutlines(outDir: string, communes: AreaUnit[], provinces: AreaUnit[]): number {
	const dir = join(outDir, OUTLINES_PATH.replace(/^\/geo\/?/, ''));
	mkdirSync(dir, { recursive: true });
	let bytes = 0;
	for (const [name, file] of outlineFiles(communes, provinces)) {
		const text = JSON.stringify(file);
		writeFileSync(join(dir, `${name}.json`), text);
		bytes += text.length;
	}
	return bytes;
}
