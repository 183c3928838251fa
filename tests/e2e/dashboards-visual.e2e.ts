// Issue 20 items 5, 6 and 8: the manager dashboard, the item statistics and the case map at phone,
// tablet and desktop widths, as visual comparisons with a tolerance, axe-clean, and never
// scrolling sideways at 320 pixels.
import { expect, type Page } from '@playwright/test';
import { demo, expectAccessible, signIn, signOut, test } from './fixtures';

const widths = [320, 768, 1280] as const;

async function noSidewaysScroll(page: Page): Promise<void> {
	const { scrollWidth, viewport, widest } = await page.evaluate(() => {
		const viewport = window.innerWidth;
		const scrollWidth = document.documentElement.scrollWidth;
		// Only when it fails: the elements that reach past the right edge, named in the message.
		const widest =
			scrollWidth <= viewport
				? []
				: [...document.body.querySelectorAll('*')]
						.filter((el) => el.getBoundingClientRect().right > viewport + 0.5)
						.slice(0, 5)
						.map((el) => `${el.tagName.toLowerCase()}.${el.className}`);
		return { scrollWidth, viewport, widest };
	});
	expect(scrollWidth, `${page.url()} scrolls sideways: ${widest.join(', ')}`).toBeLessThanOrEqual(
		viewport
	);
}

/**
 * `fullPage: false` compares the first screen only (a long table whose rows grow with use).
 * `mask` hides what depends on today's date or on which tests ran first in this worker (the
 * twelve months a chart shows, counts), so the comparison is about the layout.
 */
async function check(
	page: Page,
	name: string,
	width: number,
	{ fullPage = true, mask = [] as string[] } = {}
): Promise<void> {
	await page.setViewportSize({ width, height: 900 });
	await expectAccessible(page);
	if (width === 320) await noSidewaysScroll(page);
	await expect(page).toHaveScreenshot(`${name}-${width}.png`, {
		fullPage,
		animations: 'disabled',
		maxDiffPixelRatio: 0.02,
		mask: mask.map((selector) => page.locator(selector))
	});
}

test('the case map shows the case, links its boxes to their forms and marks dead ends', async ({
	page
}) => {
	test.setTimeout(120_000);
	await signIn(page, demo.trainer);
	await page.goto('/auteur');
	await page
		.getByRole('button', { name: 'Dupliceer Tienerpooiers: wat en hoe als concept' })
		.click();
	await expect(page).toHaveURL(/\/auteur\/concepten\/\d+$/);
	await page.goto(`${new URL(page.url()).pathname}/stappen/4`);
	const map = page.locator('figure.case-map svg');
	await expect(map).toBeVisible();
	await expect(map.locator('a[href="#veld-vignette.nodes.0"]')).toHaveCount(1);
	expect(await map.locator('path.arrow').count()).toBeGreaterThan(2);
	for (const width of widths) await check(page, 'casuskaart', width);
});

test('the manager dashboard and the item statistics use the screen from 320 to 1280 px', async ({
	page
}) => {
	test.setTimeout(120_000);
	await signIn(page, demo.manager);
	await page.goto('/beheer');
	await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
	// Every chart keeps its figures in a table.
	const charts = page.locator('figure.chart');
	expect(await charts.count()).toBeGreaterThan(0);
	for (const chart of await charts.all()) await expect(chart.locator('table')).toHaveCount(1);
	for (const width of widths)
		await check(page, 'beheer', width, { mask: ['.tile .figure', 'figure.chart svg'] });
	// At 1280 the charts stand side by side rather than in one narrow column.
	const boxes = await Promise.all((await charts.all()).map((c) => c.boundingBox()));
	expect(new Set(boxes.map((b) => Math.round(b!.x))).size).toBeGreaterThan(1);
	const tiles = await page.locator('.tiles').first().boundingBox();
	expect(tiles!.width).toBeGreaterThan(1000);

	await signOut(page);
	await signIn(page, demo.trainer);
	await page.goto('/auteur/statistieken?module=wat-en-hoe');
	await expect(page.getByRole('heading', { level: 1, name: 'Itemstatistieken' })).toBeVisible();
	// The chosen answers sit in a row of their own, so the figures keep the page's width.
	await expect(page.getByText('Gekozen antwoorden').first()).toBeVisible();
	for (const width of widths)
		await check(page, 'statistieken', width, { fullPage: false, mask: ['td'] });
});
