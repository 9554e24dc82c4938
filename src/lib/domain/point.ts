/**
 * A point on the map (a hamlet's centre, a household, a route's start): longitude and latitude
 * together, or no point at all, never one of the two (issue 13, defect 6). One rule for every
 * layer: the write schemas, the API bodies, the CSV imports and the client.
 */

/**
 * Vietnam's extent, Hoàng Sa and Trường Sa included, with a margin of about half a degree:
 * the commune boundaries span 102.144–117.828 °E and 7.184–23.393 °N (docs/domain.md, "Reference data").
 * The margin keeps a house on the border or a reading at sea off the islands; the box still
 * refuses swapped coordinates (no latitude of Vietnam reaches 101.5) and zeros.
 */
export const VN_BOUNDS = { west: 101.5, east: 118.5, south: 6.5, north: 24 } as const;

export interface LonLat {
	lon: number;
	lat: number;
}

/** What is wrong with a point; `field` names the coordinate to fix. */
export type PointIssue =
	{ field: 'lon' | 'lat'; code: 'half' } | { field: 'lon' | 'lat'; code: 'outside'; value: number };

type Coordinate = number | null | undefined;

/** True for a finite longitude inside Vietnam's extent. */
export function isVnLon(lon: number): boolean {
	return Number.isFinite(lon) && lon >= VN_BOUNDS.west && lon <= VN_BOUNDS.east;
}

/** True for a finite latitude inside Vietnam's extent. */
export function isVnLat(lat: number): boolean {
	return Number.isFinite(lat) && lat >= VN_BOUNDS.south && lat <= VN_BOUNDS.north;
}

/**
 * Checks an optional point: both coordinates absent (null or undefined) is no point and fine;
 * one without the other is a half point; a coordinate outside Vietnam is reported by field.
 * @returns the issues, [] when the point is whole (or absent) and inside Vietnam.
 */
export function pointIssues(lon: Coordinate, lat: Coordinate): PointIssue[] {
	const hasLon = lon !== null && lon !== undefined;
	const hasLat = lat !== null && lat !== undefined;
	if (!hasLon && !hasLat) return [];
	if (!hasLon) return [{ field: 'lon', code: 'half' }];
	if (!hasLat) return [{ field: 'lat', code: 'half' }];
	const out: PointIssue[] = [];
	if (!isVnLon(lon)) out.push({ field: 'lon', code: 'outside', value: lon });
	if (!isVnLat(lat)) out.push({ field: 'lat', code: 'outside', value: lat });
	return out;
}

/**
 * The point when it is whole and inside Vietnam, else null: half a point or a stray one (rows
 * stored before this rule) is no point, so nothing downstream inherits it.
 */
export function pointOf(p: { lon?: Coordinate; lat?: Coordinate }): LonLat | null {
	const { lon, lat } = p;
	if (lon === null || lon === undefined || lat === null || lat === undefined) return null;
	return pointIssues(lon, lat).length === 0 ? { lon, lat } : null;
}

/** English message of a point issue, for API errors. */
export function pointIssueMessage(issue: PointIssue): string {
	if (issue.code === 'half') return 'lon and lat go together: give both or neither';
	const [lo, hi] =
		issue.field === 'lon' ? [VN_BOUNDS.west, VN_BOUNDS.east] : [VN_BOUNDS.south, VN_BOUNDS.north];
	return `${issue.value} is outside Vietnam (${lo} to ${hi})`;
}
