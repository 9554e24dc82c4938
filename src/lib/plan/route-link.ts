import { resolve } from '$app/paths';

/**
 * The page of a saved route. It names the route's province (`?tinh=`): the page's load asks the
 * API for the route by id, which a national admin must look up in that province's database
 * (docs/sharding.md; $lib/server/auth/page-api sends it on as the province header).
 */
export function routeHref(r: { id: string; provinceCode: string }): string {
	return `${resolve('/tuyen/[id]', { id: r.id })}?tinh=${r.provinceCode}`;
}
