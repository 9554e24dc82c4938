/**
 * Boundary validation: a validator that throws ApiError; the code fields are the contract's
 * (domain/fields.ts).
 */
import { z } from 'zod';
import { zValidator } from '@hono/zod-validator';
import type { ValidationTargets } from 'hono';
import { ApiError } from './errors.ts';

export {
	provinceCodeInput as provinceCode,
	communeCodeInput as communeCode
} from '../../domain/fields.ts';

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
