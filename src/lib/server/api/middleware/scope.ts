/** Loading the area a request is about, with the errors every scoped route shares. */
import type { Context } from 'hono';
import { ApiError } from '../errors.ts';
import type { AuthEnv } from './env.ts';
import { getCommuneArea, getTeam, type CommuneArea } from '../../db/queries/team-admin.ts';
import { auditInsert, type AuditEntry } from '../../auth/audit.ts';
import { and, eq, gt, isNull } from 'drizzle-orm';
import type { SQLiteColumn } from 'drizzle-orm/sqlite-core';
import { auditLog } from '../../db/schema/index.ts';

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

/**
 * The same read by the same person of the same thing within this long is one entry: a page
 * that loads, refreshes and pages through a list leaves one line in the log, not a flood.
 */
export const READ_COALESCE_MS = 10 * 60_000;

/** The audit entry of a write to one record of an area: `action` is "<entity>.<verb>". */
export function writeAudit(
	c: Context<AuthEnv>,
	action: string,
	entityId: string,
	area: { provinceCode: string; communeCode: string },
	detail?: Record<string, unknown>
) {
	const entity = action.slice(0, action.indexOf('.'));
	const { provinceCode, communeCode } = area;
	return audit(c, { kind: 'write', action, entity, entityId, provinceCode, communeCode, detail });
}

/**
 * The audit entries of a change to a team or a member: `<entity>.update` naming the fields
 * (`.deactivate` when it sets active to false) and, when the change moves the record's reach
 * (a team's hamlet, a member's team), `<entity>.scope_change` with `scopeDetail`.
 */
export function patchAudits(
	c: Context<AuthEnv>,
	[entity, id]: ['team' | 'member', string],
	area: { provinceCode: string; communeCode: string },
	patch: { active?: boolean },
	scopeDetail: Record<string, unknown> | null
) {
	const verb = patch.active === false ? 'deactivate' : 'update';
	const entries = [writeAudit(c, `${entity}.${verb}`, id, area, { fields: Object.keys(patch) })];
	if (scopeDetail) entries.push(writeAudit(c, `${entity}.scope_change`, id, area, scopeDetail));
	return entries;
}

/** Writes one audit entry on its own (personal-data reads and exports). */
export async function auditNow(c: Context<AuthEnv>, entry: AuditEntry): Promise<void> {
	const actor = c.get('actor');
	if (entry.kind === 'read' && actor) {
		const since = Date.now() - READ_COALESCE_MS;
		const same = await c
			.get('db')
			.select({ id: auditLog.id })
			.from(auditLog)
			.where(
				and(
					eqOrNull(auditLog.provinceCode, entry.provinceCode),
					eqOrNull(auditLog.communeCode, entry.communeCode),
					gt(auditLog.at, since),
					eq(auditLog.actorUserId, actor.userId),
					eq(auditLog.action, entry.action),
					eqOrNull(auditLog.entityId, entry.entityId)
				)
			)
			.limit(1);
		if (same.length > 0) return;
	}
	await audit(c, entry);
}

/** `column = value`, or `column IS NULL` for no value. */
const eqOrNull = (column: SQLiteColumn, value: string | null | undefined) =>
	value == null ? isNull(column) : eq(column, value);
