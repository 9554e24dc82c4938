/**
 * A small, bounded HTTP load loop for benchmarks on 127.0.0.1: `connections` keep-alive
 * sockets (node:http's Agent), each sending its next request when the previous answer has been
 * read, until `requests` answers came back. Node's own client, so nothing to install; the
 * numbers are relative (client and server share the machine's cores).
 */
import { Agent, request } from 'node:http';

export interface LoadOptions {
	/** Total requests, shared by the connections. */
	requests: number;
	connections: number;
	/** The URL of request `i` (a function, so a run can vary its query strings). */
	url: (i: number) => string;
	headers?: Record<string, string>;
}

export interface LoadResult {
	requests: number;
	seconds: number;
	perSecond: number;
	p50: number;
	p95: number;
	p99: number;
	/** Answers by status code. */
	statuses: Record<number, number>;
	/** Body bytes received (as sent: compressed when the server compressed). */
	bytes: number;
	/** Every response's headers, in order of completion, for checks on what answered. */
	responseHeaders: Record<string, string | string[] | undefined>[];
}

/** One GET on `agent`: its status, body size, headers and time in ms. */
function get(agent: Agent, url: string, headers: Record<string, string>) {
	return new Promise<{
		status: number;
		bytes: number;
		ms: number;
		headers: LoadResult['responseHeaders'][number];
	}>((resolve, reject) => {
		const t0 = performance.now();
		const req = request(url, { agent, headers }, (res) => {
			let bytes = 0;
			res.on('data', (chunk: Buffer) => (bytes += chunk.length));
			res.on('end', () =>
				resolve({
					status: res.statusCode ?? 0,
					bytes,
					ms: performance.now() - t0,
					headers: res.headers
				})
			);
			res.on('error', reject);
		});
		req.on('error', reject);
		req.end();
	});
}

const percentile = (sorted: number[], p: number) =>
	sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;

/** Runs `options.requests` GETs over `options.connections` sockets and reports throughput and latency. */
export async function load(options: LoadOptions): Promise<LoadResult> {
	const agent = new Agent({ keepAlive: true, maxSockets: options.connections });
	const times: number[] = [];
	const statuses: Record<number, number> = {};
	const responseHeaders: LoadResult['responseHeaders'] = [];
	let next = 0;
	let bytes = 0;
	const worker = async () => {
		while (next < options.requests) {
			const i = next++;
			const r = await get(agent, options.url(i), {
				'accept-encoding': 'gzip, br',
				...options.headers
			});
			times.push(r.ms);
			bytes += r.bytes;
			statuses[r.status] = (statuses[r.status] ?? 0) + 1;
			responseHeaders.push(r.headers);
		}
	};
	const t0 = performance.now();
	await Promise.all(Array.from({ length: options.connections }, worker));
	const seconds = (performance.now() - t0) / 1000;
	agent.destroy();
	times.sort((a, b) => a - b);
	return {
		requests: times.length,
		seconds,
		perSecond: times.length / seconds,
		p50: percentile(times, 50),
		p95: percentile(times, 95),
		p99: percentile(times, 99),
		statuses,
		bytes,
		responseHeaders
	};
}
