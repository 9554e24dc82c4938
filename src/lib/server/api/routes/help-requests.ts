/**
 * Help requests (issue 17 §1, docs/help-requests.md): filing one (public, no account), its
 * status by code (public, nothing personal), and a commune's list for its leaders, who may close
 * one without a visit. The form page files through the same function (help-requests/create.ts).
 */
import { Hono } from 'hono';
import type { Context } from 'hono';
import { z } from 'zod';
import { ApiError } from '../errors.ts';
import { validate } from '../validation.ts';
import { ensure, requireActor, type AuthEnv } from '../middleware/env.ts';
import { auditNow, communeOr404, writeAudit } from '../middleware/scope.ts';
import { ensureInHamlet, leaderHamlet } from '../middleware/household-scope.ts';
import { recordShard, shardOf } from '../middleware/shard.ts';
import { canEditHouseholds, canSeeHouseholds } from '../../../domain/scope.ts';
import { communeCodeInput, idInput } from '../../../domain/fields.ts';
import {
	helpRequestClose,
	helpRequestInput,
	UNPLANNED_AFTER_MS
} from '../../../domain/help-requests.ts';
import { fileHelpRequest } from '../../help-requests/create.ts';
import {
	countUnplanned,
	getCommuneRequest,
	listCommuneRequests,
	requestByCode
} from '../../help-requests/read.ts';
import { runBatch, statementOf } from '../../db/bulk.ts';
import { helpRequestsOps as doc } from '../openapi/operations/help-requests.ts';

const listQuery = z.object({ commune: communeCodeInput, hamlet: idInput.optional() });

/** A 429 with Retry-After for a refused filing (the login throttle's convention). */
export function retryAfterHeader(c: Context, err: unknown): void {
	const after = err instanceof ApiError ? err.details?.retryAfter : undefined;
	if (typeof after === 'number') c.header('Retry-After', String(after));
}

/** The filing context of an API request. */
export function fileContext(c: Context<AuthEnv>, channel: 'web' | 'open311') {
	return {
		db: c.get('db'),
		shards: c.get('shards'),
		env: c.env,
		ip: c.get('clientIp'),
		channel,
		requestId: c.get('requestId')
	};
}

/** Files a request, answering 429s with Retry-After. */
export async function fileOrRetry(
	c: Context<AuthEnv>,
	channel: 'web' | 'open311',
	body: z.output<typeof helpRequestInput>
) {
	try {
		return await fileHelpRequest(fileContext(c, channel), body);
	} catch (err) {
		retryAfterHeader(c, err);
		throw err;
	}
}

export const helpRequestsApi = new Hono<AuthEnv>()
	.use(async (c, next) => {
		await next();
		c.res.headers.set('Cache-Control', 'private, no-store');
	})
	.post('/', doc.post, validate('json', helpRequestInput), async (c) => {
		const r = await fileOrRetry(c, 'web', c.req.valid('json'));
		return c.json({ ...r, statusPath: `/ho-tro/${r.code}` }, r.folded ? 200 : 201);
	})
	.get(
		'/status/:code',
		doc.getStatusByCode,
		validate('param', z.object({ code: z.string().max(20) })),
		async (c) => {
			const r = await requestByCode(c.get('shards'), c.req.valid('param').code);
			if (!r) throw new ApiError('help_request_not_found', 404, 'No request with this code');
			return c.json({ request: r }, 200);
		}
	)
	.get('/unplanned', doc.getUnplanned, validate('query', listQuery), async (c) => {
		const actor = requireActor(c);
		const q = c.req.valid('query');
		const area = await communeOr404(c, q.commune);
		ensure(canSeeHouseholds(actor, area), "this commune's help requests");
		const limit = await leaderHamlet(c, actor);
		ensureInHamlet(limit, q.hamlet ?? limit, "requests outside your team's hamlet");
		const shard = shardOf(c, area.provinceCode);
		const before = Date.now() - UNPLANNED_AFTER_MS;
		const r = await countUnplanned(shard, area, q.hamlet ?? limit, before);
		return c.json({ commune: area.communeCode, ...r }, 200);
	})
	.get('/', doc.get, validate('query', listQuery), async (c) => {
		const actor = requireActor(c);
		const q = c.req.valid('query');
		const area = await communeOr404(c, q.commune);
		ensure(canSeeHouseholds(actor, area), "this commune's help requests");
		const limit = await leaderHamlet(c, actor);
		ensureInHamlet(limit, q.hamlet ?? limit, "requests outside your team's hamlet");
		const hamletId = q.hamlet ?? limit;
		const now = Date.now();
		const requests = await listCommuneRequests(shardOf(c, area.provinceCode), area, hamletId, now);
		await auditNow(c, {
			kind: 'read',
			action: 'help_requests.read',
			entity: 'help_request',
			provinceCode: area.provinceCode,
			communeCode: area.communeCode,
			detail: { rows: requests.length, hamletId }
		});
		const unplanned = requests.filter(
			(r) => r.status === 'received' && r.createdAt <= now - UNPLANNED_AFTER_MS
		).length;
		return c.json({ commune: area, hamletId, requests, unplanned }, 200);
	})
	.post(
		'/:id/close',
		doc.postByIdClose,
		validate('param', z.object({ id: idInput })),
		validate('json', helpRequestClose),
		async (c) => {
			const actor = requireActor(c);
			const shard = recordShard(c, actor);
			const r = await getCommuneRequest(shard, c.req.valid('param').id);
			if (!r) throw new ApiError('help_request_not_found', 404, 'No such help request');
			ensure(canEditHouseholds(actor, r), 'closing this help request');
			// A hamlet team's leader closes their hamlet's requests and those of unknown hamlet.
			const limit = await leaderHamlet(c, actor);
			ensureInHamlet(limit, r.hamletId ?? limit, "requests outside your team's hamlet");
			if (r.status === 'visited' || r.status === 'closed')
				throw new ApiError('help_request_closed', 409, 'This request is already closed');
			const { reason } = c.req.valid('json');
			const now = Date.now();
			await runBatch(shard, [
				shard.$client
					.prepare(
						`UPDATE help_requests SET status = 'closed', close_reason = ?2, closed_at = ?3,
						updated_at = ?3 WHERE id = ?1`
					)
					.bind(r.id, reason, now),
				statementOf(shard, writeAudit(c, 'help_request.close', r.id, r, { reason }))
			]);
			return c.json({ id: r.id, status: 'closed', closeReason: reason }, 200);
		}
	);
