/**
 * Prints this host's benchmark index in Chromium and the CPU slowdowns that make it run as the
 * mid-tier and low-tier target phones (bench/lib/cpu-calibration.ts): what bench/map-load.ts
 * applies. `node bench/cpu-index.ts`
 */
import { loadavg } from 'node:os';
import { launchChromium } from './lib/cdp.ts';
import { calibrateCpu, TARGET_INDEX } from './lib/cpu-calibration.ts';

const browser = await launchChromium();
try {
	const { targetId } = await browser.cdp.send<{ targetId: string }>('Target.createTarget', {
		url: 'about:blank'
	});
	const { sessionId } = await browser.cdp.send<{ sessionId: string }>('Target.attachToTarget', {
		targetId,
		flatten: true
	});
	console.log(
		`load average ${loadavg()
			.map((l) => l.toFixed(1))
			.join(' / ')}`
	);
	for (const [name, target] of Object.entries(TARGET_INDEX)) {
		const c = await calibrateCpu(browser.cdp, sessionId, target);
		console.log(
			`${name} phone (index ${target}): host index ${c.hostIndex} → slowdown ×${c.rate}` +
				` (reached ${c.reachedIndex})`
		);
	}
} finally {
	await browser.close();
}
