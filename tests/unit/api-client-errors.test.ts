/**
 * The browser's one error policy ($lib/api/error-text): every failure of an API call reads as a
 * sentence in the page's language, never the server's English; a cancelled call says nothing;
 * and every code the server throws has its sentence.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi as mock } from 'vitest';
import { apiCall, ApiCallError } from '../../src/lib/api/client.ts';
import { apiErrorText, WORDED_CODES } from '../../src/lib/api/error-text.ts';
import { loadLocale, translator } from '../../src/lib/i18n/index.ts';

const vi = translator('vi');
await loadLocale('en');
const en = translator('en');
const refusal = (code: string, status = 422, extra = {}) =>
	new ApiCallError(code, status, 'raw English message from the server', extra);

describe('what a person reads when a call fails', () => {
	it.each([
		['assignee_other_team', 422, /thuộc tổ khác/],
		['route_done', 409, /đã xong nên không hủy được/],
		['duplicate_phone', 409, /đã thuộc một thành viên khác/],
		['invite_expired', 410, /hết hạn/],
		['team_not_found', 404, /Không tìm thấy/],
		['something_new', 409, /người khác thay đổi/],
		['something_new', 503, /Máy chủ đang gặp sự cố/]
	])('%s (%i) in Vietnamese, never the server’s words', (code, status, text) => {
		const said = apiErrorText(vi, refusal(code, status));
		expect(said).toMatch(text);
		expect(said).not.toContain('raw English');
	});

	it('names the field a validation refused, in the page’s language', () => {
		const err = refusal('invalid_json', 400, { details: { field: 'visits.0.note' } });
		expect(apiErrorText(vi, err)).toBe('Kiểm tra lại ô «Ghi chú»: giá trị chưa hợp lệ.');
		expect(apiErrorText(en, err)).toBe('Check the “Note” field: the value is not valid.');
		const pw = refusal('invalid_json', 400, { details: { field: 'newPassword' } });
		expect(apiErrorText(vi, pw)).toMatch(/ít nhất 8 ký tự/);
	});

	it('says how long to wait from Retry-After, and how many households a clash took', () => {
		expect(apiErrorText(vi, refusal('too_many_attempts', 429, { retryAfter: 600 }))).toMatch(
			/đợi 10 phút/
		);
		const clash = refusal('already_planned', 409, { details: { ids: ['a', 'b', 'c'] } });
		expect(apiErrorText(vi, clash)).toMatch(/^3 hộ vừa được/);
	});

	it('says nothing of a call the page cancelled, and "no network" when nothing came back', () => {
		expect(apiErrorText(vi, new DOMException('x', 'AbortError'))).toBeNull();
		expect(apiErrorText(vi, new TypeError('Failed to fetch'))).toMatch(/Không kết nối được/);
	});
});

describe('the client', () => {
	afterEach(() => mock.unstubAllGlobals());

	it('turns an error answer into its code, status, details and Retry-After', async () => {
		mock.stubGlobal('fetch', async () =>
			Response.json(
				{ code: 'too_many_attempts', message: 'Too many', details: { n: 1 } },
				{ status: 429, headers: { 'retry-after': '120' } }
			)
		);
		const err = (await apiCall('/api/x').catch((e: unknown) => e)) as ApiCallError;
		expect(err).toBeInstanceOf(ApiCallError);
		expect([err.code, err.status, err.kind, err.retryAfter]).toEqual([
			'too_many_attempts',
			429,
			'http',
			120
		]);
		expect(err.details).toEqual({ n: 1 });
	});

	it('tells a cancelled call from a network failure', async () => {
		mock.stubGlobal('fetch', (_: string, init: RequestInit) => {
			return new Promise((_, reject) =>
				init.signal?.addEventListener('abort', () =>
					reject(new DOMException('aborted', 'AbortError'))
				)
			);
		});
		const ctl = new AbortController();
		const call = apiCall('/api/x', { signal: ctl.signal }).catch((e: unknown) => e);
		ctl.abort();
		expect(((await call) as ApiCallError).kind).toBe('aborted');
		mock.stubGlobal('fetch', async () => {
			throw new TypeError('Failed to fetch');
		});
		const down = (await apiCall('/api/x').catch((e: unknown) => e)) as ApiCallError;
		expect([down.kind, apiErrorText(vi, down)?.slice(0, 25)]).toEqual([
			'network',
			'Không kết nối được máy ch'
		]);
	});
});

/** Every `new ApiError('<code>'` (or its code on the next line) under src/lib/server. */
function serverCodes(dir: string, out = new Set<string>()): Set<string> {
	for (const name of readdirSync(dir)) {
		const path = join(dir, name);
		if (statSync(path).isDirectory()) serverCodes(path, out);
		else if (path.endsWith('.ts')) {
			const text = readFileSync(path, 'utf8');
			for (const m of text.matchAll(/new ApiError\(\s*'([a-z_]+)'/g)) out.add(m[1]!);
		}
	}
	return out;
}

/** Codes worded on purpose by their kind: `invalid_<target>` by field, `<thing>_not_found`. */
const BY_KIND = (code: string) => code.startsWith('invalid_') || code.endsWith('_not_found');

describe('every code the server throws has its sentence', () => {
	it('is worded by name or by its kind', () => {
		const codes = [...serverCodes('src/lib/server')];
		// A refused plan answers with its problem as the code.
		const problems = readFileSync('src/lib/server/db/writes/routes.ts', 'utf8')
			.match(/RoutePlanProblem =([^;]+);/)![1]!
			.match(/'[a-z_]+'/g)!
			.map((q) => q.slice(1, -1));
		expect(problems.length).toBeGreaterThan(5);
		codes.push(...problems);
		expect(codes.length).toBeGreaterThan(25);
		const worded = new Set(WORDED_CODES);
		expect(codes.filter((c) => !worded.has(c) && !BY_KIND(c) && c !== 'not_found')).toEqual([]);
	});
});
