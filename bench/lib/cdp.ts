/**
 * A minimal Chrome DevTools Protocol client over WebSocket (Node's built-in), in flat session
 * mode, for benchmarks that must throttle every target a page starts (MapLibre's web worker,
 * the service worker), which Playwright's page-level CDP session cannot reach.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

type Listener = (params: Record<string, unknown>, sessionId: string | undefined) => void;

export class Cdp {
	private next = 1;
	private pending = new Map<number, { resolve(v: unknown): void; reject(e: Error): void }>();
	private listeners = new Map<string, Listener[]>();

	private ws: WebSocket;

	private constructor(ws: WebSocket) {
		this.ws = ws;
		ws.addEventListener('message', (e) => {
			const msg = JSON.parse(String(e.data));
			if (msg.id !== undefined) {
				const p = this.pending.get(msg.id);
				this.pending.delete(msg.id);
				if (msg.error) p?.reject(new Error(`${msg.error.message} (${msg.error.code})`));
				else p?.resolve(msg.result);
			} else {
				for (const fn of this.listeners.get(msg.method) ?? []) fn(msg.params, msg.sessionId);
			}
		});
	}

	static connect(url: string): Promise<Cdp> {
		const ws = new WebSocket(url);
		return new Promise((resolve, reject) => {
			ws.addEventListener('open', () => resolve(new Cdp(ws)));
			ws.addEventListener('error', () => reject(new Error(`CDP: cannot connect to ${url}`)));
		});
	}

	/** Sends a command to the browser, or to a target when `sessionId` is given. */
	send<T = Record<string, unknown>>(
		method: string,
		params: Record<string, unknown> = {},
		sessionId?: string
	): Promise<T> {
		const id = this.next++;
		this.ws.send(JSON.stringify({ id, method, params, sessionId }));
		return new Promise((resolve, reject) =>
			this.pending.set(id, { resolve: resolve as (v: unknown) => void, reject })
		);
	}

	on(method: string, fn: Listener): void {
		this.listeners.set(method, [...(this.listeners.get(method) ?? []), fn]);
	}

	close(): void {
		this.ws.close();
	}
}

export interface LaunchedBrowser {
	cdp: Cdp;
	close(): Promise<void>;
}

/** Starts a headless Chromium with a fresh profile (cold caches) and connects to it. */
export async function launchChromium(extraArgs: string[] = []): Promise<LaunchedBrowser> {
	const profile = mkdtempSync(join(tmpdir(), 'tung-ngo-bench-'));
	const exe = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
	const proc: ChildProcess = spawn(
		exe,
		[
			'--headless=new',
			'--remote-debugging-port=0',
			`--user-data-dir=${profile}`,
			'--use-angle=swiftshader',
			'--enable-unsafe-swiftshader',
			'--no-sandbox',
			'--no-first-run',
			'--disable-background-networking',
			'--disable-component-update',
			'--disable-sync',
			// As chrome-launcher (Lighthouse) runs Chrome: a tab opened over CDP in a headless
			// browser otherwise counts as in the background, and its renderer runs at a lower
			// priority, with throttled timers.
			'--disable-renderer-backgrounding',
			'--disable-backgrounding-occluded-windows',
			'--disable-background-timer-throttling',
			...extraArgs,
			'about:blank'
		],
		{ stdio: ['ignore', 'ignore', 'pipe'] }
	);
	const url = await new Promise<string>((resolve, reject) => {
		let buf = '';
		const timer = setTimeout(() => reject(new Error('Chromium did not start')), 30_000);
		proc.stderr!.on('data', (d: Buffer) => {
			buf += d.toString();
			const m = /DevTools listening on (ws:\/\/\S+)/.exec(buf);
			if (m) {
				clearTimeout(timer);
				resolve(m[1]!);
			}
		});
		proc.on('exit', (code) => reject(new Error(`Chromium exited (${code}): ${buf.slice(-500)}`)));
	});
	const cdp = await Cdp.connect(url);
	return {
		cdp,
		async close() {
			cdp.close();
			proc.kill('SIGTERM');
			await new Promise((r) => proc.once('exit', r));
			rmSync(profile, { recursive: true, force: true });
		}
	};
}
