/** Boundary validation helpers: zod schemas for params and a validator that throws ApiError. */
import { z } from 'zod';
import { zValidator } from '@hono/zod-validator';
import type { ValidationTargets } from 'hono';
import { ApiError } from './errors.ts';

export const provinceCode = z.string().regex(/^\d{2}$/, 'A province code is 2 digits, e.g. "19"');
export const communeCode = z.string().regex(/^\d{5}$/, 'A commune code is 5 digits, e.g. "05923"');

/** zValidator whose failures become 400 `invalid_<target>` with the field and reason. */
export function validate<T extends z.ZodType, Target extends keyof ValidationTargets>(
	target: Target,
	schema: T
) {
	return zValidator(target, schema, (result) => {
		if (!result.success) {
			const issue = result.error.issues[0];
			const field = issue?.path.join('.') || target;
			throw new ApiError(
				`invalid_${target}`,
				400,
				`${field}: ${issue?.message ?? 'invalid value'}`,
				{ field }
			);
		}
	});
}
