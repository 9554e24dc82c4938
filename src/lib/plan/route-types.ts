/** What GET /api/routes/:id returns, for pages and the field app (issue 6) alike. */
import type { RouteRow, RouteStop } from '../server/db/queries/routes.ts';

export type { RouteRow, RouteStop };

export interface RouteDetail {
	route: RouteRow;
	stops: RouteStop[];
	/** YYYY-MM-DD in Vietnam when the server answered. */
	today: string;
}
