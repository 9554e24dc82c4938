/**
 * Audit-log housekeeping (issue 13): deletes entries older than the retention and records one
 * `audit.prune` entry. The scheduled job (issue 15) will run the same function in the Worker.
 *
 *   node scripts/prune-audit.ts [--now 2031-01-01T00:00:00Z]
 * Env: AUDIT_RETENTION_YEARS (default 5), TUNG_NGO_PERSIST_DIR (local D1 state).
 */
import { parseArgs } from 'node:util';
import { withLocalDb } from './lib/local-d1.ts';
import { pruneAuditLog } from '../src/lib/server/privacy/retention.ts';
import { auditRetentionYears } from '../src/lib/domain/personal-data.ts';

const { values } = parseArgs({ options: { now: { type: 'string' } } });
const now = values.now ? new Date(values.now).getTime() : Date.now();
if (Number.isNaN(now)) {
	console.error(`✗ --now is not a date: ${values.now}`);
	process.exit(1);
}
const years = auditRetentionYears(process.env.AUDIT_RETENTION_YEARS);
const r = await withLocalDb(({ db }) => pruneAuditLog(db, { now, years }));
console.log(
	`Audit log: ${r.deleted} entries before ${new Date(r.cutoff).toISOString()} deleted (kept ${years} years)`
);
