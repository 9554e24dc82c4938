/** Request shapes for personal-data rights (issue 13), validated at the boundary (zod). */
import { z } from 'zod';
import { cleanText } from '../../../domain/text.ts';
import { REASON_MAX } from '../../../domain/personal-data.ts';
import { communeCode } from '../validation.ts';
import { idInput as id } from '../../../domain/fields.ts';

export const idParam = z.object({ id });

/** Why the data is exported, erased or kept: free text, cleaned, 3…REASON_MAX characters. */
const reason = z
	.string({ error: 'Say why (the reason is kept in the audit log)' })
	.transform(cleanText)
	.pipe(
		z
			.string()
			.min(3, 'Say why (the reason is kept in the audit log)')
			.max(REASON_MAX, `At most ${REASON_MAX} characters`)
	);

/** GET …/export?reason=… */
export const exportQuery = z.object({ reason });

/** POST …/erase { reason } */
export const eraseBody = z.object({ reason });

/** POST …/keep { reason? } — keeping a household on review; the reason is optional. */
export const keepBody = z.object({
	reason: z
		.string()
		.transform(cleanText)
		.pipe(z.string().max(REASON_MAX, `At most ${REASON_MAX} characters`))
		.optional()
});

/** GET /review?commune=… */
export const reviewQuery = z.object({ commune: communeCode });
