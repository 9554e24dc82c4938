/**
 * `?commune=05569` or `?province=19` (or nothing, for the country): the area an admin list is
 * about. Checked against the caller's scope with canAdminister.
 */
import type { Context } from 'hono';
import { z } from 'zod';
import { ApiError } from '../errors.ts';
import { ensure, requireActor, type AuthEnv } from './env.ts';
import { communeOr404 } from './scope.ts';
import { canAdminister, type Actor } from '../../../domain/scope.ts';
import { getProvince } from '../../db/queries/admin-units.ts';
import { communeCodeInput, provinceCodeInput } from '../../../domain/fields.ts';

export const areaQuery = z.object({
	commune: communeCodeInput.optional(),
	province: provinceCodeInput.optional()
});

export interface AdminArea {
	provinceCode: string | null;
	communeCode: string | null;
}

/** Resolves and authorises the area of an admin list; the whole country only for admins. */
export async function adminArea(
	c: Context<AuthEnv>,
	q: z.output<typeof areaQuery>,
	what: string
): Promise<{ actor: Actor; area: AdminArea }> {
	const actor = requireActor(c);
	if (q.commune) {
		const a = await communeOr404(c, q.commune);
		ensure(canAdminister(actor, a), what);
		return { actor, area: { provinceCode: a.provinceCode, communeCode: a.communeCode } };
	}
	if (q.province) {
		if (!(await getProvince(c.get('db'), q.province))) {
			throw new ApiError('province_not_found', 404, `No province with code ${q.province}`);
		}
		ensure(canAdminister(actor, { provinceCode: q.province, communeCode: null }), what);
		return { actor, area: { provinceCode: q.province, communeCode: null } };
	}
	ensure(actor.role === 'admin', what);
	return { actor, area: { provinceCode: null, communeCode: null } };
}
