import type { Locator, Page } from '@playwright/test';
import { demo, expect, expectAccessible, registerLearner, signIn, signOut, test } from './fixtures';
import { moduleProgress, type E2eServer } from '../support/e2e-server';
import { activate, chooseRadio, tabTo } from './keyboard';
import { correctAnswer, course, itemById, moduleBySlug, wrongAnswer } from './course';
import type { Answer } from '../../src/lib/content/views';

/** Gives an answer with the keyboard only, whatever the item type. */
async function answerWithKeyboard(page: Page, slug: string, itemId: string, answer: Answer) {
	const item = itemById(slug, itemId);
	const form = page.locator(`#vraag-${itemId} form`).first();
	if (item.type === 'single') {
		await chooseRadio(page, form, 'choice', answer.selected[0]);
	} else if (item.type === 'multi') {
		for (const option of item.options) {
			const box = form.locator(`input[name=choice][value="${option.id}"]`);
			if (answer.selected.includes(option.id) !== (await box.isChecked())) {
				await tabTo(page, box);
				await page.keyboard.press('Space');
			}
		}
	} else if (item.type === 'mark') {
		for (const phrase of item.phrases) {
			const button = form.getByRole('button', { name: phrase.text, exact: false });
			const pressed = (await button.getAttribute('aria-pressed')) === 'true';
			if (answer.selected.includes(phrase.id) !== pressed) {
				await tabTo(page, button);
				await page.keyboard.press('Space');
				await expect(button).toHaveAttribute('aria-pressed', String(!pressed));
			}
		}
	} else if (item.type === 'classify') {
		for (const statement of item.statements) {
			await chooseRadio(page, form, `classify-${statement.id}`, answer.classified![statement.id]);
		}
	} else {
		await chooseRadio(page, form, 'concern', answer.selected[0]);
		await chooseRadio(page, form, 'action', answer.selected[1]);
	}
	return form;
}

async function submitItem(page: Page, form: Locator, name: string) {
	await activate(page, form.getByRole('button', { name }));
}

const slug = 'wat-en-hoe';
const mod = moduleBySlug(slug);
const assessmentStep = mod.steps.find((s) => s.meta.kind === 'assessment')!;

type Step = (typeof mod.steps)[number];

async function expectStepPage(page: Page, step: Step) {
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(step.meta.title);
	await expect(page.getByText(`Stap ${step.order} van ${mod.steps.length}`)).toBeVisible();
	await expect(page.getByRole('contentinfo').getByRole('link', { name: '116 000' })).toBeVisible();
	await expectAccessible(page);
}

/**
 * Works through `steps` (consecutive, the page of the first one open) by keyboard only: a lesson
 * is marked read, a vignette is played along its best choices and reloaded after the second one
 * (the learner resumes where she was), the first quiz item is answered wrong once, then practised
 * again and answered right. Stops on the page after the last step.
 */
