import { describe, expect, it } from 'vitest';
import { Hono } from 'hono';
import { handleApiError } from '../../src/lib/server/api/errors.ts';
import { WriteValidationError } from '../../src/lib/server/db/writes/errors.ts';

function answering(err: Error) {
	const app = new Hono();
	app.get('/x', () => {
		throw err;
	});
	app.onError(handleApiError);
	return app.request('/x');
}

describe('the one error translator', () => {
	it('turns a write function refusal into a 422 naming the row and field, not a 500', async () => {
		const res = await answering(
			new WriteValidationError('household', [{ index: 2, path: 'lat', message: 'Required' }])
		);
		expect(res.status).toBe(422);
		expect(await res.json()).toMatchObject({
			code: 'invalid_record',
			message: 'invalid household: #2 lat: Required',
			details: { entity: 'household', field: 'lat' }
		});
	});

	it('keeps anything unknown a 500 that says nothing of the inside', async () => {
		const res = await answering(new Error('SQLITE_CONSTRAINT: secret detail'));
		expect(res.status).toBe(500);
		expect(JSON.stringify(await res.json())).not.toContain('secret');
	});
});
