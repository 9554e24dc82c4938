/** A route saved for offline use: what GET /api/field/routes/:id returned, plus bookkeeping. */
import type { VisitOutcomeCode } from '$lib/domain/field/visit-draft';
import type { OnRouteVisit } from '$lib/domain/routing/progress';
import type { TravelMode } from '$lib/domain/routing/outing-kinds';

export interface PackStop {
	seq: number;
	revisit: boolean;
	householdId: string;
	address: string;
	alleyKey: string;
	adults: number;
	lon: number | null;
	lat: number | null;
	doNotContact: boolean;
	lastOutcome: VisitOutcomeCode | null;
	lastVisitAt: number | null;
	revisitOn: string | null;
	/** Latest visit recorded on this route (absent in packs saved before it was carried). */
	visitedOnRoute?: OnRouteVisit | null;
	/** Someone was met here on another route (absent in older packs). */
	metElsewhere?: boolean;
}

export interface RoutePack {
	route: {
		id: string;
		name: string;
		plannedOn: string | null;
		status: string;
		provinceCode: string;
		communeCode: string;
		distanceM: number | null;
		estimatedMinutes: number | null;
		/** How the member gets about (absent in packs saved before it was carried: on foot). */
		travelMode?: TravelMode;
	};
	commune: {
		code: string;
		fullName: string;
		west: number | null;
		south: number | null;
		east: number | null;
		north: number | null;
	} | null;
	stops: PackStop[];
	memberId: string | null;
	basemapStyleUrl: string | null;
	packedAt: number;
}

export interface SavedRoute extends RoutePack {
	id: string;
	savedAt: number;
	/** Bytes downloaded for it (pack, tiles, shell pages). */
	bytes: number;
	/** URLs stored in the saved-assets cache for it (tiles, shell). */
	assets: string[];
	/** Every asset was fetched and verified present. */
	complete: boolean;
	/**
	 * The base map saved with it (absent when none is configured, or in routes saved before):
	 * its tile templates (a newer base map changes them), tiles and bytes, or why it was left out.
	 */
	basemap?: {
		templates: string[];
		tiles: number;
		bytes: number;
		skipped: 'budget' | 'unavailable' | null;
	};
}
