/**
 * The lock around building and serving the app: the build output (.svelte-kit/) and the e2e
 * database are shared with other people on this machine, and every e2e run takes
 * `flock /tmp/tungngo-e2e.lock`. A benchmark holds it only around what needs it: a child
 * `flock` holds the lock until its stdin closes — when the section ends, or if this process
 * dies — so it is never left behind.
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { readFileSync } from 'node:fs';

export const E2E_LOCK = '/tmp/tungngo-e2e.lock';

/** True when this process runs under `flock /tmp/tungngo-e2e.lock node …` (the lock is held). */
function parentHoldsLock(): boolean {
	try {
		const cmd = readFileSync(`/proc/${process.ppid}/cmdline`, 'utf8').split('\0');
		return (cmd[0] ?? '').endsWith('flock') && cmd.includes(E2E_LOCK);
	} catch {
		return false;
	}
}

/**
 * Runs `fn` holding the e2e lock (at once when the parent `flock` already holds it).
 * @param what said while waiting for someone else's run to finish.
 */
export async function withE2eLock<T>(what: string, fn: () => Promise<T>): Promise<T> {
	if (parentHoldsLock()) return fn();
	const holder = spawn('flock', [E2E_LOCK, 'sh', '-c', 'echo locked; exec cat >/dev/null'], {
		stdio: ['pipe', 'pipe', 'inherit']
	});
	const t0 = performance.now();
	const note = setTimeout(() => console.log(`(${what}: waiting for ${E2E_LOCK}…)`), 1000);
	try {
		await new Promise<void>((resolve, reject) => {
			holder.stdout.once('data', () => resolve());
			holder.once('exit', (code) => reject(new Error(`flock ${E2E_LOCK} exited with ${code}`)));
		});
	} finally {
		clearTimeout(note);
	}
	const waited = (performance.now() - t0) / 1000;
	if (waited > 1) console.log(`(${what}: got ${E2E_LOCK} after ${waited.toFixed(0)} s)`);
	try {
		return await fn();
	} finally {
		holder.stdin.end();
		if (holder.exitCode === null) await once(holder, 'exit');
	}
}
