import { Hono } from 'hono';
import type { Context } from 'hono';
import { eq } from 'drizzle-orm';
import { ApiError } from '../errors.ts';
import { validate } from '../validation.ts';
import { ensure, noStore, requireActor, type AuthEnv } from '../middleware/env.ts';
import { audit, communeOr404, writeAudit } from '../middleware/scope.ts';
import { canManageCommune, canSeeCommune } from '../../../domain/scope.ts';
import { searchKey } from '../../../domain/text.ts';
import { getHamlet, listHamlets } from '../../db/queries/team-admin.ts';
import { hamletInserts, runBatch } from '../../db/writes/team-admin.ts';
import { hamlets } from '../../db/schema/index.ts';
import { communeQuery, hamletCreate, hamletPatch, id } from './teams-input.ts';
import { ensureWholePoint } from './point-input.ts';
import { hamletsOps as doc } from '../openapi/operations/teams.ts';

/** 409 `duplicate_hamlet` when the commune already has a hamlet of that name (any spelling). */
async function checkNameFree(
	c: Context<AuthEnv>,
	provinceCode: string,
	communeCode: string,
	name: string,
	self?: string
) {
	const key = searchKey(name);
	const rows = await listHamlets(c.get('db'), provinceCode, communeCode);
	const clash = rows.find((h) => h.id !== self && searchKey(h.name) === key);
	if (clash)
		throw new ApiError(
			'duplicate_hamlet',
			409,
			`name: "${clash.name}" already exists in this commune`,
			{ field: 'name' }
		);
}

/** Hamlets and residential groups of a commune: list (anyone scoped to it), enter and edit (commune admin). */
export const hamletsApi = new Hono<AuthEnv>()
	.use(noStore)
	.get('/', doc.get, validate('query', communeQuery), async (c) => {
		const actor = requireActor(c);
		const area = await communeOr404(c, c.req.valid('query').commune);
		ensure(canSeeCommune(actor, area), "this commune's hamlets");
		return c.json(
			{
				commune: area,
				hamlets: await listHamlets(c.get('db'), area.provinceCode, area.communeCode)
			},
			200
		);
	})
	.post('/', doc.post, validate('json', hamletCreate), async (c) => {
		const actor = requireActor(c);
		const body = c.req.valid('json');
		const area = await communeOr404(c, body.communeCode);
		ensure(canManageCommune(actor, area), 'entering hamlets here');
		await checkNameFree(c, area.provinceCode, area.communeCode, body.name);
		const db = c.get('db');
		const row = {
			id: crypto.randomUUID(),
			provinceCode: area.provinceCode,
			communeCode: area.communeCode,
			name: body.name,
			kind: body.kind,
			lon: body.lon ?? null,
			lat: body.lat ?? null,
			isDemo: false,
			createdAt: Date.now()
		};
		await runBatch(db, [...hamletInserts(db, [row]), writeAudit(c, 'hamlet.create', row.id, area)]);
		return c.json({ hamlet: row }, 201);
	})
	.patch('/:id', doc.patchById, validate('param', id), validate('json', hamletPatch), async (c) => {
		const actor = requireActor(c);
		const hamlet = await getHamlet(c.get('db'), c.req.valid('param').id);
		if (!hamlet) throw new ApiError('hamlet_not_found', 404, 'No such hamlet');
		ensure(canManageCommune(actor, hamlet), 'changing this hamlet');
		const patch = c.req.valid('json');
		// A patch of one coordinate (or a null) must leave a whole point or none.
		ensureWholePoint({ ...hamlet, ...patch });
		if (patch.name)
			await checkNameFree(c, hamlet.provinceCode, hamlet.communeCode, patch.name, hamlet.id);
		const db = c.get('db');
		await runBatch(db, [
			db.update(hamlets).set(patch).where(eq(hamlets.id, hamlet.id)),
			audit(c, {
				kind: 'write',
				action: 'hamlet.update',
				entity: 'hamlet',
				entityId: hamlet.id,
				provinceCode: hamlet.provinceCode,
				communeCode: hamlet.communeCode,
				detail: { fields: Object.keys(patch) }
			})
		]);
		return c.json({ hamlet: { ...hamlet, ...patch } }, 200);
	});
