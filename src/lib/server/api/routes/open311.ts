/**
 * An Open311 GeoReport v2 surface (issue 17 §1, docs/help-requests.md) at /api/open311/v2, so
 * citizen-reporting clients can file help requests and follow them: services.json, the service
 * definitions (the attributes a request needs), requests.json (POST) and requests/{id}.json.
 * JSON only. No coordinates are ever taken or given: `lat`/`long` are ignored, and a request's
 * place is its commune (`address_id`) and hamlet (`attribute[hamlet]`). Errors are GeoReport's
 * `[{ code, description }]`, translated from the API's own (errors.ts).
 */
import { Hono } from 'hono';
import type { Context } from 'hono';
import { z } from 'zod';
import { ApiError, translate } from '../errors.ts';
import type { AuthEnv } from '../middleware/env.ts';
import { validate } from '../validation.ts';
import { fileOrRetry } from './help-requests.ts';
import { requestByCode } from '../../help-requests/read.ts';
import {
	helpRequestInput,
	open311Status,
	TIMES_OF_DAY,
	type PublicHelpRequest
} from '../../../domain/help-requests.ts';
import { open311Ops as doc } from '../openapi/operations/help-requests.ts';

interface ServiceRow {
	code: string;
	name_vi: string;
	description_vi: string;
}

async function activeServices(c: Context<AuthEnv>): Promise<ServiceRow[]> {
	const r = await c
		.get('db')
		.$client.prepare(
			'SELECT code, name_vi, description_vi FROM services WHERE active = 1 ORDER BY sort_order, code'
		)
		.all<ServiceRow>();
	return r.results;
}

const TIME_NAMES: Record<(typeof TIMES_OF_DAY)[number], string> = {
	morning: 'Buổi sáng',
	afternoon: 'Buổi chiều',
	evening: 'Buổi tối',
	any: 'Lúc nào cũng được'
};

/** The attributes every service takes (GeoReport service definition). */
const ATTRIBUTES = [
	{
		variable: true,
		code: 'hamlet',
		datatype: 'string',
		required: false,
		datatype_description: 'Mã thôn/tổ dân phố từ /api/hamlets?commune=…; bỏ trống nếu không rõ',
		order: 1,
		description: 'Thôn, xóm, tổ dân phố'
	},
	{
		variable: true,
		code: 'time_of_day',
		datatype: 'singlevaluelist',
		required: false,
		datatype_description: null,
		order: 2,
		description: 'Thời gian thuận tiện',
		values: TIMES_OF_DAY.map((key) => ({ key, name: TIME_NAMES[key] }))
	},
	{
		variable: true,
		code: 'consent',
		datatype: 'singlevaluelist',
		required: true,
		datatype_description: null,
		order: 3,
		description: 'Đồng ý để tổ công nghệ số cộng đồng liên hệ qua số điện thoại',
		values: [{ key: 'true', name: 'Đồng ý' }]
	}
];

/** GeoReport's datetime: ISO 8601 with Vietnam's offset. */
export function georeportTime(ms: number): string {
	return new Date(ms + 7 * 3600_000).toISOString().replace(/\.\d{3}Z$/, '+07:00');
}

const STATUS_NOTES: Record<PublicHelpRequest['status'], string> = {
	received: 'Đã nhận yêu cầu',
	scheduled: 'Đã lên lịch đến thăm',
	visited: 'Tổ đã đến hỗ trợ',
	closed: 'Đã đóng'
};

/** One request in GeoReport's fields — never an address, a point, a phone or a name. */
function georeportRequest(r: PublicHelpRequest, names: Map<string, string>) {
	return {
		service_request_id: r.code,
		status: open311Status(r.status),
		status_notes:
			r.status === 'closed' && r.closeReason
				? `${STATUS_NOTES.closed}: ${r.closeReason}`
				: STATUS_NOTES[r.status],
		service_name: r.services.map((s) => names.get(s) ?? s).join(', '),
		service_code: r.services[0] ?? null,
		requested_datetime: georeportTime(r.createdAt),
		updated_datetime: georeportTime(r.updatedAt),
		agency_responsible: 'Tổ công nghệ số cộng đồng'
	};
}

