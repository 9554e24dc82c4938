/**
 * Planning a team's outings on the planning page, as a leader would (route-planning-view.ts):
 * pick the team (its households become the selection), set the period Monday–Friday, morning
 * and afternoon sessions, motorbike, 8 minutes a house, even spread; then "Lập kế hoạch" and
 * wait for the result and its calendar. Each run after the first discards the plan and makes
 * it again, so the first run includes starting the worker and the others do not.
 */
import type { Locator, Page } from '@playwright/test';
import type { BenchCommune } from './planning-view-data.ts';
import {
	parseResult,
	slice,
	startRecording,
	stopRecording,
	timed,
	type Slice
} from './planning-view-page.ts';

export interface GenerationRun {
	/** Click → result on screen. */
	clickMs: number;
	/** The worker's own time, from the result line. */
	workerMs: number;
	/** Click → the worker's answer reaches the page. */
	replyMs: number;
	/** The answer → result on screen: the page's own work on the plan. */
	drawMs: number;
	outings: number;
	households: number;
	/** The main thread while the worker plans, and while the page draws its answer. */
	planning: Slice;
	drawing: Slice;
}

/** The plan's days: a fixed working week (the plan may lie in the future). */
const FROM = '2026-12-07';
const TO = '2026-12-11';

/** Waits for an element the benchmark needs, saying which one when the page lacks it. */
async function need(l: Locator, what: string): Promise<Locator> {
	await l
		.first()
		.waitFor({ timeout: 15_000 })
		.catch(() => {
			throw new Error(`the planning page has no ${what}`);
		});
	return l.first();
}

/** Picks the team and fills in the form. */
async function setUp(page: Page, c: BenchCommune) {
	await (
		await need(page.getByRole('button', { name: 'Các hộ của tổ' }), '"Các hộ của tổ"')
	).click();
	const team = await need(page.locator('fieldset.plan-form > label select'), 'team select');
	await team.selectOption({ label: c.teamName });
	const count = c.teamHouseholds.toLocaleString('vi-VN');
	await need(
		page.getByTestId('generate').filter({ hasText: `${count} hộ sẽ được xếp` }),
		`generate button saying "${count} hộ sẽ được xếp"`
	);
	const boxes = page.getByTestId('plan-members').locator('li input[type=checkbox]');
	await need(boxes, 'member checkboxes');
	if ((await boxes.count()) !== c.members) throw new Error(`not ${c.members} members listed`);
	for (const b of await boxes.all()) await b.check();
	await (await need(page.getByLabel('Từ ngày'), '"Từ ngày"')).fill(FROM);
	await (await need(page.getByLabel('Đến ngày'), '"Đến ngày"')).fill(TO);
	await (await need(page.getByLabel('Nghỉ Chủ nhật', { exact: true }), '"Nghỉ Chủ nhật"')).check();
	await need(page.getByTestId('plan-days').filter({ hasText: '5 ngày' }), '"5 ngày đi"');
	for (const [label, on] of [
		['Sáng', true],
		['Chiều', true],
		['Tối', false]
	] as const)
		await (await need(page.getByLabel(label, { exact: true }), `"${label}"`)).setChecked(on);
	await (await need(page.getByLabel('Xe máy', { exact: true }), '"Xe máy"')).check();
	await (await need(page.getByLabel('Thời gian ở mỗi hộ (phút)'), 'time per house')).fill('8');
	const even = page.getByLabel('Chia đều cho các thành viên và các ngày', { exact: true });
	await (await need(even, 'even spread')).check();
}

/** One click on "Lập kế hoạch", timed until the result is on screen. */
async function once(page: Page): Promise<GenerationRun> {
	await startRecording(page);
	const clickMs = await timed(
		page,
		`window.clickAt = performance.now(); document.querySelector('[data-testid=generate]').click();`,
		'[data-testid=plan-result]'
	);
	const rec = await stopRecording(page);
	const clickAt = await page.evaluate(() => (window as unknown as { clickAt: number }).clickAt);
	await need(page.getByTestId('draft-calendar'), 'draft calendar');
	const line = (await page.getByTestId('plan-result').innerText()).split('\n')[0]!;
	const shown = clickAt + clickMs;
	const replyAt = rec.replies.find((t) => t > clickAt) ?? NaN;
	return {
		clickMs,
		...parseResult(line),
		replyMs: replyAt - clickAt,
		drawMs: shown - replyAt,
		planning: slice(rec, clickAt, replyAt),
		drawing: slice(rec, replyAt, shown)
	};
}

/**
 * Plans `runs` times (the first with a cold worker).
 * @returns the runs, and the last result's lines above its calendar (totals, warnings).
 */
export async function planTeamRuns(page: Page, c: BenchCommune, runs: number) {
	await setUp(page, c);
	const out: GenerationRun[] = [];
	for (let r = 0; r < runs; r++) {
		if (r > 0) {
			await page.getByRole('button', { name: 'Bỏ kế hoạch' }).click();
			await page.getByTestId('plan-result').waitFor({ state: 'detached' });
			await page.waitForTimeout(300);
		}
		out.push(await once(page));
	}
	const lines = await page.locator('[data-testid=plan-result] > p').allInnerTexts();
	return { runs: out, summary: lines.map((l) => l.trim()).join(' / ') };
}
