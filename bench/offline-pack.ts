/**
 * The offline pack of a demo route with its base map (issue 14): its size as the phone records
 * it and on the wire, and the time to save it locally and over a 1.6 Mbps link with 150 ms of
 * round trip (bench/e2e/offline-pack.bench.ts, real Chromium against wrangler dev).
 *
 *   node bench/offline-pack.ts     (E2E_PORT picks the port; OFFLINE_PACK_LINK_BPS the link)
 */
import { playwright, prepareApp, reportOf } from './lib/e2e-app.ts';
import { printMachine } from './lib/machine.ts';

interface Saved {
	plan: string;
	planMs: number;
	saveMs: number;
	stops: string;
	record: { bytes: number; assets: number; basemap?: { bytes: number; tiles: number } };
}

prepareApp();
const r = playwright('offline-pack', {}, 'bench/lib/playwright.bench.config.ts');
const s = reportOf<{ local: Saved; linked: Saved; wire: number; linkBps: number; rttMs: number }>(
	r,
	'OFFLINE-PACK',
	'the offline pack run failed',
	true
);
const nf = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 1 });
const kb = (n: number) => `${nf.format(n / 1024)} KB`;
printMachine();
const { local, linked } = s;
console.log(`Offline pack of the demo member's first route (${local.stops}):`);
console.log(
	`  recorded on the phone: ${kb(local.record.bytes)} in ${local.record.assets} assets; base map ${kb(local.record.basemap?.bytes ?? 0)} (${local.record.basemap?.tiles ?? 0} tiles at z14–15)`
);
console.log(`  shown before saving: "${local.plan.replace(/\s+/g, ' ').trim()}"`);
console.log(
	`  save, local link: ${nf.format(local.saveMs / 1000)} s (sizing first ${nf.format(local.planMs)} ms)`
);
console.log(
	`  save, ${nf.format(s.linkBps / 1e6)} Mbps with ${s.rttMs} ms round trip: ${nf.format(linked.saveMs / 1000)} s, ${kb(s.wire)} on the wire`
);
