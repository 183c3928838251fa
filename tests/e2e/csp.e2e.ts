// Issue 16, finding 13: the CSP allows no inline styles (no 'unsafe-inline' in style-src), and
// the main pages of every role render and hydrate without a single CSP violation.
import type { Page } from '@playwright/test';
import { demo, expect, signIn, signOut, test } from './fixtures';
import { moduleBySlug } from './course';

const slug = 'wat-en-hoe';
const steps = moduleBySlug(slug).steps;
const quizStep = steps.find((s) => s.meta.kind === 'quiz')!;
const vignetteStep = steps.find((s) => s.meta.kind === 'vignette')!;

/** Every CSP violation the page reports, from the DOM event and from the console. */
async function watchViolations(page: Page): Promise<string[]> {
	const seen: string[] = [];
	await page.exposeFunction('reportCspViolation', (text: string) => seen.push(text));
	await page.addInitScript(() => {
		document.addEventListener('securitypolicyviolation', (e) => {
			const report = (window as unknown as { reportCspViolation(t: string): void })
				.reportCspViolation;
			report(`${e.violatedDirective} blocked ${e.blockedURI || 'inline'}: ${e.sample}`);
		});
	});
	page.on('console', (message) => {
		if (/Content Security Policy/i.test(message.text())) seen.push(message.text());
	});
	return seen;
}

/** Opens `path` and checks that its policy allows no inline styles. */
async function open(page: Page, path: string): Promise<void> {
	const response = await page.goto(path);
	expect(response?.status(), path).toBe(200);
	const csp = response!.headers()['content-security-policy'];
	expect(csp, path).toContain("style-src 'self'");
	expect(csp, path).not.toContain('unsafe-inline');
}

/** Opens `path`, waits until the app has hydrated (the route announcer exists) and checks. */
async function visit(page: Page, path: string, seen: string[]): Promise<void> {
	await open(page, path);
	const announcer = page.locator('#svelte-announcer');
	await expect(announcer).toHaveCount(1);
	// Its style attribute is allowed by hash: it stays a visually hidden 1 px box.
	expect(await announcer.evaluate((el) => getComputedStyle(el).position)).toBe('absolute');
	expect(await announcer.evaluate((el) => el.getBoundingClientRect().width)).toBeLessThanOrEqual(1);
	expect(
		await page.locator('body > .app-root').evaluate((el) => getComputedStyle(el).display)
	).toBe('contents');
	expect(seen, `CSP violations on ${path}`).toEqual([]);
}

/** Opens a page served without client JavaScript (`csr = false`): the same CSP, no script. */
async function visitWithoutScripts(page: Page, path: string, seen: string[]): Promise<void> {
	await open(page, path);
	await expect(page.locator('h1')).toHaveCount(1);
	await expect(page.locator('script')).toHaveCount(0);
	expect(seen, `CSP violations on ${path}`).toEqual([]);
}

test('the main pages of learners, managers and trainers show no CSP violation', async ({
	page
}) => {
	test.setTimeout(120_000);
	const seen = await watchViolations(page);
	await visit(page, '/', seen);

	await signIn(page, demo.teacher);
	await visitWithoutScripts(page, '/leren', seen);
	for (const path of [`/leren/${slug}`, `/leren/${slug}/${quizStep.slug}`]) {
		await visit(page, path, seen);
	}
	await visit(page, `/leren/${slug}/${vignetteStep.slug}`, seen);
	// A client-side navigation fills the announcer too.
	await page.locator('header a[href="/certificaten"]').click();
	await expect(page).toHaveURL(/\/certificaten$/);
	await expect(page.locator('#svelte-announcer')).not.toBeEmpty();
	await visit(page, '/certificaten', seen);
	const code = (await page.locator('.code').first().textContent())!.trim();
	await signOut(page);
	await visit(page, `/verifieer/${code.replaceAll('-', '').toLowerCase()}`, seen);

	await signIn(page, demo.manager);
	await visit(page, '/beheer', seen);
	await visit(page, '/beheer/deelnemers', seen);
	await signOut(page);

	await signIn(page, demo.trainer);
	await visit(page, '/auteur', seen);
	await page
		.getByRole('button', { name: 'Dupliceer Tienerpooiers: wat en hoe als concept' })
		.click();
	await expect(page).toHaveURL(/\/auteur\/concepten\/\d+$/);
	const editor = new URL(page.url()).pathname;
	await visit(page, editor, seen);
	await visit(page, `${editor}/voorbeeld`, seen);
	expect(seen).toEqual([]);
});
