/**
 * Issue 13, defects 2 and 4 on the login page: `next` never leads off the site, and a body that
 * is not a form is a 400 with the page, not a 500.
 */
import { expect, test } from '@playwright/test';
import { runScript } from './support/e2e-db.ts';

test.beforeAll(() => runScript('scripts/create-admin.ts', '--demo'));

test('after login, a next that a browser would read as another site leads home instead', async ({
	page
}) => {
	await page.goto('/dang-nhap?next=/%09/evil.example');
	await page.getByLabel('Số điện thoại hoặc email').fill('xa05569@demo.tungngo.vn');
	await page.getByLabel('Mật khẩu').fill('demo-quan-tri-xa');
	await page.getByRole('button', { name: 'Đăng nhập' }).click();
	await expect(page).toHaveURL(/^http:\/\/(localhost|127\.0\.0\.1):\d+\/quan-ly$/);
});

test('a login posted as plain text, or with a line break in next, is refused cleanly', async ({
	page,
	baseURL
}) => {
	const plain = await page.request.post('/dang-nhap', {
		// As a browser's form post would (a script asking for JSON gets SvelteKit's action JSON).
		headers: { 'content-type': 'text/plain', origin: baseURL!, accept: 'text/html' },
		data: 'login=a&password=b',
		maxRedirects: 0
	});
	expect(plain.status()).toBe(400);
	const crlf = await page.request.get('/dang-nhap?next=/quan-ly%0D%0ASet-Cookie:%20x=1');
	expect(crlf.status()).toBe(200);
	expect(crlf.headers()['set-cookie'] ?? '').not.toContain('x=1');
});