async function walkByKeyboard(page: Page, steps: Step[]) {
	let reloadedInVignette = false;
	let answeredWrongOnce = false;
	for (const step of steps) {
		await expectStepPage(page, step);

		if (step.meta.kind === 'lesson') {
			await activate(page, page.getByRole('button', { name: /^Gelezen/ }));
			continue;
		}

		if (step.meta.kind === 'vignette') {
			const vignette = step.vignette!;
			let choices = 0;
			const currentNode = () =>
				page.evaluate(
					() =>
						(document.querySelector('input[name=node]') as HTMLInputElement | null)?.value ?? null
				);
			let nodeId = await currentNode();
			while (nodeId) {
				const node = vignette.nodes[nodeId];
				const best = node.choices.reduce((a, b) => (b.score > a.score ? b : a));
				await activate(page, page.getByRole('button', { name: best.label }));
				choices += 1;
				const before = nodeId;
				await expect.poll(currentNode).not.toBe(before);
				nodeId = await currentNode();
				await expect(page.locator('#casus')).toBeFocused();
				if (!reloadedInVignette && choices === 2 && nodeId) {
					await expect(
						page.getByRole('heading', { name: 'Jouw keuze en de uitleg' })
					).toBeVisible();
					await expectAccessible(page);
					await page.reload();
					expect(await currentNode()).toBe(nodeId);
					reloadedInVignette = true;
				}
			}
			await expect(page.getByRole('heading', { name: /^Einde van de casus/ })).toBeVisible();
			await expect(page.getByRole('heading', { name: 'De keuzes die je maakte' })).toBeVisible();
			await expectAccessible(page);
		}

		if (step.meta.kind === 'quiz') {
			for (const item of step.quiz!.items) {
				if (!answeredWrongOnce) {
					const form = await answerWithKeyboard(page, slug, item.id, wrongAnswer(item));
					await submitItem(page, form, 'Antwoord bevestigen');
					const feedback = page.locator(`#feedback-${item.id}`);
					await expect(feedback).toContainText('Niet juist');
					await expect(feedback).toBeFocused();
					await expectAccessible(page);
					await activate(
						page,
						page.locator(`#vraag-${item.id}`).getByRole('link', { name: /Nog eens oefenen/ })
					);
					// The link navigates in the browser: answer once the item's form is back.
					await expect(
						page.locator(`#vraag-${item.id}`).getByRole('button', { name: 'Antwoord bevestigen' })
					).toBeVisible();
					answeredWrongOnce = true;
				}
				const form = await answerWithKeyboard(page, slug, item.id, correctAnswer(item));
				await submitItem(page, form, 'Antwoord bevestigen');
				await expect(page.locator(`#feedback-${item.id}`)).toContainText('Juist');
			}
			await expectAccessible(page);
		}
		await activate(page, page.getByRole('link', { name: /^Volgende stap/ }));
	}
	return { reloadedInVignette, answeredWrongOnce };
}

/** The dashboard counts `done` steps of module 1 as finished, the module still in progress. */
async function expectStepsDone(page: Page, done: number) {
	await page.goto('/leren');
	const busy = page.getByRole('region', { name: 'Bezig' });
	await expect(busy).toContainText(mod.meta.title);
	await expect(busy.getByText(`${done} van ${mod.steps.length} stappen klaar`)).toBeVisible();
}

// The keyboard walk through module 1 is four tests, each short enough for the two-core machine:
// the first four steps from the dashboard, the next three, the two before the final assessment,
// and the assessment (failed, then passed). The later three start with a learner of the test's
// own whom the real progress functions brought to that point (tests/support/module-progress.ts).
const firstPart = 4;
const secondPart = 7;

/** What `walkByKeyboard` reports for `steps`: a case resumed after a reload, a quiz item retried. */
const walkOf = (steps: Step[]) => ({
	reloadedInVignette: steps.some((s) => s.meta.kind === 'vignette'),
	answeredWrongOnce: steps.some((s) => s.meta.kind === 'quiz')
});

test('a teacher starts module 1 by keyboard only, reads, practises and resumes a vignette after a reload', async ({
	page
}) => {
	// 66-102 s in CI on the 2-core machine (every step by keyboard, each with an axe scan).
	test.setTimeout(240_000);
	await signIn(page, demo.newTeacher);
	await page.goto('/leren');
	await expectAccessible(page);
	await activate(page, page.getByRole('link', { name: mod.meta.title }).first());
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(mod.meta.title);
	await expectAccessible(page);
	await activate(page, page.getByRole('button', { name: 'Start deze module' }));

	const walked = await walkByKeyboard(page, mod.steps.slice(0, firstPart));
	expect(walked).toEqual({ reloadedInVignette: true, answeredWrongOnce: true });
	await expectStepPage(page, mod.steps[firstPart]);
	await expectStepsDone(page, firstPart);
});

/**
 * A learner of the test's own, brought to `from` steps done by the real progress functions,
 * resumes module 1 from the dashboard and walks the steps up to `to` by keyboard only.
 */
