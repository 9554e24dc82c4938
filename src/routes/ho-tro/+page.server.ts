import type { Actions, PageServerLoad } from './$types';
import { fail, redirect } from '@sveltejs/kit';
import { isCommuneCode } from '$lib/domain/codes';
import { helpRequestInput, parseRequestCode } from '$lib/domain/help-requests';
import { getCommuneArea, listHamlets } from '$lib/server/db/queries/team-admin';
import { searchPlaces } from '$lib/server/db/queries/search';
import { fileHelpRequest } from '$lib/server/help-requests/create';
import { turnstileSiteKey } from '$lib/server/help-requests/turnstile';
import { clientIp } from '$lib/server/auth/login';
import { ApiError } from '$lib/server/api/errors';

/** The form's fields a person can get wrong, each with its own message on the page. */
type Field = 'phone' | 'services' | 'consent' | 'hamletId' | 'address' | 'human' | 'tooMany';

/**
 * "Gia đình tôi cần được hỗ trợ" (issue 17 §1): a plain two-step form that works without
 * JavaScript — find the commune (?q=), then the details (?xa=<code>) — filed through the same
 * function as the API (help-requests/create.ts); a code lookup (?ma=) goes to its status page.
 */
export const load: PageServerLoad = async ({ locals, url, platform }) => {
	const ma = url.searchParams.get('ma');
	if (ma) {
		const parsed = parseRequestCode(ma);
		if (parsed) redirect(303, `/ho-tro/${parsed.code}`);
	}
	const xa = url.searchParams.get('xa');
	const commune = xa && isCommuneCode(xa) ? await getCommuneArea(locals.db, xa) : undefined;
	const q = (url.searchParams.get('q') ?? '').trim().slice(0, 80);
	const hits =
		!commune && q ? (await searchPlaces(locals.db, q, 12)).filter((h) => h.kind === 'commune') : [];
	const [hamlets, services] = commune
		? await Promise.all([
				listHamlets(locals.db, commune.provinceCode, commune.communeCode),
				locals.db.$client
					.prepare(
						'SELECT code, name_vi, name_en, description_vi, description_en FROM services WHERE active = 1 ORDER BY sort_order, code'
					)
					.all<Record<string, string>>()
			])
		: [[], { results: [] }];
	return {
		commune: commune ?? null,
		q,
		hits: hits.map((h) => ({ code: h.code, fullName: h.fullName, provinceName: h.provinceName })),
		hamlets: hamlets.map((h) => ({ id: h.id, name: h.name })),
		services: services.results.map((s) => ({
			code: s.code!,
			name: { vi: s.name_vi!, en: s.name_en! },
			description: { vi: s.description_vi!, en: s.description_en! }
		})),
		lookupMiss: ma && !parseRequestCode(ma) ? ma.slice(0, 20) : null,
		turnstileSiteKey: turnstileSiteKey(platform?.env)
	};
};

const FIELD_OF: Record<string, Field> = {
	phone: 'phone',
	services: 'services',
	consent: 'consent',
	hamletId: 'hamletId',
	address: 'address'
};

export const actions: Actions = {
	default: async ({ request, locals, platform }) => {
		const form = await request.formData().catch(() => null);
		if (!form)
			return fail(400, {
				errors: { services: true } as Partial<Record<Field, true>>,
				minutes: 0,
				values: {}
			});
		const values = {
			communeCode: String(form.get('communeCode') ?? ''),
			hamletId: String(form.get('hamletId') ?? '') || null,
			services: form.getAll('services').map(String),
			phone: String(form.get('phone') ?? ''),
			timeOfDay: String(form.get('timeOfDay') ?? 'any'),
			address: String(form.get('address') ?? ''),
			consent: form.get('consent') === 'on' ? true : undefined,
			turnstileToken: String(form.get('cf-turnstile-response') ?? '') || null
		};
		const parsed = helpRequestInput.safeParse(values);
		if (!parsed.success) {
			const errors: Partial<Record<Field, true>> = {};
			for (const i of parsed.error.issues) {
				const f = FIELD_OF[String(i.path[0])];
				if (f) errors[f] = true;
			}
			return fail(400, {
				errors,
				minutes: 0,
				values: { ...values, consent: values.consent === true }
			});
		}
		let code: string;
		let folded: boolean;
		try {
			({ code, folded } = await fileHelpRequest(
				{
					db: locals.db,
					shards: locals.shards,
					env: platform?.env,
					ip: clientIp(request),
					channel: 'web'
				},
				parsed.data
			));
		} catch (err) {
			if (!(err instanceof ApiError)) throw err;
			const errors: Partial<Record<Field, true>> = {};
			if (err.code === 'too_many_requests') errors.tooMany = true;
			else if (err.code === 'human_check_failed') errors.human = true;
			else if (err.code === 'invalid_hamlet') errors.hamletId = true;
			else errors.services = true;
			const minutes = Math.ceil(Number(err.details?.retryAfter ?? 0) / 60);
			return fail(err.status, { errors, minutes, values: { ...values, consent: true } });
		}
		redirect(303, `/ho-tro/${code}?${folded ? 'trung' : 'moi'}=1`);
	}
};
