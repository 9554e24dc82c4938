import type { Db } from '../db/client.ts';

export interface ApiBindings {
	DB: D1Database;
	BASEMAP_STYLE_URL?: string;
}

export interface ApiVariables {
	db: Db;
	requestId: string;
}

export interface ApiEnv {
	Bindings: ApiBindings;
	Variables: ApiVariables;
}
