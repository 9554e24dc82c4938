/** Typed failure of a write function: which rows, which fields, why. The API maps it to 400/422. */
export interface WriteIssue {
	/** Index of the row in the input array. */
	index: number;
	/** Field path, e.g. "services.0.helped"; "" for the whole row. */
	path: string;
	message: string;
}

/** Issues reported in an error message at most (all are kept in `issues`). */
const SHOWN = 5;

export class WriteValidationError extends Error {
	readonly entity: string;
	readonly issues: WriteIssue[];

	constructor(entity: string, issues: WriteIssue[]) {
		const head = issues
			.slice(0, SHOWN)
			.map((i) => `#${i.index}${i.path ? ` ${i.path}` : ''}: ${i.message}`)
			.join('; ');
		const more = issues.length > SHOWN ? ` (+${issues.length - SHOWN} more)` : '';
		super(`invalid ${entity}: ${head}${more}`);
		this.name = 'WriteValidationError';
		this.entity = entity;
		this.issues = issues;
	}
}

/**
 * A device's batch of visits refused (POST /api/visits): the issues by row, and the id each
 * sent visit carried (null where it sent none), so the device can flag the refused ones.
 */
export class VisitBatchError extends WriteValidationError {
	readonly sentIds: readonly (string | null)[];

	constructor(issues: WriteIssue[], sentIds: readonly (string | null)[]) {
		super('visits', issues);
		this.name = 'VisitBatchError';
		this.sentIds = sentIds;
	}
}
