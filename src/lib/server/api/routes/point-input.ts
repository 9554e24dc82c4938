/**
 * The point rule (domain/point.ts) applied to the result of a PATCH: the stored row merged with
 * the patch must still hold both coordinates or none. The body schemas check what was sent;
 * this checks what would be stored.
 */
import { ApiError } from '../errors.ts';
import { pointIssueMessage, pointIssues } from '../../../domain/point.ts';

/**
 * @throws ApiError 400 `invalid_json` naming the coordinate when the merged point is half a
 *   point (or outside Vietnam), like the same body sent to a create.
 */
export function ensureWholePoint(merged: { lon?: number | null; lat?: number | null }): void {
	const issue = pointIssues(merged.lon, merged.lat)[0];
	if (issue) {
		throw new ApiError('invalid_json', 400, `${issue.field}: ${pointIssueMessage(issue)}`, {
			field: issue.field
		});
	}
}
