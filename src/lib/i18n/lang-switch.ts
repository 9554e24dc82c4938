/**
 * The link that switches the UI language keeps the page as it is: the same path, the same query
 * (the map's metric, province and commune; a plan's date) and the same fragment, with only `lang`
 * changed. The map writes its state to the address bar with shallow routing, which the router's
 * own URL does not follow, so the link is rebuilt from `window.location` when it is used.
 */
import type { Locale } from './index.ts';

/** `location` with `lang` set to `locale`, as a same-site path: "/?metric=x&province=19&lang=en". */
export function langSwitchHref(
	location: { pathname: string; search: string; hash: string },
	locale: Locale
): string {
	const params = new URLSearchParams(location.search);
	params.delete('lang');
	params.append('lang', locale);
	return `${location.pathname}?${params.toString()}${location.hash}`;
}
