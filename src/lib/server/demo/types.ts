/** Shapes shared by the demo generator's parts. */
import type { HamletInput } from '../db/schema/hamlets.input.ts';
import type { MemberInput, TeamInput } from '../db/schema/teams.input.ts';
import type { HouseholdInput } from '../db/schema/households.input.ts';
import type { VisitInput } from '../db/schema/visits.input.ts';
import type { CommuneShape } from './geo.ts';
import type { DemoStreet } from './streets.ts';

export const DAY_MS = 86_400_000;

/** A commune to fill with demo data: reference facts plus its polygon. */
export interface DemoCommune {
	code: string;
	provinceCode: string;
	/** "Định Hóa" */
	name: string;
	/** "Xã", "Phường" or "Đặc khu" */
	unitType: string;
	shape: CommuneShape;
	/**
	 * Households per hamlet, times the usual demo size (default 1). The demo accounts' commune
	 * gets hamlets of a realistic size, so a leader trying the demo has a week's work to plan.
	 */
	hamletScale?: number;
}

/** The records generated for one or many communes, ready for the write functions. */
export interface DemoRecords {
	hamlets: HamletInput[];
	teams: TeamInput[];
	members: MemberInput[];
	households: HouseholdInput[];
	visits: VisitInput[];
	/** The streets, alleys and paths the households stand on (the demo's base map). */
	streets: DemoStreet[];
}

/**
 * How far a commune has got: some have entered nothing, some only their teams; the rest have
 * households and a share of them visited (`progress`), with an adoption level of their own.
 */
export interface CommuneProfile {
	stage: 'nothing' | 'teams_only' | 'visiting';
	progress: number;
	adoption: number;
}
