import type { Db } from '../db/client.ts';

export interface ApiBindings {
	DB: D1Database;
	BASEMAP_STYLE_URL?: string;
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
