/**
 * GeoJSON → per-code bounding boxes and label points. Only the `code` property and the
 * geometry are read; names in the GeoJSON are ignored (joins are on codes, never names).
 */
import bbox from '@turf/bbox';
import { z } from 'zod';
import { ImportError } from './errors.ts';

/** [west, south, east, north] in degrees. */
export type BBox = [number, number, number, number];

/** A feature's code and the 0-based index it has in `features`. */
export interface FeatureRef {
	index: number;
	code: string;
}

const position = z.tuple([z.number(), z.number()]).rest(z.number());
// Polygon coordinates are only checked through their bbox: validating ~400k vertices with
// zod would cost more than the rest of the import.
const shape = z.object({
	type: z.enum(['Polygon', 'MultiPolygon']),
	coordinates: z.array(z.unknown()).min(1)
});
const point = z.object({ type: z.literal('Point'), coordinates: position });

const collection = z.object({
	type: z.literal('FeatureCollection'),
	features: z.array(z.unknown())
});

/** Parses JSON text as a FeatureCollection; throws ImportError with the file name. */
function parseCollection(file: string, text: string): unknown[] {
	let json: unknown;
	try {
		json = JSON.parse(text);
	} catch (err) {
		throw new ImportError(`is not valid JSON (${(err as Error).message})`, { file });
	}
	const parsed = collection.safeParse(json);
	if (!parsed.success) throw new ImportError('is not a GeoJSON FeatureCollection', { file });
	return parsed.data.features;
}

/** Reads a feature's `properties.code` without trusting the feature's shape. */
function rawCode(raw: unknown): unknown {
	return (raw as { properties?: { code?: unknown } } | null)?.properties?.code;
}

/** Validates every feature: a `code` of `codeDigits` digits and a geometry matching `geometry`. */
function parseFeatures<O>(
	file: string,
	text: string,
	codeDigits: number,
	geometry: z.ZodType<O>
): Array<FeatureRef & { geometry: O }> {
	const codeSchema = z.string().regex(new RegExp(`^\\d{${codeDigits}}$`));
	return parseCollection(file, text).map((raw, index) => {
		const at = { file, featureIndex: index };
		const code = codeSchema.safeParse(rawCode(raw));
		if (!code.success) {
			const detail = `${JSON.stringify(rawCode(raw)) ?? 'no code'} is not a ${codeDigits}-digit code`;
			throw new ImportError(detail, { ...at, field: 'properties.code' });
		}
		const shape = geometry.safeParse((raw as { geometry?: unknown }).geometry);
		if (!shape.success) {
			const issue = shape.error.issues[0];
			const detail = `code "${code.data}" has an invalid geometry (${issue?.path.join('.') || 'type'}: ${issue?.message})`;
			throw new ImportError(detail, { ...at, field: 'geometry' });
		}
		return { index, code: code.data, geometry: shape.data };
	});
}

/**
 * Bounding box of each (Multi)Polygon feature, by code.
 *
 * @returns features in file order with their code and bbox
 * @throws ImportError for invalid JSON, a feature without a valid code or (Multi)Polygon
 *   geometry, or coordinates that give no finite bbox
 */
export function parseShapeBoxes(
	file: string,
	text: string,
	codeDigits: number
): Array<FeatureRef & { bbox: BBox }> {
	return parseFeatures(file, text, codeDigits, shape).map((f) => {
		let box: number[] = [];
		try {
			box = bbox(f.geometry as GeoJSON.Polygon | GeoJSON.MultiPolygon);
		} catch {
			// malformed coordinates: reported below like any other non-finite box
		}
		if (box.length !== 4 || !box.every(Number.isFinite)) {
			throw new ImportError('geometry has no valid coordinates', { file, featureIndex: f.index });
		}
		return { index: f.index, code: f.code, bbox: box as BBox };
	});
}

/**
 * The label point of each Point feature, by code.
 *
 * @returns features in file order with their code and [lon, lat]
 * @throws ImportError for invalid JSON, a feature without a valid code or Point geometry
 */
export function parseLabelPoints(
	file: string,
	text: string,
	codeDigits: number
): Array<FeatureRef & { lon: number; lat: number }> {
	return parseFeatures(file, text, codeDigits, point).map((f) => ({
		index: f.index,
		code: f.code,
		lon: f.geometry.coordinates[0],
		lat: f.geometry.coordinates[1]
	}));
}

/**
 * Joins features to known codes: every feature must name a known row, at most once, and
 * every known row must have a feature.
 *
 * @returns code → the feature's payload
 * @throws ImportError naming file, feature index and code for an unknown or repeated code,
 *   or the first row code that has no feature
 */
export function joinFeatures<F extends FeatureRef>(
	file: string,
	features: F[],
	known: ReadonlySet<string>,
	knownFile: string
): Map<string, F> {
	const byCode = new Map<string, F>();
	for (const f of features) {
		const at = { file, featureIndex: f.index, field: 'properties.code' };
		if (!known.has(f.code)) {
			throw new ImportError(`code "${f.code}" matches no row of ${knownFile}`, at);
		}
		const first = byCode.get(f.code);
		if (first) throw new ImportError(`code "${f.code}" repeats features[${first.index}]`, at);
		byCode.set(f.code, f);
	}
	for (const code of known) {
		if (!byCode.has(code)) {
			throw new ImportError(`no feature for code "${code}" of ${knownFile}`, { file });
		}
	}
	return byCode;
}
