/**
 * The offline pack of a demo route with its base map: the demo member saves their first route
 * in real Chromium, once over the local link and once through a 1.6 Mbps link (a Node proxy in
 * front of wrangler dev that paces every byte, page and service worker alike, with 150 ms of
 * round trip, from the moment the member taps "Tải về": the app itself is installed first). Prints the pack's size (as the phone records it, and on the wire) and the times.
 */
import { createServer, request as httpRequest, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, test, type Page } from '@playwright/test';

const DEMO_MEMBER = { login: 'thanhvien@demo.tungngo.vn', password: 'demo-thanh-vien' };
const LINK_BPS = Number(process.env.OFFLINE_PACK_LINK_BPS ?? 1_600_000);
const RTT_MS = 150;

/** A proxy that delays each response by the round trip and paces all bytes at `bps` in total. */
function slowLink(target: URL, linkBps: number) {
	let wire = 0;
	let bps = Infinity; // unpaced until `pace()`: the app shell loads at local speed first
	let freeAt = 0; // when the shared link can send the next byte (ms)
	const server: Server = createServer((req, res) => {
		const up = httpRequest(
			{
				host: target.hostname,
				port: target.port,
				method: req.method,
				path: req.url,
				headers: req.headers
			},
			(upRes) => {
				setTimeout(
					() => {
						res.writeHead(upRes.statusCode ?? 502, upRes.headers);
						upRes.on('data', (chunk: Buffer) => {
							upRes.pause();
							wire += chunk.length;
							const now = performance.now();
							freeAt = Math.max(now, freeAt) + (chunk.length * 8 * 1000) / bps;
							if (bps === Infinity) freeAt = now;
							setTimeout(() => {
								res.write(chunk);
								upRes.resume();
							}, freeAt - now);
						});
						upRes.on('end', () =>
							setTimeout(() => res.end(), Math.max(0, freeAt - performance.now()))
						);
					},
					bps === Infinity ? 0 : RTT_MS
				);
			}
		);
		up.on('error', () => res.destroy());
		req.pipe(up);
	});
	return {
		server,
		bytes: () => wire,
		/** From now on: the slow link, and its bytes counted from zero. */
		pace: () => {
			wire = 0;
			bps = linkBps;
		}
	};
}

async function saveFirstRoute(page: Page, base: string, beforeSave = () => {}) {
	const login = await page.request.post(`${base}/api/auth/login`, {
		data: DEMO_MEMBER,
		headers: { origin: base }
	});
	expect(login.status()).toBe(200);
	console.log(`offline-pack: ${base} login ok`);
	await page.goto(`${base}/thuc-dia`);
	await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, {
		timeout: 600_000
	});
	console.log(`offline-pack: ${base} service worker in control`);
	const card = page.getByTestId('route-card').first();
	const planned0 = performance.now();
	await card.getByTestId('save-offline').click();
	const plan = await card.getByTestId('save-plan').innerText({ timeout: 120_000 });
	console.log(`offline-pack: ${base} sized: ${plan.replace(/\s+/g, ' ')}`);
	const planMs = performance.now() - planned0;
	beforeSave();
	const t0 = performance.now();
	await card.getByTestId('save-confirm').click();
	await expect(card.getByTestId('saved-info')).toContainText('Đã lưu', { timeout: 600_000 });
	const saveMs = performance.now() - t0;
	const record = await page.evaluate(
		() =>
			new Promise<{ bytes: number; assets: number; basemap?: { bytes: number; tiles: number } }>(
				(resolve, reject) => {
					const req = indexedDB.open('tungngo-field');
					req.onerror = () => reject(req.error);
					req.onsuccess = () => {
						const all = req.result.transaction('routes').objectStore('routes').getAll();
						all.onsuccess = () => {
							const r = all.result[0];
							resolve({ bytes: r.bytes, assets: r.assets.length, basemap: r.basemap });
						};
					};
				}
			)
	);
	return { plan, planMs, saveMs, record, stops: await card.locator('.muted').first().innerText() };
}

test('a demo route with its base map, saved locally and over 1.6 Mbps', async ({ browser }) => {
	test.setTimeout(900_000);
	const target = new URL(test.info().project.use.baseURL!);
	const link = slowLink(target, LINK_BPS);
	await new Promise<void>((r) => link.server.listen(0, '127.0.0.1', r));
	const slowBase = `http://127.0.0.1:${(link.server.address() as AddressInfo).port}`;
	try {
		const fast = await browser.newContext();
		const local = await saveFirstRoute(await fast.newPage(), target.origin);
		await fast.close();
		const slow = await browser.newContext();
		const page = await slow.newPage();
		// The page and its service worker load first; the save alone is counted on the wire.
		const linked = await saveFirstRoute(page, slowBase, link.pace);
		const wire = link.bytes();
		await slow.close();
		console.log(
			`OFFLINE-PACK ${JSON.stringify({ local, linked, wire, linkBps: LINK_BPS, rttMs: RTT_MS })}`
		);
	} finally {
		link.server.close();
	}
});
