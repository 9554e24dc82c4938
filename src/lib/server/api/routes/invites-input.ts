/** Request bodies for invites and joining. */
import { z } from 'zod';
import { ROLES } from '../../../domain/roles.ts';
import { cleanText } from '../../../domain/text.ts';
import { parseEmail } from '../../../domain/csv-fields.ts';
import { communeCodeInput, phoneText as phone, provinceCodeInput } from '../../../domain/fields.ts';
import { passwordField } from './auth.ts';

export const inviteCreate = z.object({
	role: z.enum(ROLES),
	provinceCode: provinceCodeInput.nullish(),
	communeCode: communeCodeInput.nullish(),
	teamId: z.uuid().nullish(),
	memberId: z.uuid().nullish(),
	note: z.string().transform(cleanText).pipe(z.string().max(200)).nullish()
});

const email = z.string().transform((s, ctx) => {
	const r = parseEmail(s);
	if (!r.ok) ctx.addIssue({ code: 'custom', message: r.error });
	return r.ok ? r.value : '';
});

export const inviteAccept = z
	.object({
		displayName: z.string().transform(cleanText).pipe(z.string().min(1, 'Required').max(120)),
		phone: phone.nullish(),
		email: email.nullish(),
		password: passwordField
	})
	.refine((o) => o.phone || o.email, {
		message: 'Give a phone number or an e-mail to log in with',
		path: ['phone']
	});

export const tokenParam = z.object({
	token: z.string().regex(/^[A-Za-z0-9_-]{20,100}$/, 'Not an invite token')
});