/** The form fields of a GeoReport POST in this product's request body. */
function requestBody(f: Record<string, string | File | (string | File)[]>) {
	const text = (k: string) => {
		const v = f[k];
		return typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined;
	};
	return {
		communeCode: text('address_id') ?? text('attribute[commune]'),
		hamletId: text('attribute[hamlet]') ?? null,
		services: text('service_code') ? [text('service_code')] : [],
		phone: text('phone'),
		timeOfDay: text('attribute[time_of_day]'),
		address: text('address_string') ?? null,
		consent: text('attribute[consent]') === 'true' ? true : undefined,
		turnstileToken: text('attribute[turnstile_token]') ?? null
	};
}

export const open311Api = new Hono<AuthEnv>()
	.use(async (c, next) => {
		await next();
		if (!c.res.headers.has('Cache-Control'))
			c.res.headers.set('Cache-Control', 'private, no-store');
	})
	.get('/services.json', doc.getServicesJson, async (c) => {
		const rows = await activeServices(c);
		return c.json(
			rows.map((s) => ({
				service_code: s.code,
				service_name: s.name_vi,
				description: s.description_vi,
				metadata: true,
				type: 'realtime',
				keywords: 'ho tro, cong nghe so',
				group: 'Hỗ trợ tại nhà'
			})),
			200,
			{ 'Cache-Control': 'public, max-age=300' }
		);
	})
	.get(
		'/services/:file',
		doc.getServicesByFile,
		validate(
			'param',
			z.object({ file: z.string().regex(/^[a-z0-9_]+\.json$/, 'service_code.json') })
		),
		async (c) => {
			const code = c.req.valid('param').file.replace(/\.json$/, '');
			if (!(await activeServices(c)).some((s) => s.code === code))
				throw new ApiError('service_not_found', 404, `No service ${code}`);
			return c.json({ service_code: code, attributes: ATTRIBUTES }, 200);
		}
	)
	.post('/requests.json', doc.postRequestsJson, async (c) => {
		const form = await c.req.parseBody().catch(() => null);
		if (!form) throw new ApiError('malformed_body', 400, 'Send application/x-www-form-urlencoded');
		const parsed = helpRequestInput.safeParse(requestBody(form));
		if (!parsed.success) {
			const issue = parsed.error.issues[0]!;
			const field = OPEN311_FIELDS[String(issue.path[0])] ?? String(issue.path[0]);
			throw new ApiError('invalid_body', 400, `${field}: ${issue.message}`, { field });
		}
		const r = await fileOrRetry(c, 'open311', parsed.data);
		return c.json(
			[
				{
					service_request_id: r.code,
					service_notice: r.folded
						? 'Yêu cầu trùng với yêu cầu đang mở trong 30 ngày: dùng mã cũ'
						: 'Đã nhận yêu cầu; tổ sẽ gọi điện hẹn lịch',
					account_id: null
				}
			],
			r.folded ? 200 : 201
		);
	})
	.get(
		'/requests/:file',
		doc.getRequestsByFile,
		validate('param', z.object({ file: z.string().regex(/^[^/]{1,24}\.json$/, '<id>.json') })),
		async (c) => {
			const id = c.req.valid('param').file.replace(/\.json$/, '');
			const r = await requestByCode(c.get('shards'), id);
			if (!r) throw new ApiError('help_request_not_found', 404, `No request ${id}`);
			const names = new Map((await activeServices(c)).map((s) => [s.code, s.name_vi]));
			return c.json([georeportRequest(r, names)], 200);
		}
	)
	.onError((err, c) => {
		const known = translate(err);
		if (known instanceof ApiError) {
			const after = known.details?.retryAfter;
			if (typeof after === 'number') c.header('Retry-After', String(after));
			return c.json([{ code: known.status, description: known.message }], known.status);
		}
		console.error(err);
		return c.json([{ code: 500, description: 'Internal error' }], 500);
	});

/** This product's field → the GeoReport parameter a client sent it in. */
const OPEN311_FIELDS: Record<string, string> = {
	communeCode: 'address_id',
	hamletId: 'attribute[hamlet]',
	services: 'service_code',
	phone: 'phone',
	timeOfDay: 'attribute[time_of_day]',
	address: 'address_string',
	consent: 'attribute[consent]',
	turnstileToken: 'attribute[turnstile_token]'
};
