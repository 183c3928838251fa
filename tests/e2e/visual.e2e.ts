// Issue 20 item 8: visual comparisons of the learner dashboard, a case with messages and the
// signal timeline at phone, tablet and desktop widths, each page also checked with axe.
import type { Page } from '@playwright/test';
import { expect, expectAccessible, signedInLearner, test } from './fixtures';
import { moduleBySlug } from './course';

const slug = 'wat-en-hoe';
const widths = [320, 768, 1280] as const;
const shot = { animations: 'disabled', maxDiffPixelRatio: 0.02 } as const;

/** At 320 px nothing may reach past the right edge: the page never scrolls sideways. */
async function noSidewaysScroll(page: Page): Promise<void> {
	const { scrollWidth, viewport } = await page.evaluate(() => ({
		scrollWidth: document.documentElement.scrollWidth,
		viewport: window.innerWidth
	}));
	expect(scrollWidth, `${page.url()} scrolls sideways`).toBeLessThanOrEqual(viewport);
}

async function atEachWidth(page: Page, check: (width: number) => Promise<void>) {
	for (const width of widths) {
		await page.setViewportSize({ width, height: 900 });
		if (width === 320) await noSidewaysScroll(page);
		await check(width);
	}
}

test('the dashboard, a case with messages and its timeline look as intended at 320, 768 and 1280 px', async ({
	page
}) => {
	test.setTimeout(120_000);
	await signedInLearner(page, {
		name: 'Vera Visueel',
		emailPrefix: 'visueel',
		password: 'een lange zin voor de schermafdrukken',
		audience: 'Leerkracht'
	});

	await page.goto('/leren');
	await expect(page.getByText(/Zo werkt de kaart/)).toBeVisible();
	await atEachWidth(page, async (width) => {
		await expectAccessible(page);
		await expect(page).toHaveScreenshot(`leren-${width}.png`, { ...shot, fullPage: true });
	});

	await page.goto(`/leren/${slug}`);
	await page.getByRole('button', { name: 'Start deze module' }).click();
	await page.waitForURL(new RegExp(`/leren/${slug}/.+`));
	const skip = page.getByRole('button', { name: 'Voortoets overslaan' });
	if (await skip.isVisible()) await skip.click();

	const step = moduleBySlug(slug).steps.find((s) => s.vignette?.header?.name === 'Robbe')!;
	const start = step.vignette!.nodes[step.vignette!.start];
	const withMessages = start.choices.find((c) => step.vignette!.nodes[c.next]?.messages)!;
	await page.goto(`/leren/${slug}/${step.slug}`);
	const caseView = page.locator('#casus');
	await expect(caseView.getByText('Robbe', { exact: true })).toBeVisible();
	await caseView.getByRole('button', { name: withMessages.label }).click();

	const thread = caseView.getByRole('list', { name: 'Berichten op de gsm' });
	await expect(thread.getByRole('listitem')).toHaveCount(
		step.vignette!.nodes[withMessages.next].messages!.length
	);
	await atEachWidth(page, async (width) => {
		await expectAccessible(page);
		await expect(caseView).toHaveScreenshot(`casus-berichten-${width}.png`, shot);
	});

	// Through to an ending: here a weak choice (its signals passed by), then the first choice
	// each time. After the ending the case shows as a timeline.
	const timeline = page.getByRole('region', { name: 'De casus als tijdlijn' });
	for (let n = 0; n < 12 && !(await timeline.isVisible()); n++) {
		const node = await caseView.locator('input[name=node]').inputValue();
		const buttons = caseView.getByRole('group', { name: 'Wat doe je?' }).getByRole('button');
		await (n === 0 ? buttons.nth(1) : buttons.first()).click();
		await expect(caseView.locator(`input[name=node][value="${node}"]`)).toHaveCount(0);
	}
	await expect(timeline).toBeVisible();
	await expect(timeline.getByText(/^opgepakt/).first()).toBeVisible();
	await expect(timeline.getByText(/^voorbijgegaan/).first()).toBeVisible();
	// Each signal badge stays inside the timeline at every width (it wraps its words).
	await page.setViewportSize({ width: 320, height: 900 });
	const edge = (await timeline.boundingBox())!;
	for (const badge of await timeline.locator('.signal').all()) {
		const box = (await badge.boundingBox())!;
		expect(box.x + box.width).toBeLessThanOrEqual(edge.x + edge.width + 0.5);
	}
	await atEachWidth(page, async (width) => {
		await expectAccessible(page);
		await expect(timeline).toHaveScreenshot(`tijdlijn-${width}.png`, shot);
	});
});
