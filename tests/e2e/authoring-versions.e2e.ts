// Issue 7 "done when", end to end: Tom duplicates a shipped module, publishes it, a learner
// starts it; Tom changes a case, previews it and publishes again; the first learner keeps the
// version they started while a second learner gets the new one.
import type { Browser, Page } from '@playwright/test';
import { demo, expect, expectAccessible, signIn, test } from './fixtures';

const early = 'hanne.jacobs@sint-jans.demo.signaalwijs.be';
const late = 'emre.yilmaz@sint-jans.demo.signaalwijs.be';
const newText = 'Amira komt na de les naar je toe. Ze zegt zacht dat ze je iets moet vertellen.';

async function as(browser: Browser, email: string): Promise<Page> {
	const page = await (await browser.newContext()).newPage();
	await signIn(page, email);
	return page;
}

/** The first situation of the case as the learner sees it on the vignette step. */
async function caseOpening(page: Page, slug: string): Promise<string> {
	await page.goto(`/leren/${slug}/amira-in-gesprek`);
	return (await page.locator('.story').innerText()).trim();
}

test('a learner keeps the version they started while a new learner gets the newest', async ({
	browser
}) => {
	test.setTimeout(120_000);
	const tom = await as(browser, demo.trainer);
	await tom.goto('/auteur');
	await tom
		.getByRole('button', { name: 'Dupliceer Handelen: gesprek, overleg en melden als concept' })
		.click();
	await expect(tom).toHaveURL(/\/auteur\/concepten\/\d+$/);
	const editor = new URL(tom.url()).pathname;
	await tom.getByRole('button', { name: 'Publiceren' }).click();
	await expect(tom.getByText('Versie 1 gepubliceerd')).toBeVisible();
	const slug = (await tom.getByText(/Webnaam: /).innerText()).match(/Webnaam: ([a-z0-9-]+)/)![1];

	// Hanne starts version 1 and sees the case as it was.
	const hanne = await as(browser, early);
	await hanne.goto(`/leren/${slug}`);
	await hanne.getByRole('button', { name: 'Start deze module' }).click();
	const original = await caseOpening(hanne, slug);
	expect(original).not.toContain(newText);
	await expectAccessible(hanne);

	// Tom changes the case's first situation, previews it and publishes version 2.
	await tom.goto(`${editor}/stappen/2`);
	await tom
		.getByRole('group', { name: 'Situatie n1', exact: true })
		.getByLabel('Wat gebeurt er (tekst)')
		.fill(newText);
	await tom.getByRole('button', { name: 'Bewaren' }).click();
	await expect(tom.getByRole('status').filter({ hasText: /Bewaard om/ })).toBeVisible();
	await tom.goto(`${editor}/voorbeeld/amira-in-gesprek`);
	await expect(tom.getByText('Er wordt niets bewaard.')).toBeVisible();
	await expect(tom.locator('.story')).toContainText(newText);
	await expectAccessible(tom);
	await tom.goto(editor);
	await tom.getByRole('button', { name: 'Publiceren' }).click();
	await expect(tom.getByText('Versie 2 gepubliceerd')).toBeVisible();
	await tom.goto(`${editor}/geschiedenis`);
	const history = tom.getByRole('table', { name: /Gepubliceerde versies/ });
	await expect(history.getByRole('rowheader')).toHaveText(['versie 2', 'versie 1']);
	await expect(history).toContainText('casus: 1 situatie gewijzigd');

	// Hanne keeps version 1; Emre starts now and gets version 2.
	expect(await caseOpening(hanne, slug)).toBe(original);
	const emre = await as(browser, late);
	await emre.goto(`/leren/${slug}`);
	await emre.getByRole('button', { name: 'Start deze module' }).click();
	expect(await caseOpening(emre, slug)).toContain(newText);
	await expectAccessible(emre);
});
