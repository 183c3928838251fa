// Authored modules from the learner's side: the demo organisation module of Sint-Jansschool is
// seen and opened by its learners only, the trainer previews a draft without storing anything,
// and the admin marks a trainer as platform trainer.
import type { E2eServer } from '../support/e2e-server';
import { demo, expect, expectAccessible, signIn, test } from './fixtures';
import { correctAnswer, moduleBySlug } from './course';

const orgModule = { slug: 'signalen-op-sint-jans', title: 'Signalen herkennen op Sint-Jans' };

async function query<T>(server: E2eServer, sql: string, ...params: unknown[]): Promise<T> {
	return (await server.query<T>(sql, ...params)) as T;
}

// Rows a preview could have written for the trainer (the worker's other tests write their own
// learners' rows, so only Tom's are counted).
const stored = async (server: E2eServer) =>
	Number(
		(
			await query<{ n: number | string }>(
				server,
				`with mine as (select e.id from enrolment e join "user" u on u.id = e.user_id
			where u.email = ?)
		select (select count(*) from mine)
		+ (select count(*) from step_progress where enrolment_id in (select id from mine))
		+ (select count(*) from attempt where enrolment_id in (select id from mine))
		+ (select count(*) from response r join "user" u on u.id = r.user_id where u.email = ?)
		+ (select count(*) from signal_mastery m join "user" u on u.id = m.user_id where u.email = ?)
		as n`,
				demo.trainer,
				demo.trainer,
				demo.trainer
			)
		).n
	);

