// Item statistics for trainers: real figures from the demo learners' responses, aggregates only,
// and refused to learners and managers.
import { demo, expect, expectAccessible, signIn, test } from './fixtures';

test('the trainer sees item statistics with real figures from the demo responses', async ({
	page
}) => {
	// Three axe scans of pages with a table per module (six modules, 137 items): on a busy
	// 2-core machine each scan alone can take 15 s.
	test.setTimeout(120_000);
	await signIn(page, demo.trainer);
	await page.getByRole('link', { name: 'Itemstatistieken' }).click();
	await expect(page).toHaveURL(/\/auteur\/statistieken$/);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Itemstatistieken');
	await expectAccessible(page);

	const table = page.getByRole('table', { name: /Itemstatistieken voor/ }).first();
	await expect(table).toBeVisible();
	for (const heading of [
		'Antwoorden',
		'Facility-index',
		'Standaardafwijking',
		'Discriminatie-index',
		'Discriminerende efficiëntie'
	]) {
		await expect(table.getByRole('columnheader', { name: heading, exact: true })).toBeVisible();
	}
	// The demo learners answered: some item has more than one response and a percentage figure.
	const counts = await table.locator('tbody tr td:nth-child(2)').allTextContents();
	expect(Math.max(...counts.map(Number))).toBeGreaterThan(1);
	await expect(
		table
			.locator('tbody td')
			.filter({ hasText: /^\d+\s?%$/ })
			.first()
	).toBeVisible();
	// Never a learner's name or e-mail address on this page (demo learners from the seed).
	const text = await page.locator('main').innerText();
	for (const name of [
		'Lotte Janssens',
		'Yasmine El Amrani',
		'Bram Claeys',
		'@demo.signaalwijs.be'
	]) {
		expect(text).not.toContain(name);
	}

	// The school's own module, taken by two of its learners: no figures below five learners.
	const small = page.getByRole('region', { name: 'Signalen herkennen op Sint-Jans' });
	await expect(small.getByRole('table')).toHaveCount(0);
	await expect(small.getByText(/^Te weinig deelnemers om cijfers te tonen/).first()).toBeVisible();

	// One module via the filter form (works without JavaScript: a plain GET form).
	await page.getByLabel('Module').selectOption({ index: 1 });
	await page.getByRole('button', { name: 'Tonen' }).click();
	await expect(page).toHaveURL(/\?module=wat-en-hoe$/);
	await expect(page.getByRole('table')).toHaveCount(1);
	await expect(page.getByRole('main').getByRole('heading', { level: 2 })).toHaveText([
		'Tienerpooiers: wat en hoe'
	]);
	await expectAccessible(page);

	const unknown = await page.goto('/auteur/statistieken?module=bestaat-niet');
	expect(unknown?.status()).toBe(400);
	await expect(page.getByText('Deze module bestaat niet.')).toBeVisible();
	await expectAccessible(page);
});

for (const email of [demo.teacher, demo.manager]) {
	test(`${email} is refused the item statistics`, async ({ page }) => {
		await signIn(page, email);
		for (const path of ['/auteur/statistieken', '/auteur/statistieken?module=wat-en-hoe']) {
			const response = await page.goto(path);
			expect(response?.status(), path).toBe(403);
			await expect(page.getByRole('heading', { level: 1 })).toHaveText('Geen toegang');
		}
		const data = await page.request.get('/auteur/statistieken/__data.json');
		expect(data.status()).toBe(403);
		await expectAccessible(page);
	});
}
