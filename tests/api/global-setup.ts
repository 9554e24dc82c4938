/**
 * Once per `vitest --project api` run: applies the real migrations with wrangler into a
 * template state folder. Each test file copies it (tests/api/support/db.ts) so files never
 * share a database.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { applyMigrations } from '../../scripts/lib/local-d1.ts';

export default function setup(project: TestProject) {
	const template = mkdtempSync(join(tmpdir(), 'tung-ngo-d1-template-'));
	applyMigrations(template);
	project.provide('d1Template', template);
	return () => rmSync(template, { recursive: true, force: true });
}

declare module 'vitest' {
	export interface ProvidedContext {
		d1Template: string;
	}
}