async function resumeAndWalk(
	page: Page,
	e2eServer: E2eServer,
	learnerName: string,
	emailPrefix: string,
	from: number,
	to: number
) {
	const learner = await registerLearner(page, { name: learnerName, emailPrefix });
	await moduleProgress(e2eServer, learner.email, from);
	await signIn(page, learner.email, learner.password);
	const busy = page.getByRole('region', { name: 'Bezig' });
	await activate(page, busy.getByRole('link', { name: /Verder gaan/ }));
	const steps = mod.steps.slice(from, to);
	expect(await walkByKeyboard(page, steps)).toEqual(walkOf(steps));
}

// Steps 5-9 were one test that took 78-126 s in CI on the 2-core machine (three cases, a lesson
// and a quiz, each step with an axe scan); as two tests, each walks half of them (38-60 s).
test('a teacher resumes module 1 from the dashboard and works through the next steps by keyboard only', async ({
	page,
	e2eServer
}) => {
	test.setTimeout(180_000);
	await resumeAndWalk(page, e2eServer, 'Ilse Wouters', 'verder', firstPart, secondPart);
	await expectStepPage(page, mod.steps[secondPart]);
	await expectStepsDone(page, secondPart);
});

test('a teacher resumes module 1 from the dashboard and works up to its final assessment by keyboard only', async ({
	page,
	e2eServer
}) => {
	test.setTimeout(180_000);
	const assessmentAt = mod.steps.indexOf(assessmentStep);
	await resumeAndWalk(page, e2eServer, 'Eva Claes', 'verder-eind', secondPart, assessmentAt);
	await expectStepPage(page, assessmentStep);
	await expect(page.getByRole('button', { name: 'Start de eindtoets' })).toBeVisible();
	await expectStepsDone(page, assessmentAt);
});

test('a teacher fails the final assessment, tries again and passes by keyboard only, and holds the certificate', async ({
	page,
	e2eServer
}) => {
	// Up to 72 s in CI on the 2-core machine (two final assessments by keyboard only).
	test.setTimeout(180_000);
	const learner = await registerLearner(page, { name: 'Joke Peeters', emailPrefix: 'eindtoets' });
	await moduleProgress(e2eServer, learner.email, mod.steps.indexOf(assessmentStep));
	await signIn(page, learner.email, learner.password);
	await page.goto(`/leren/${slug}/${assessmentStep.slug}`);
	await expectStepPage(page, assessmentStep);

	for (const attemptNo of [1, 2]) {
		await activate(
			page,
			page.getByRole('button', {
				name: attemptNo === 1 ? 'Start de eindtoets' : 'Opnieuw proberen'
			})
		);
		await expect(page.locator('section.item')).toHaveCount(assessmentStep.assessment!.draw);
		const ids = await page
			.locator('section.item')
			.evaluateAll((els) => els.map((e) => e.id.replace('vraag-', '')));
		expect(ids).toHaveLength(assessmentStep.assessment!.draw);
		for (const id of ids) {
			const item = itemById(slug, id);
			const form = await answerWithKeyboard(
				page,
				slug,
				id,
				attemptNo === 1 ? wrongAnswer(item) : correctAnswer(item)
			);
			await submitItem(page, form, 'Antwoord opslaan');
			await expect(page.locator(`#opgeslagen-${id}`)).toContainText('Antwoord opgeslagen');
		}
		await expectAccessible(page);
		await activate(page, page.getByRole('button', { name: 'Eindtoets indienen' }));
		await expect(page.getByRole('heading', { name: 'Resultaat van je eindtoets' })).toBeVisible();
		await expect(page.locator('#resultaat')).toContainText(
			attemptNo === 1 ? 'Nog niet geslaagd' : 'Geslaagd'
		);
		await expectAccessible(page);
	}

	await page.goto('/leren');
	await expect(page.getByRole('region', { name: 'Afgerond' })).toContainText(mod.meta.title);
	await expect(page.getByRole('region', { name: 'Mijn certificaten' })).toContainText(
		`${mod.meta.title}: Geldig`
	);
	await expectAccessible(page);
});

