// Issue 20 item 7: what a learner ticks before the page's scripts have started survives when
// they start (hydration), on a quiz step with radio buttons, classify rows and "mark" phrases.
import { expect, expectAccessible, signedInLearner, test } from './fixtures';
import { correctAnswer, moduleBySlug } from './course';

const slug = 'wat-en-hoe';

test('choices made before the scripts start are kept and count when the learner submits', async ({
	page
}) => {
	test.setTimeout(60_000);
	await signedInLearner(page, {
		name: 'Stijn Traag',
		emailPrefix: 'traag',
		password: 'een lange zin voor een trage pagina',
		audience: 'Leerkracht'
	});
	await page.goto(`/leren/${slug}`);
	await page.getByRole('button', { name: 'Start deze module' }).click();
	await page.waitForURL(new RegExp(`/leren/${slug}/.+`));
	const skip = page.getByRole('button', { name: 'Voortoets overslaan' });
	if (await skip.isVisible()) await skip.click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(
		moduleBySlug(slug).steps[0].meta.title
	);

	const step = moduleBySlug(slug).steps.find(
		(s) => s.quiz && s.quiz.items.some((i) => i.type === 'mark')
	)!;
	const items = step.quiz!.items.filter((i) => i.type !== 'multi' && i.type !== 'judge');
	expect(items.map((i) => i.type)).toEqual(expect.arrayContaining(['single', 'classify', 'mark']));

	// The scripts arrive late, as on a slow connection (the styles do not wait): at least 1.5 s, and not before the
	// learner has ticked everything (so the test does not depend on how fast it ticks).
	let ticked = () => {};
	const allTicked = new Promise<void>((resolve) => (ticked = resolve));
	const scripts = (url: URL) =>
		url.pathname.startsWith('/_app/immutable/') && url.pathname.endsWith('.js');
	await page.route(scripts, async (route) => {
		await Promise.all([allTicked, new Promise((resolve) => setTimeout(resolve, 1500))]);
		await route.continue();
	});
	await page.goto(`/leren/${slug}/${step.slug}`, { waitUntil: 'commit' });

	const markItem = items.find((i) => i.type === 'mark')!;
	const markForm = page.locator(`#vraag-${markItem.id} form`);
	// Not started yet: the phrases are still plain checkboxes.
	await expect(markForm.locator('input[type=checkbox]').first()).toBeVisible();
	expect(await markForm.locator('button[aria-pressed]').count()).toBe(0);

	for (const item of items) {
		const form = page.locator(`#vraag-${item.id} form`);
		const answer = correctAnswer(item);
		if (item.type === 'single') {
			for (const id of answer.selected)
				await form.locator(`input[type=radio][value="${id}"]`).check();
		} else if (item.type === 'mark') {
			for (const id of answer.selected)
				await form.locator(`input[type=checkbox][value="${id}"]`).check();
		} else if (item.type === 'classify') {
			for (const [statement, value] of Object.entries(answer.classified!))
				await form.locator(`input[name="classify-${statement}"][value="${value}"]`).check();
		}
	}

	ticked();
	// The scripts start: the phrases become toggle buttons, and nothing ticked is lost.
	await expect(markForm.locator('button[aria-pressed]').first()).toBeVisible({ timeout: 15_000 });
	await page.unroute(scripts);
	for (const item of items) {
		const form = page.locator(`#vraag-${item.id} form`);
		const answer = correctAnswer(item);
		if (item.type === 'single') {
			for (const id of answer.selected)
				await expect(form.locator(`input[name=choice][value="${id}"]`)).toBeChecked();
		} else if (item.type === 'classify') {
			for (const [statement, value] of Object.entries(answer.classified!))
				await expect(
					form.locator(`input[name="classify-${statement}"][value="${value}"]`)
				).toBeChecked();
		} else if (item.type === 'mark') {
			for (const phrase of item.phrases) {
				// The phrase alone is the name; the pressed state says whether it is marked.
				await expect(form.getByRole('button', { name: phrase.text, exact: true })).toHaveAttribute(
					'aria-pressed',
					String(answer.selected.includes(phrase.id))
				);
			}
		}
	}
	await expectAccessible(page);

	for (const item of items) {
		const section = page.locator(`#vraag-${item.id}`);
		await section.getByRole('button', { name: 'Antwoord bevestigen' }).click();
		await expect(section.locator('p.verdict')).toHaveText(/Juist$/);
		await expect(page.getByText('Kies eerst een antwoord.')).toHaveCount(0);
	}
});
