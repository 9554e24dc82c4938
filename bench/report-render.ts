/**
 * Reports (issue 16 §5): the server's time to render a report page and to write a province's
 * XLSX, against the built worker in `wrangler dev` on 127.0.0.1 with a set-up local D1: the demo
 * data (Định Hoá, Thái Nguyên) and a generated province — the largest by communes gets synthetic
 * monthly rows for each commune that has none (INSERT OR IGNORE, the period and its trend), so
 * its report's commune table is as long as a real one.
 * Goals: a commune report page ≤ 300 ms, a province report page ≤ 1 s, a province XLSX ≤ 2 s.
 * Signed in as the demo admin, who sees the live figures of an unsubmitted report (the heavier
 * path: the figures are computed from the series on each request); the XLSX is of a submitted
 * (frozen) province report. Median of 7 after one warm-up; the load average is printed beside.
 *
 *   node bench/report-render.ts
 * Needs a build (`npx vite build`) and a set-up D1: BENCH_PERSIST (default .wrangler/e2e-report,
 * prepared by `TUNG_NGO_PERSIST_DIR=.wrangler/e2e-report node scripts/setup.ts`). PORT: 8896.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { repoRoot } from '../scripts/lib/paths.ts';
import { loadAverage, printMachine } from './lib/machine.ts';
import { startWranglerDev } from './lib/wrangler-dev.ts';
import { addMonths, monthOf } from '../src/lib/domain/metric-months.ts';
import { trendMonths } from '../src/lib/domain/report-content.ts';
import { SERVICE_CODES } from '../src/lib/domain/services.ts';

const PORT = Number(process.env.PORT ?? 8896);
const PERSIST = join(repoRoot, process.env.BENCH_PERSIST ?? '.wrangler/e2e-report');
const RUNS = 7;
const M = addMonths(monthOf(Date.now()), -1);

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function timed(url: string, init: RequestInit): Promise<{ ms: number; bytes: number }> {
	const started = performance.now();
	const res = await fetch(url, init);
	const body = await res.arrayBuffer();
	const ms = performance.now() - started;
	if (!res.ok)
		throw new Error(`${url}: ${res.status} ${new TextDecoder().decode(body).slice(0, 300)}`);
	return { ms, bytes: body.byteLength };
}

async function measure(label: string, goalMs: number, url: string, init: RequestInit) {
	await timed(url, init); // warm-up: the isolate, D1's pages
	const runs: number[] = [];
	let bytes = 0;
	for (let i = 0; i < RUNS; i++) {
		const r = await timed(url, init);
		runs.push(r.ms);
		bytes = r.bytes;
	}
	const m = median(runs);
	console.log(
		`${label}: median ${m.toFixed(0)} ms (min ${Math.min(...runs).toFixed(0)}, max ` +
			`${Math.max(...runs).toFixed(0)}), ${(bytes / 1024).toFixed(0)} KB — goal ≤ ${goalMs} ms ` +
			`${m <= goalMs ? 'met' : 'NOT met'}; load ${loadAverage()}`
	);
}

const LARGEST = `(SELECT code FROM provinces ORDER BY commune_count DESC, code LIMIT 1)`;
const r = (lo: number, span: number) => `${lo} + abs(random()) % ${span}`;

/** Synthetic month rows for the largest province's communes; its old province report removed. */
function generateProvince() {
	const months = `json_each('${JSON.stringify(trendMonths(M))}')`;
	const sql = [
		`DELETE FROM reports WHERE level = 'province' AND code = ${LARGEST}`,
		`INSERT OR IGNORE INTO area_months (level, code, month, province_code, closed, teams, members,
			population, hamlets, hamlets_covered, households_known, households_reached,
			households_visited, visits, demo_records, computed_at)
		SELECT 'commune', c.code, m.value, c.province_code, 1, ${r(2, 6)}, ${r(10, 40)}, ${r(8000, 20000)},
			${r(8, 10)}, ${r(4, 4)}, ${r(300, 2000)}, ${r(100, 250)}, ${r(150, 200)}, ${r(0, 300)}, 0,
			${Date.now()}
		FROM communes c, ${months} m WHERE c.province_code = ${LARGEST}`,
		`INSERT OR IGNORE INTO area_month_services (level, code, month, service_code, province_code,
			adults_using, adults_total, helped)
		SELECT 'commune', c.code, m.value, s.value, c.province_code, ${r(200, 300)}, ${r(600, 400)}, ${r(0, 60)}
		FROM communes c, ${months} m, json_each('${JSON.stringify(SERVICE_CODES)}') s
		WHERE c.province_code = ${LARGEST}`
	].join(';\n');
	const out = spawnSync(
		process.execPath,
		[
			'node_modules/wrangler/bin/wrangler.js',
			'd1',
			'execute',
			'DB',
			'--local',
			'--persist-to',
			PERSIST,
			'--command',
			sql
		],
		{
			cwd: repoRoot,
			encoding: 'utf8',
			env: { ...process.env, CLOUDFLARE_CF_FETCH_ENABLED: 'false', WRANGLER_SEND_METRICS: 'false' }
		}
	);
	if (out.status !== 0) throw new Error(`generating the province: ${out.stderr.slice(-2000)}`);
}

printMachine();
generateProvince();
const server = await startWranglerDev({
	port: PORT,
	persistTo: PERSIST,
	timeoutMs: 240_000,
	logFile: '/tmp/report-render-wrangler.log'
});
try {
	const origin = { Origin: server.url, 'Content-Type': 'application/json' };
	const login = await fetch(`${server.url}/api/auth/login`, {
		method: 'POST',
		headers: origin,
		body: JSON.stringify({ login: 'admin@demo.tungngo.vn', password: 'demo-quan-tri' })
	});
	if (!login.ok) throw new Error(`login: ${login.status} ${await login.text()}`);
	const cookie = login.headers
		.getSetCookie()
		.map((c) => c.split(';')[0])
		.join('; ');
	const signedIn: RequestInit = { headers: { cookie } };
	const { provinces } = (await (await fetch(`${server.url}/api/provinces`)).json()) as {
		provinces: { code: string; communeCount: number }[];
	};
	const largest = [...provinces].sort((a, b) => b.communeCount - a.communeCount)[0]!;
	console.log(`Period ${M}; largest province ${largest.code} (${largest.communeCount} communes)`);

	await measure(
		'Commune report page 05569 (live)',
		300,
		`${server.url}/bao-cao/05569/${M}`,
		signedIn
	);
	await measure('Province report page 19 (live)', 1000, `${server.url}/bao-cao/19/${M}`, signedIn);
	await measure(
		`Province report page ${largest.code} (live, ${largest.communeCount} communes)`,
		1000,
		`${server.url}/bao-cao/${largest.code}/${M}`,
		signedIn
	);

	// The XLSX of a submitted province report (the admin may submit any area's report).
	const view = await fetch(`${server.url}/api/reports/${largest.code}/${M}`, signedIn);
	let id = ((await view.json()) as { report: { id: string } | null }).report?.id;
	if (!id) {
		const res = await fetch(`${server.url}/api/reports/${largest.code}/${M}/submit`, {
			method: 'POST',
			headers: { ...origin, cookie },
			body: '{}'
		});
		if (!res.ok) throw new Error(`submit: ${res.status} ${await res.text()}`);
		id = ((await res.json()) as { report: { id: string } }).report.id;
	}
	await measure(
		`Province XLSX ${largest.code} (${largest.communeCount} communes)`,
		2000,
		`${server.url}/api/reports/${id}.xlsx`,
		signedIn
	);
} finally {
	server.stop();
}
