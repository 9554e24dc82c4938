/**
 * "Chỉ đường": a link that opens the phone's own map app at a house, so the member can be
 * guided there by an app that knows the streets. Android hands a `geo:` URI to whichever map
 * app the member chose; iOS opens Apple Maps; anything else gets Google Maps' directions page.
 * The travel mode is passed where the URL takes one. Pure: from the user agent and the point.
 */
import type { TravelMode } from '../routing/outing-kinds.ts';
import { isIos } from './user-agent.ts';

/** Apple Maps `dirflg`: walking or driving (it has no motorbike or bicycle flag). */
const APPLE_FLAG: Record<TravelMode, string | null> = {
	foot: 'w',
	motorbike: 'd',
	bicycle: null
};

/** Google Maps URLs `travelmode` (two-wheeler where Google offers it, else it drives). */
const GOOGLE_MODE: Record<TravelMode, string> = {
	foot: 'walking',
	motorbike: 'two-wheeler',
	bicycle: 'bicycling'
};

/** Degrees to 6 decimals (about 10 cm): enough for a house, no float noise in the URL. */
const deg = (v: number) => String(Number(v.toFixed(6)));

/**
 * The URL that opens directions to a point.
 * @param ua the browser's user agent; @param maxTouchPoints tells iPadOS (which says "Mac").
 */
export function directionsUrl(
	ua: string,
	point: { lon: number; lat: number },
	mode: TravelMode = 'foot',
	maxTouchPoints = 0
): string {
	const at = `${deg(point.lat)},${deg(point.lon)}`;
	if (/\bAndroid\b/i.test(ua)) return `geo:${at}?q=${at}`;
	if (isIos(ua, maxTouchPoints)) {
		const flag = APPLE_FLAG[mode];
		return `https://maps.apple.com/?daddr=${at}${flag ? `&dirflg=${flag}` : ''}`;
	}
	const dest = encodeURIComponent(at);
	return `https://www.google.com/maps/dir/?api=1&destination=${dest}&travelmode=${GOOGLE_MODE[mode]}`;
}
