/**
 * A TCP pass-through that counts the bytes the server sends, with their arrival times: what
 * crossed the wire, whichever browser target (page, web worker, service worker) asked for it.
 */
import { createServer, connect, type Server } from 'node:net';

export interface ByteCounter {
	url: string;
	/** Bytes sent to the browser up to `untilMs` (performance.now() clock), all if omitted. */
	bytes(untilMs?: number): number;
	reset(): void;
	close(): Promise<void>;
}

export async function countBytes(target: string): Promise<ByteCounter> {
	const { hostname, port } = new URL(target);
	let chunks: { at: number; n: number }[] = [];
	const server: Server = createServer((client) => {
		const upstream = connect(Number(port), hostname);
		client.pipe(upstream);
		upstream.on('data', (d: Buffer) => {
			chunks.push({ at: performance.now(), n: d.length });
			client.write(d);
		});
		upstream.on('end', () => client.end());
		upstream.on('error', () => client.destroy());
		client.on('error', () => upstream.destroy());
		client.on('close', () => upstream.destroy());
	});
	await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
	const address = server.address();
	const listenPort = typeof address === 'object' && address ? address.port : 0;
	return {
		url: `http://127.0.0.1:${listenPort}`,
		bytes: (untilMs = Infinity) =>
			chunks.filter((c) => c.at <= untilMs).reduce((s, c) => s + c.n, 0),
		reset: () => (chunks = []),
		close: () =>
			new Promise((r) => {
				server.close(() => r());
				server.unref();
			})
	};
}