test('the dashboard shows the same signal map when the browser renders it after a click', async ({
	page
}) => {
	// /leren has no client JavaScript: the server renders it. From a page with scripts the router
	// renders it in the browser, from the learner's counts and the signal list in the page's code.
	await signIn(page, demo.teacher);
	const map = page.getByRole('region', { name: 'Mijn signalenkaart' });
	const served = await map.innerText();
	expect(served).toContain('Sterk');
	await page.goto('/certificaten');
	await expect(page.locator('#svelte-announcer')).toHaveCount(1);
	await page.locator('header a[href="/leren"]').click();
	await expect(page).toHaveURL(/\/leren$/);
	await expect(page.locator('#svelte-announcer')).not.toBeEmpty();
	await expect(map).toHaveText(served, { useInnerText: true });
	await expect(map.locator('li')).toHaveCount(course.signals.length);
});

test('a lesson step shows the same prose when the browser renders it after a click', async ({
	page
}) => {
	// The server prints a lesson's prose from the HTML it rendered once; after a click on a page
	// with scripts the router renders the lesson's own component in the browser.
	await signIn(page, demo.teacher);
	const lesson = '/leren/wat-en-hoe/online-jongens-en-aanpak';
	await page.goto(lesson);
	const main = page.locator('main');
	await expect(
		main.getByRole('heading', { level: 2, name: 'Online: grooming en sextortion' })
	).toBeVisible();
	const served = await main.innerText();
	// The lesson components' styles are linked: the help line box has its border.
	const helpLine = main.getByRole('complementary', { name: 'Hulplijn Child Focus' });
	await expect(helpLine).toHaveCSS('border-left-width', '2px');

	await page.goto('/leren/wat-en-hoe/vignette-de-nieuwe-vriendin');
	await expect(page.locator('#svelte-announcer')).toHaveCount(1);
	await page.getByRole('link', { name: /^Volgende stap/ }).click();
	await expect(page).toHaveURL(lesson);
	await expect(page.locator('#svelte-announcer')).not.toBeEmpty();
	await expect(main).toHaveText(served, { useInnerText: true });
	await expect(helpLine).toHaveCSS('border-left-width', '2px');
});

test('the dashboard shows assignments with due dates, progress, certificates and the signal map', async ({
	page
}) => {
	await signIn(page, demo.teacher);
	const assigned = page.getByRole('region', { name: 'Opgedragen door je organisatie' });
	await expect(assigned).toContainText('Signalen herkennen op school');
	await expect(assigned).toContainText(/Af te ronden tegen \d+ \w+ \d{4}/);
	const busy = page.getByRole('region', { name: 'Bezig' });
	await expect(busy.getByRole('progressbar')).toHaveAttribute('value', '4');
	await expect(busy.getByText('4 van 9 stappen klaar')).toBeVisible();
	await expect(page.getByRole('region', { name: 'Mijn certificaten' })).toContainText(
		'Tienerpooiers: wat en hoe: Geldig'
	);
	const map = page.getByRole('region', { name: 'Mijn signalenkaart' });
	await expect(map.getByText('Sterk').first()).toBeVisible();
	await expectAccessible(page);

	// Resume opens the step after the last one Lotte finished.
	await busy.getByRole('link', { name: /Verder gaan/ }).click();
	await expect(page.getByText(/Stap 5 van 9/)).toBeVisible();
	await signOut(page);

	// Sam's certificate expires within 30 days: the refresher is open and says until when.
	await signIn(page, demo.caregiver);
	await expect(page.getByRole('region', { name: /Opfrissing nodig vóór/ })).toBeVisible();
	await page.getByRole('link', { name: 'Start de opfrissing' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Opfrissing');
	await expect(page.getByRole('button', { name: 'Start deze module' })).toBeVisible();
	await expectAccessible(page);
	await signOut(page);

	// Nina has not started the module her school assigned: it is listed once, as an assignment,
	// and not a second time among the suggestions (which still hold the modules she may choose).
	await signIn(page, demo.newTeacher);
	await expect(assigned).toContainText('Signalen herkennen op school');
	const suggested = page.getByRole('region', { name: 'Aanbevolen voor jou' });
	await expect(suggested.getByRole('link').first()).toBeVisible();
	await expect(
		suggested.getByRole('link', { name: 'Signalen herkennen op school', exact: true })
	).toHaveCount(0);
});
