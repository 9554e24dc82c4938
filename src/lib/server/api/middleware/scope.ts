/** Loading the area a request is about, with the errors every scoped route shares. */
import type { Context } from 'hono';
import { ApiError } from '../errors.ts';
import type { AuthEnv } from './env.ts';
import { getCommuneArea, getTeam, type CommuneArea } from '../../db/queries/team-admin.ts';
import { auditInsert, type AuditEntry } from '../../auth/audit.ts';

/** The commune with this code, or 404 `commune_not_found`. */
export async function communeOr404(c: Context<AuthEnv>, code: string): Promise<CommuneArea> {
	const area = await getCommuneArea(c.get('db'), code);
	if (!area) throw new ApiError('commune_not_found', 404, `No commune with code ${code}`);
	return area;
}

/** The team with this id, or 404 `team_not_found`. */
export async function teamOr404(c: Context<AuthEnv>, id: string) {
	const team = await getTeam(c.get('db'), id);
	if (!team) throw new ApiError('team_not_found', 404, `No team with id ${id}`);
	return team;
}

/** The audit insert for this request's caller (to put in the write's batch). */
export function audit(c: Context<AuthEnv>, entry: AuditEntry) {
	return auditInsert(c.get('db'), c.get('actor'), entry, c.get('requestId'));
}

/** Writes one audit entry on its own (personal-data reads and exports). */
export async function auditNow(c: Context<AuthEnv>, entry: AuditEntry): Promise<void> {
	await audit(c, entry);
}
