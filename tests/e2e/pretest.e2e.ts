import type { Locator, Page } from '@playwright/test';
import { demo, expect, expectAccessible, signedInLearner, signIn, test } from './fixtures';
import { correctAnswer, itemById, moduleBySlug, wrongAnswer } from './course';
import { fingerprints, itemSecrets } from './secrets';
import { gradeItem } from '../../src/lib/server/learning/grading';
import type { Item } from '../../src/lib/content/schema';
import type { Answer } from '../../src/lib/content/views';

const slug = 'signalen-op-school';
const mod = moduleBySlug(slug);
const assessment = mod.steps.find((s) => s.meta.kind === 'assessment')!;
const poolSecrets = fingerprints(assessment.assessment!.pool.flatMap(itemSecrets));

/** Gives an answer with the mouse, whatever the item type. */
async function fillItem(form: Locator, item: Item, answer: Answer) {
	if (item.type === 'single' || item.type === 'multi') {
		for (const option of item.options) {
			const box = form.locator(`input[name=choice][value="${option.id}"]`);
			if (answer.selected.includes(option.id)) await box.check();
			else if (item.type === 'multi') await box.uncheck();
		}
	} else if (item.type === 'mark') {
		for (const phrase of item.phrases) {
			const button = form.getByRole('button', { name: phrase.text, exact: false });
			const pressed = (await button.getAttribute('aria-pressed')) === 'true';
			if (answer.selected.includes(phrase.id) !== pressed) await button.click();
		}
	} else if (item.type === 'classify') {
		for (const statement of item.statements) {
			await form
				.locator(
					`input[name="classify-${statement.id}"][value="${answer.classified![statement.id]}"]`
				)
				.check();
		}
	} else {
		await form.locator(`input[name=concern][value="${answer.selected[0]}"]`).check();
		await form.locator(`input[name=action][value="${answer.selected[1]}"]`).check();
	}
}

/** No feedback, correct flag or score of any pool item in the page or its data. */
async function expectNoAnswerKey(page: Page, url: string) {
	expect(poolSecrets.length).toBeGreaterThanOrEqual(14);
	for (const target of [url, `${url}/__data.json`]) {
		const body = await (await page.request.get(target)).text();
		for (const secret of poolSecrets) {
			const plain = secret
				.replace(/&amp;/g, '&')
				.replace(/&quot;/g, '"')
				.replace(/&lt;/g, '<');
			expect(body.includes(secret) || body.includes(plain), `${target}: ${plain}`).toBe(false);
		}
		expect(body).not.toMatch(/"correct"|\bcorrect:true/);
	}
}

/** The form fields a learner's browser would send for an answer. */
function fields(item: Item, answer: Answer): [string, string][] {
	if (item.type === 'classify') {
		return Object.entries(answer.classified!).map(([id, v]) => [`classify-${id}`, v]);
	}
	if (item.type === 'judge') {
		return [
			['concern', answer.selected[0]],
			['action', answer.selected[1]]
		];
	}
	return answer.selected.map((id) => ['choice', id]);
}

/** Works through every step with right answers through the real form actions (no browser UI). */
async function finishModule(page: Page, origin: string) {
	const post = async (url: string, form: [string, string][] = []) => {
		const response = await page.request.post(url, {
			data: new URLSearchParams(form).toString(),
			headers: {
				origin,
				'content-type': 'application/x-www-form-urlencoded',
				accept: 'text/html'
			},
			maxRedirects: 0
		});
		expect(response.status(), url).toBe(303);
	};
	for (const step of mod.steps) {
		const url = `/leren/${slug}/${step.slug}`;
		if (step.meta.kind === 'lesson') await post(`${url}?/complete`);
		if (step.quiz) {
			for (const item of step.quiz.items) {
				await post(`${url}?/answer`, [['itemId', item.id], ...fields(item, correctAnswer(item))]);
			}
		}
		if (step.vignette) {
			let node = step.vignette.start;
			while (node in step.vignette.nodes) {
				const choices = step.vignette.nodes[node].choices;
				const best = choices.reduce((a, c, i) => (c.score > choices[a].score ? i : a), 0);
				await post(`${url}?/choose`, [
					['node', node],
					['choice', String(best)]
				]);
				node = choices[best].next;
			}
		}
		if (step.assessment) {
			await post(`${url}?/start`);
			const html = await (await page.request.get(url)).text();
			const drawn = [...html.matchAll(/id="vraag-([a-z0-9-]+)"/g)]
				.map((m) => m[1])
				.filter((id) => !id.endsWith('-titel'));
			expect(drawn).toHaveLength(step.assessment.draw);
			for (const id of drawn) {
				const item = itemById(slug, id);
				await post(`${url}?/save`, [['itemId', id], ...fields(item, correctAnswer(item))]);
			}
			await post(`${url}?/submit`);
		}
	}
}

