/**
 * `npm start`: setup (idempotent), build, then serve the built worker with wrangler dev on the
 * same local D1 state. Stops wrangler's whole process group on Ctrl-C.
 */
import { spawn } from 'node:child_process';
import { persistDir, repoRoot } from './lib/paths.ts';
import { runStep } from './lib/run.ts';

const port = process.env.PORT ?? '8787';
runStep('Setup', process.execPath, ['scripts/setup.ts', ...process.argv.slice(2)]);
runStep('Build', process.execPath, ['node_modules/vite/bin/vite.js', 'build']);

console.log(`\nTừng Ngõ: http://127.0.0.1:${port}\n`);
const child = spawn(
	process.execPath,
	[
		'node_modules/wrangler/bin/wrangler.js',
		'dev',
		'--port',
		port,
		'--ip',
		'127.0.0.1',
		'--persist-to',
		persistDir(),
		// The scheduled work on demand: /__scheduled?cron=*/15+*+*+*+* runs what the cron would.
		'--test-scheduled'
	],
	{ cwd: repoRoot, stdio: 'inherit', detached: true }
);
const stop = () => {
	if (child.pid) process.kill(-child.pid, 'SIGTERM');
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
child.on('exit', (code) => process.exit(code ?? 0));
