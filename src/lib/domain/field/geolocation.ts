/**
 * The member's position, as field mode tracks it: the states a tap on "show my position" can
 * lead to, and the browser's error codes mapped onto them. Pure. The position itself is kept in
 * the page's memory only: never sent to the server, never stored.
 */

/** Where position tracking stands (`off`: the reason is shown, the browser not asked). */
export type PositionState =
	'off' | 'locating' | 'watching' | 'denied' | 'unavailable' | 'timeout' | 'unsupported';

/** A fix: WGS84 point and its accuracy radius (metres, 95 %-ish as the browser reports it). */
export interface MemberFix {
	lon: number;
	lat: number;
	accuracyM: number;
	at: number;
}

/** GeolocationPositionError codes (PERMISSION_DENIED 1, POSITION_UNAVAILABLE 2, TIMEOUT 3). */
export function positionErrorState(code: number): 'denied' | 'unavailable' | 'timeout' {
	if (code === 1) return 'denied';
	if (code === 3) return 'timeout';
	return 'unavailable';
}

/** watchPosition options: GPS (no network needed), a fix at most 10 s old, 20 s per try. */
export const WATCH_OPTIONS = { enableHighAccuracy: true, maximumAge: 10_000, timeout: 20_000 };
