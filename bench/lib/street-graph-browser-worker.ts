/**
 * The Web Worker of bench/street-graph-browser.ts: answers one message, { calibrate: true } or
 * a BenchRequest, with the figures (or { error }).
 */
import { calibrate, runCase, type BenchRequest } from './street-graph-browser-core.ts';

self.onmessage = async (e: MessageEvent<BenchRequest | { calibrate: true }>) => {
	try {
		const data = e.data;
		self.postMessage('calibrate' in data ? { ms: calibrate() } : await runCase(data));
	} catch (err) {
		self.postMessage({ error: String(err) });
	}
};