test('a learner takes the pre-test without seeing answers, finishes the module and sees the gain', async ({
	page,
	baseURL
}) => {
	test.setTimeout(180_000);
	await signedInLearner(page, {
		name: 'Vera Voortoets',
		emailPrefix: 'voortoets',
		// The password policy refuses a password holding a piece of the address (`voortoets`).
		password: 'een lange zin voor de eerste test',
		audience: 'Leerkracht'
	});

	await page.goto(`/leren/${slug}`);
	await expect(page.getByText(/begint met een korte voortoets van 4 vragen/)).toBeVisible();
	await expectAccessible(page);
	await page.getByRole('button', { name: 'Start deze module' }).click();

	const pretestUrl = `/leren/${slug}/voortoets`;
	await expect(page).toHaveURL(new RegExp(`${pretestUrl}$`));
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Voortoets');
	await expect(page.getByText(/De voortoets telt niet mee/)).toBeVisible();
	await expect(page.getByRole('button', { name: 'Voortoets overslaan' })).toBeVisible();
	await expectAccessible(page);
	// Leaving and coming back leads to the pre-test again, not past it.
	await page.goto(`/leren/${slug}`);
	await page.getByRole('link', { name: 'Naar de voortoets' }).click();
	await page.getByRole('button', { name: 'Begin de voortoets' }).click();

	await expect(page.getByRole('heading', { name: '0 van 4 vragen beantwoord' })).toBeVisible();
	await expectAccessible(page);
	const drawn = await page
		.locator('section.item')
		.evaluateAll((sections) => sections.map((s) => s.id.replace(/^vraag-/, '')));
	expect(drawn).toHaveLength(4);
	// The draw is stored: a reload shows the same items.
	await page.reload();
	expect(
		await page
			.locator('section.item')
			.evaluateAll((sections) => sections.map((s) => s.id.replace(/^vraag-/, '')))
	).toEqual(drawn);

	// Submitting too early gets a calm message; nothing is scored.
	await page.getByRole('button', { name: 'Voortoets indienen' }).click();
	await expect(page.getByRole('alert')).toContainText('nog 4 vragen zonder antwoord');
	await expectAccessible(page);

	// The first item right, the others wrong.
	let preScore = 0;
	for (const [i, id] of drawn.entries()) {
		const item = itemById(slug, id);
		const answer = i === 0 ? correctAnswer(item) : wrongAnswer(item);
		preScore += gradeItem(item, answer).result.score;
		const form = page.locator(`#vraag-${id} form`);
		await fillItem(form, item, answer);
		await form.getByRole('button', { name: 'Antwoord bewaren' }).click();
		await expect(page.locator(`#opgeslagen-${id}`)).toContainText('Bewaard');
	}
	await expect(page.getByRole('heading', { name: '4 van 4 vragen beantwoord' })).toBeVisible();
	// No verdict and no answer key, on the page or in its data.
	await expect(page.getByText(/^(Juist|Fout|Deels juist)/)).toHaveCount(0);
	await expectNoAnswerKey(page, pretestUrl);
	await expectAccessible(page);

	await page.getByRole('button', { name: 'Voortoets indienen' }).click();
	await expect(page.getByRole('heading', { name: 'Bedankt voor je antwoorden' })).toBeVisible();
	await expect(page.getByText(/Je score zie je na de eindtoets/)).toBeVisible();
	await expect(page.locator('#voortoets').getByText(/%/)).toHaveCount(0);
	await expectNoAnswerKey(page, pretestUrl);
	await expectAccessible(page);
	await page.getByRole('link', { name: 'Verder met de module' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(mod.steps[0].meta.title);

	await finishModule(page, baseURL!);

	const pre = Math.round((preScore / 4) * 100);
	const gain = 100 - pre;
	await page.goto(`/leren/${slug}/${assessment.slug}`);
	const result = page.getByRole('region', { name: 'Jouw leerwinst' });
	await expect(result).toContainText(new RegExp(`Voortoets\\s*${pre} %`));
	await expect(result).toContainText(/Eindtoets, eerste poging\s*100 %/);
	await expect(result).toContainText(new RegExp(`Leerwinst\\s*\\+${gain} procentpunten`));
	await expect(result).toContainText('Van wat je bij de voortoets nog niet wist, heb je 100 %');
	await expectAccessible(page);

	await page.goto(`/leren/${slug}`);
	await expect(page.getByRole('region', { name: 'Jouw leerwinst' })).toContainText(
		`+${gain} procentpunten`
	);
	await expectAccessible(page);
});

test('a learner may skip the pre-test and starts the module straight away', async ({
	page,
	baseURL
}) => {
	await signedInLearner(page, {
		name: 'Olaf Overslaan',
		emailPrefix: 'overslaan',
		password: 'een lange zin om over te slaan',
		audience: 'Hulpverlener'
	});

	const care = moduleBySlug('signalen-in-de-hulpverlening');
	await page.goto(`/leren/${care.slug}`);
	await page.getByRole('button', { name: 'Start deze module' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Voortoets');
	await page.getByRole('button', { name: 'Voortoets overslaan' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(care.steps[0].meta.title);
	await expectAccessible(page);

	await page.goto(`/leren/${care.slug}/voortoets`);
	await expect(page.getByRole('heading', { name: 'Voortoets overgeslagen' })).toBeVisible();
	await expectAccessible(page);

	// Forged or late answers are refused calmly and store nothing.
	const item = care.steps.find((s) => s.assessment)!.assessment!.pool[0];
	const forged: [[string, string][], number][] = [
		[[['itemId', item.id], ...fields(item, correctAnswer(item))], 409],
		[
			[
				['itemId', item.id],
				['itemId', item.id]
			],
			400
		]
	];
	for (const [form, status] of forged) {
		const response = await page.request.post(`/leren/${care.slug}/voortoets?/save`, {
			data: new URLSearchParams(form).toString(),
			headers: {
				origin: baseURL!,
				'content-type': 'application/x-www-form-urlencoded',
				accept: 'text/html'
			},
			maxRedirects: 0
		});
		expect(response.status()).toBe(status);
	}
	await page.goto(`/leren/${care.slug}`);
	await expect(page.getByRole('link', { name: 'Naar de voortoets' })).toHaveCount(0);
	await expect(page.getByRole('region', { name: 'Jouw leerwinst' })).toHaveCount(0);
});

test('the trainer sees the mean learning gain per module from the demo learners', async ({
	page
}) => {
	await signIn(page, demo.trainer);
	await page.goto(`/auteur/statistieken?module=${slug}`);
	const table = page.getByRole('table', { name: `Leerwinst voor ${mod.meta.title}` });
	const learners = table.getByRole('row', { name: /Lerenden met beide toetsen/ });
	expect(Number(await learners.getByRole('cell').innerText())).toBeGreaterThanOrEqual(3);
	await expect(table.getByRole('row', { name: /Gemiddelde leerwinst/ })).toContainText(
		/\+\d+(,\d)? procentpunten/
	);
	await expect(table.getByRole('row', { name: /Gemiddelde voortoets/ })).toContainText(/\d+\s?%/);
	await expectAccessible(page);

	await page.goto('/auteur/statistieken?module=wat-en-hoe');
	await expect(page.getByText('Deze module heeft geen voortoets.')).toBeVisible();
});
