/**
 * The page of bench/street-graph-browser.ts: `window.streetBench` runs a case or the
 * calibration in a fresh Web Worker (/worker.js), or here on the main thread.
 */
import { calibrate, runCase, type BenchRequest } from './street-graph-browser-core.ts';

type Job = BenchRequest | { calibrate: true };

function inWorker(job: Job): Promise<unknown> {
	const worker = new Worker('/worker.js', { type: 'module' });
	return new Promise((resolve, reject) => {
		worker.onmessage = (e) => {
			worker.terminate();
			if (e.data?.error) reject(new Error(e.data.error));
			else resolve(e.data);
		};
		worker.onerror = (e) => {
			worker.terminate();
			reject(new Error(e.message));
		};
		worker.postMessage(job);
	});
}

async function onMain(job: Job): Promise<unknown> {
	return 'calibrate' in job ? { ms: calibrate() } : runCase(job);
}

Object.assign(globalThis, { streetBench: { inWorker, onMain }, streetBenchReady: true });
