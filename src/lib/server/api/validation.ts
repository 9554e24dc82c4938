/**
 * Boundary validation: a validator that throws ApiError; the code fields are the contract's
 * (domain/fields.ts). Each validator also carries its schema for the OpenAPI document
 * (openapi/document.ts), so a validated route documents its parameters and body by itself.
 */
import { z } from 'zod';
import { zValidator } from '@hono/zod-validator';
import type { ValidationTargets } from 'hono';
import { resolver, uniqueSymbol } from 'hono-openapi';
import { ApiError } from './errors.ts';

export {
	provinceCodeInput as provinceCode,
	communeCodeInput as communeCode
} from '../../domain/fields.ts';

/**
 * zValidator whose failures become 400 `invalid_<target>` with the field and reason, marked as
 * hono-openapi marks its own `validator()` (its documented way for a custom middleware): the
 * document reads the schema from it. zValidator stays the validator, so error messages and
 * parsing are zod's as before.
 */
export function validate<T extends z.ZodType, Target extends keyof ValidationTargets>(
	target: Target,
	schema: T
) {
	const middleware = zValidator(target, schema, (result) => {
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
	return Object.assign(middleware, { [uniqueSymbol]: { target, ...resolver(schema) } });
}
