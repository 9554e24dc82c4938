import type { Db } from '../db/client.ts';

export interface ApiBindings {
	DB: D1Database;
	BASEMAP_STYLE_URL?: string;
	/** Months without a visit after which a household is due for review (default 24; issue 13). */
	PERSONAL_DATA_REVIEW_MONTHS?: string;
	/** Years audit entries are kept before housekeeping deletes them (default 5; issue 13). */
	AUDIT_RETENTION_YEARS?: string;
}

export interface ApiVariables {
	db: Db;
	requestId: string;
	/** The client's address when it can be believed (auth/login.ts clientIp), else null. */
	clientIp: string | null;
}

export interface ApiEnv {
	Bindings: ApiBindings;
	Variables: ApiVariables;
}
