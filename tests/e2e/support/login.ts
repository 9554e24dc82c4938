import type { Page } from '@playwright/test';

export interface Account {
	login: string;
	password: string;
}

/**
 * Signs in through the login form as a person does, and waits until the app has taken them
 * to their home (a member's is the field page, which loads its client-only code first; while
 * the service worker is precaching, that can take longer than an assertion's default 5 s).
 */
export async function login(page: Page, who: Account, home: RegExp = /./): Promise<void> {
	await page.goto('/dang-nhap');
	await page.getByLabel('Số điện thoại hoặc email').fill(who.login);
	await page.getByLabel('Mật khẩu').fill(who.password);
	await page.getByRole('button', { name: 'Đăng nhập' }).click();
	await page.waitForURL((u) => !u.pathname.startsWith('/dang-nhap') && home.test(u.pathname), {
		timeout: 30_000
	});
}