test('a learner of Sint-Jansschool sees and opens the organisation module', async ({ page }) => {
	await signIn(page, demo.teacher);
	await page.goto('/leren');
	await page.getByRole('link', { name: orgModule.title }).click();
	await expect(page).toHaveURL(new RegExp(`/leren/${orgModule.slug}$`));
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(orgModule.title);
	// The introduction is the trainer's Markdown, rendered on the server.
	await expect(page.locator('.prose p').first()).toContainText(
		'Op Sint-Jans is de zorgcoördinator je eerste aanspreekpunt'
	);
	await expectAccessible(page);

	const firstStep = moduleBySlug('signalen-op-school').steps[0];
	await page.getByRole('link', { name: firstStep.meta.title, exact: true }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(firstStep.meta.title);
	await expect(page.locator('.prose h2, .prose p').first()).toBeVisible();
	await expectAccessible(page);
});

test('a learner of Horizon gets a 404 on the organisation module', async ({ page }) => {
	await signIn(page, demo.caregiver);
	await page.goto('/leren');
	await expect(page.getByRole('link', { name: orgModule.title })).toHaveCount(0);
	const response = await page.goto(`/leren/${orgModule.slug}`);
	expect(response?.status()).toBe(404);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Pagina niet gevonden');
	await expectAccessible(page);
	const step = moduleBySlug('signalen-op-school').steps[0].slug;
	expect((await page.goto(`/leren/${orgModule.slug}/${step}`))?.status()).toBe(404);
});

test('the trainer previews a draft, answers a quiz item and a vignette choice, and nothing is stored', async ({
	page,
	browser,
	baseURL,
	e2eServer
}) => {
	const draft = await query<{ id: number }>(
		e2eServer,
		'select id from module_draft where published_hash is null order by id limit 1'
	);
	const shipped = moduleBySlug('handelen');
	const quizStep = shipped.steps.find((s) => s.quiz?.items.some((i) => i.type === 'single'))!;
	const item = quizStep.quiz!.items.find((i) => i.type === 'single')!;
	test.setTimeout(120_000);
	const before = await stored(e2eServer);

	await signIn(page, demo.trainer);
	await page.goto(`/auteur/concepten/${draft.id}/voorbeeld`);
	await expect(page.getByText('Voorbeeld: zo ziet een deelnemer deze module.')).toBeVisible();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(
		'Handelen op Sint-Jans (concept)'
	);
	await expectAccessible(page);

	await page.getByRole('link', { name: quizStep.meta.title, exact: true }).click();
	await expect(page).toHaveURL(new RegExp(`/voorbeeld/${quizStep.slug}$`));
	await expect(
		page.getByText('Voorbeeld: zo ziet een deelnemer deze stap. Er wordt niets bewaard.')
	).toBeVisible();
	await expectAccessible(page);

	const section = page.locator(`#vraag-${item.id}`);
	const right = correctAnswer(item).selected[0];
	await section.locator(`input[name=choice][value="${right}"]`).check();
	await section.getByRole('button', { name: 'Antwoord' }).click();
	await expect(page.locator(`#feedback-${item.id}`)).toContainText('Juist');
	await expectAccessible(page);

	// Without JavaScript: a vignette choice travels in the URL and shows its feedback.
	const vignetteStep = shipped.steps.find((s) => s.vignette)!;
	const v = vignetteStep.vignette!;
	const context = await browser.newContext({ baseURL, javaScriptEnabled: false });
	const plain = await context.newPage();
	await signIn(plain, demo.trainer);
	await plain.goto(`/auteur/concepten/${draft.id}/voorbeeld/${vignetteStep.slug}`);
	await plain.getByRole('button', { name: v.nodes[v.start].choices[0].label, exact: true }).click();
	await expect(plain).toHaveURL(/\?pad=0#casus$/);
	await expect(plain.getByText(v.nodes[v.start].choices[0].feedback)).toBeVisible();
	await context.close();
	// axe-core needs JavaScript: the same state, scanned in the first page.
	await page.goto(`/auteur/concepten/${draft.id}/voorbeeld/${vignetteStep.slug}?pad=0`);
	await expect(page.getByText(v.nodes[v.start].choices[0].feedback)).toBeVisible();
	await expectAccessible(page);

	expect(await stored(e2eServer)).toBe(before);
});

test('the admin marks the demo trainer as platform trainer and back', async ({
	page,
	e2eServer
}) => {
	const tom = await query<{ id: number }>(
		e2eServer,
		'select id from "user" where email = ?',
		demo.trainer
	);
	await signIn(page, demo.admin);
	await page.goto(`/admin/accounts/${tom.id}`);
	const details = page.locator('dl');
	await expect(details).toContainText('Platformtrainer');
	await expect(details).toContainText('nee');
	await page.getByRole('button', { name: 'Maak platformtrainer' }).click();
	await expect(page.getByRole('status')).toHaveText('Opgeslagen.');
	await expect(details).toContainText('mag modules voor alle organisaties publiceren');
	await expectAccessible(page);
	await page.getByRole('button', { name: 'Trek platformtrainer in' }).click();
	await expect(page.getByRole('button', { name: 'Maak platformtrainer' })).toBeVisible();
	await expect(details).not.toContainText('mag modules voor alle organisaties publiceren');
});

test('the manager of Sint-Jansschool can assign the organisation module; Horizon’s manager cannot see it', async ({
	page
}) => {
	await signIn(page, demo.manager);
	await page.goto('/beheer/opdrachten');
	const option = page
		.getByLabel('Module', { exact: true })
		.locator(`option[value="${orgModule.slug}"]`);
	await expect(option).toHaveText(orgModule.title);
	await page.goto(`/beheer/deelnemers?module=${orgModule.slug}&status=in_progress`);
	await expect(page.getByRole('link', { name: 'Anouk Vermeulen' })).toBeVisible();
	await expectAccessible(page);
	await page.getByRole('button', { name: 'Afmelden' }).click();

	await signIn(page, demo.horizonManager);
	await page.goto('/beheer/opdrachten');
	await expect(page.locator(`option[value="${orgModule.slug}"]`)).toHaveCount(0);
	await page.goto('/beheer/deelnemers');
	await expect(page.getByText(orgModule.title)).toHaveCount(0);
	await expectAccessible(page);
});
