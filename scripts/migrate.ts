/**
 * `npm run db:migrate`: applies migrations/ to the local global D1 and migrations-shard/ to
 * every local province shard of wrangler.toml (docs/sharding.md). The deploy does the same
 * with --remote (scripts/deploy.ts).
 *   Env: TUNG_NGO_PERSIST_DIR (local D1 state).
 */
import { applyMigrations, d1Bindings } from './lib/local-d1.ts';
import { persistDir } from './lib/paths.ts';

process.env.CLOUDFLARE_CF_FETCH_ENABLED = 'false';
process.env.WRANGLER_SEND_METRICS = 'false';
applyMigrations();
console.log(`Migrated ${d1Bindings().join(', ')} in ${persistDir()}`);
