/**
 * OpenStreetMap ways → street lines (src/lib/domain/streets): which `highway` ways a member
 * can walk or ride through a commune, and as what kind. The mapping, and why:
 *
 * | OSM tags                                                          | kind   |
 * |-------------------------------------------------------------------|--------|
 * | highway=trunk, primary, secondary, tertiary (and their _link)     | road   |
 * | highway=unclassified, residential, living_street, road, service   | street |
 * | the same with a `width` under NARROW_WIDTH_M                      | alley  |
 * | highway=service with service=alley, driveway, parking_aisle       | alley  |
 * | highway=footway, path, pedestrian, steps, track, cycleway, bridleway | path |
 * | a path-kind way with motorcycle / motor_vehicle = yes, designated | alley  |
 * | highway=motorway, motorway_link                                   | —      |
 * | access=no (unless foot or motorcycle is allowed); foot=no with motorcycle=no | — |
 * | anything else (construction, proposed, platform, corridor, …)     | —      |
 *
 * - Trunk roads stay: a quốc lộ is usually tagged trunk, houses line it and motorbikes ride
 *   it. Motorways (đường cao tốc) are closed to motorbikes, bicycles and people on foot.
 * - Ngõ, ngách and hẻm are drawn as service=alley or as narrow residential ways; their width
 *   decides whether a motorbike fits (ALLEY_MOTORBIKE_MIN_WIDTH_M in the domain's modes.ts).
 * - Tracks are paths, as field tracks (đường đất, bờ ruộng) are mapped: walked and cycled,
 *   not ridden, unless tagged otherwise.
 * - access=private is kept: a gated residential lane is still how its households are reached.
 */
import type { StreetKind, StreetLine } from '../../../src/lib/domain/streets/types.ts';

/** A way narrower than this (metres) is an alley whatever its highway value. */
export const NARROW_WIDTH_M = 3;

export type OsmTags = Readonly<Record<string, string | undefined>>;

const ROAD = new Set([
	'trunk',
	'trunk_link',
	'primary',
	'primary_link',
	'secondary',
	'secondary_link',
	'tertiary',
	'tertiary_link'
]);
const STREET = new Set(['unclassified', 'residential', 'living_street', 'road', 'service']);
const PATH = new Set(['footway', 'path', 'pedestrian', 'steps', 'track', 'cycleway', 'bridleway']);
const ALLEY_SERVICE = new Set(['alley', 'driveway', 'parking_aisle']);
const YES = new Set(['yes', 'designated', 'permissive']);

/**
 * Metres from an OSM `width` value: "2.5", "2,5", "2.5 m", "3m"; undefined for anything else
 * (feet, ranges, "narrow") and for values that are not a positive width.
 */
export function parseWidthM(value: string | undefined): number | undefined {
	if (value === undefined) return undefined;
	const m = /^\s*(\d+(?:[.,]\d+)?)\s*(?:m|meters?|metres?)?\s*$/i.exec(value);
	if (!m) return undefined;
	const w = Number(m[1]!.replace(',', '.'));
	return w > 0 && w < 100 ? w : undefined;
}

/**
 * What kind of street the way tagged `tags` is, with its width when tagged, or null when a
 * member cannot use it (or it is no street at all).
 */
export function osmWayKind(tags: OsmTags): Pick<StreetLine, 'kind' | 'widthM'> | null {
	const highway = tags.highway;
	if (!highway) return null;
	if (tags.access === 'no' && !YES.has(tags.foot ?? '') && !YES.has(tags.motorcycle ?? ''))
		return null;
	if (tags.foot === 'no' && tags.motorcycle === 'no') return null;
	const widthM = parseWidthM(tags.width) ?? parseWidthM(tags.est_width);
	const withWidth = (kind: StreetKind) => (widthM === undefined ? { kind } : { kind, widthM });
	if (ROAD.has(highway)) return withWidth('road');
	if (STREET.has(highway)) {
		if (highway === 'service' && ALLEY_SERVICE.has(tags.service ?? '')) return withWidth('alley');
		return withWidth(widthM !== undefined && widthM < NARROW_WIDTH_M ? 'alley' : 'street');
	}
	if (PATH.has(highway)) {
		const ridden = YES.has(tags.motorcycle ?? '') || YES.has(tags.motor_vehicle ?? '');
		return withWidth(ridden ? 'alley' : 'path');
	}
	return null;
}
