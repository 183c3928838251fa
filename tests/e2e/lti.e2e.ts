// LTI 1.3 journeys against a test LMS (tests/support/lti-platform.ts) that follows the 1EdTech
// specifications: an admin registers it, a teacher deep-links module 1 into a course, a learner
// launches it, passes the final assessment and the LMS receives the score; refusals get a
// Dutch page and no session; inside a frame the tool offers a new window.
import type { Browser, Locator, Page } from '@playwright/test';
import { startLtiPlatform, type LtiPlatform, type Tamper } from '../support/lti-platform';
import { demo, expect, expectAccessible, signIn, test } from './fixtures';
import { correctAnswer, itemById, moduleBySlug } from './course';
import type { Answer } from '../../src/lib/content/views';

const slug = 'wat-en-hoe';
const instructor = 'http://purl.imsglobal.org/vocab/lis/v2/membership#Instructor';
const learnerRole = 'http://purl.imsglobal.org/vocab/lis/v2/membership#Learner';

let platform: LtiPlatform;

test.describe.configure({ mode: 'serial' });

test.beforeAll(async ({ e2eServer }) => {
	platform = await startLtiPlatform({
		toolOrigin: e2eServer.origin,
		users: {
			teacher: {
				sub: 'teacher-7',
				name: 'Mevrouw De Smet',
				email: 'desmet@school.example',
				roles: [instructor]
			},
			learner: {
				sub: 'learner-42',
				name: 'Ruben Claes',
				email: `ruben-${Date.now()}@school.example`,
				roles: [learnerRole]
			},
			other: { sub: 'learner-43', name: 'Noor Willems', roles: [learnerRole] }
		}
	});
});

test.afterAll(async () => {
	await platform?.close();
});

async function noSession(page: Page): Promise<void> {
	const response = await page.request.get('/leren', { maxRedirects: 0 });
	expect(response.status()).toBe(303);
	expect(response.headers()['location']).toMatch(/^\/aanmelden/);
}

test('an admin registers the LMS and sees the values to copy', async ({ page, baseURL }) => {
	await signIn(page, demo.admin);
	await page.goto('/admin/lti');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('LMS-koppelingen (LTI 1.3)');
	const values = page.locator('.tool-values');
	await expect(values).toContainText(`${baseURL}/lti/login`);
	await expect(values).toContainText(`${baseURL}/lti/launch`);
	await expect(values).toContainText(`${baseURL}/lti/jwks.json`);
	const kid = await page.request.get('/lti/jwks.json').then((r) => r.json());
	await expect(values).toContainText(kid.keys[0].kid);
	await expectAccessible(page);

	await page.getByLabel('Organisatie').selectOption({ label: 'Sint-Jansschool (demo)' });
	await page.getByLabel('Naam van de koppeling').fill('Moodle Sint-Jans');
	await page.getByLabel('Platform-ID (issuer)').fill(platform.issuer);
	await page.getByLabel('Client-ID').fill(platform.clientId);
	await page.getByLabel('Deployment-ID’s (één per regel)').fill(platform.deploymentId);
	await page.getByLabel('Authenticatie-URL van het platform').fill(platform.authUrl);
	await page.getByLabel('Token-URL van het platform').fill(platform.tokenUrl);
	await page.getByLabel('Sleutelset-URL van het platform').fill(platform.jwksUrl);
	await page.getByRole('button', { name: 'Leeromgeving registreren' }).click();
	await expect(page.getByRole('status')).toHaveText('Moodle Sint-Jans is geregistreerd.');
	await expect(page.getByRole('table').first()).toContainText(platform.issuer);
	await expectAccessible(page);
});

test('a teacher deep-links module 1 into a course', async ({ page }) => {
	await page.goto(platform.launchUrl({ user: 'teacher', deepLinking: true }));
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(
		'Kies een module voor je cursus'
	);
	await expectAccessible(page);
	await page.getByLabel(moduleBySlug(slug).meta.title, { exact: true }).check();
	await page.getByRole('button', { name: 'Toevoegen aan mijn cursus' }).click();
	// The tool's page posts the signed answer back; the LMS verified it against the tool's keys.
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Inhoud toegevoegd');
	expect(platform.links).toEqual([
		expect.objectContaining({
			title: moduleBySlug(slug).meta.title,
			url: expect.stringMatching(/\/leren\/wat-en-hoe$/),
			lineItemId: 'li-1'
		})
	]);
	// Deep linking signs nobody in.
	await noSession(page);
});

/** Gives the right answer to an item with the mouse. */
async function answer(page: Page, form: Locator, itemId: string, given: Answer): Promise<void> {
	const item = itemById(slug, itemId);
	const radio = (name: string, value: string) =>
		form.locator(`input[type=radio][name="${name}"][value="${value}"]`).check();
	if (item.type === 'single') {
		await radio('choice', given.selected[0]);
	} else if (item.type === 'multi') {
		for (const option of item.options) {
			await form
				.locator(`input[name=choice][value="${option.id}"]`)
				.setChecked(given.selected.includes(option.id));
		}
	} else if (item.type === 'mark') {
		for (const phrase of item.phrases) {
			const button = form.getByRole('button', { name: phrase.text, exact: false });
			const pressed = (await button.getAttribute('aria-pressed')) === 'true';
			if (given.selected.includes(phrase.id) !== pressed) {
				await button.click();
				await expect(button).toHaveAttribute('aria-pressed', String(!pressed));
			}
		}
	} else if (item.type === 'classify') {
		for (const statement of item.statements) {
			await radio(`classify-${statement.id}`, given.classified![statement.id]);
		}
	} else {
		await radio('concern', given.selected[0]);
		await radio('action', given.selected[1]);
	}
}

/** Works through module 1 and passes its final assessment. */
async function passModule(page: Page): Promise<void> {
	const mod = moduleBySlug(slug);
	await page.getByRole('button', { name: 'Start deze module' }).click();
	for (const step of mod.steps) {
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(step.meta.title);
		if (step.meta.kind === 'lesson') {
			await page.getByRole('button', { name: /^Gelezen/ }).click();
			continue;
		}
		if (step.meta.kind === 'vignette') {
			const current = () =>
				page.evaluate(
					() =>
						(document.querySelector('input[name=node]') as HTMLInputElement | null)?.value ?? null
				);
			let nodeId = await current();
			while (nodeId) {
				const node = step.vignette!.nodes[nodeId];
				const best = node.choices.reduce((a, b) => (b.score > a.score ? b : a));
				await page.getByRole('button', { name: best.label }).click();
				const before = nodeId;
				await expect.poll(current).not.toBe(before);
				nodeId = await current();
			}
		}
		if (step.meta.kind === 'quiz') {
			for (const item of step.quiz!.items) {
				const form = page.locator(`#vraag-${item.id} form`).first();
				await answer(page, form, item.id, correctAnswer(item));
				await form.getByRole('button', { name: 'Antwoord bevestigen' }).click();
				await expect(page.locator(`#feedback-${item.id}`)).toContainText('Juist');
			}
		}
		if (step.meta.kind === 'assessment') {
			await page.getByRole('button', { name: 'Start de eindtoets' }).click();
			await expect(page.locator('section.item')).toHaveCount(step.assessment!.draw);
			const ids = await page
				.locator('section.item')
				.evaluateAll((els) => els.map((e) => e.id.replace('vraag-', '')));
			expect(ids).toHaveLength(step.assessment!.draw);
			for (const id of ids) {
				const form = page.locator(`#vraag-${id} form`).first();
				await answer(page, form, id, correctAnswer(itemById(slug, id)));
				await form.getByRole('button', { name: 'Antwoord opslaan' }).click();
				await expect(page.locator(`#opgeslagen-${id}`)).toContainText('Antwoord opgeslagen');
			}
			await page.getByRole('button', { name: 'Eindtoets indienen' }).click();
			await expect(page.locator('#resultaat')).toContainText('Geslaagd');
			return;
		}
		await page.getByRole('link', { name: /^Volgende stap/ }).click();
	}
}

test('a learner launches module 1 from the LMS, passes it and the LMS records the score', async ({
	page,
	browser
}) => {
	test.setTimeout(180_000);
	// The LMS is down when the result is ready: the score waits in the queue.
	platform.failScores(1);
	await page.goto(platform.launchUrl({ user: 'learner', link: 'link-1' }));
	await expect(page).toHaveURL(/\/leren\/wat-en-hoe$/);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(moduleBySlug(slug).meta.title);
	await expect(page.getByText(/Aangemeld als/)).toContainText('Ruben Claes');
	await expectAccessible(page);
	// An LMS role grants no staff area.
	expect((await page.request.get('/beheer', { maxRedirects: 0 })).status()).toBe(403);

	await passModule(page);

	// The first send failed (503); an admin sees it waiting and sends it again.
	const adminContext = await browser.newContext();
	const admin = await adminContext.newPage();
	await signIn(admin, demo.admin);
	await admin.goto('/admin/lti');
	await expect(admin.getByText('Eén resultaat wacht nog.')).toBeVisible({ timeout: 15_000 });
	await expect(
		admin.getByRole('cell', {
			name: 'De leeromgeving weigerde het resultaat (HTTP-status 503).'
		})
	).toBeVisible();
	await expectAccessible(admin);
	await admin.getByRole('button', { name: 'Nu opnieuw versturen' }).click();
	await expect.poll(() => platform.scores.length, { timeout: 15_000 }).toBe(1);
	expect(platform.scores[0]).toMatchObject({
		lineItemId: 'li-1',
		userId: 'learner-42',
		scoreGiven: 100,
		scoreMaximum: 100,
		activityProgress: 'Completed',
		gradingProgress: 'FullyGraded'
	});
	await admin.reload();
	await expect(admin.getByRole('cell', { name: 'Verstuurd' })).toBeVisible();
	await adminContext.close();
});

async function refusedLaunch(browser: Browser, tamper: Tamper | null, expected: string) {
	const context = await browser.newContext();
	const page = await context.newPage();
	try {
		if (tamper) platform.tamperNext(tamper);
		await page.goto(platform.launchUrl({ user: 'other', link: 'link-1' }));
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Er ging iets mis');
		await expect(page.locator('main')).toContainText(expected);
		await expectAccessible(page);
		await noSession(page);
	} finally {
		await context.close();
	}
}

test('refused launches get a Dutch page and no session', async ({ browser, baseURL }) => {
	// Six launches in fresh browsers, each scanned with axe: room for a loaded machine.
	test.setTimeout(150_000);
	await refusedLaunch(browser, 'wrongAudience', 'niet voor Signaalwijs bedoeld');
	await refusedLaunch(browser, 'unknownDeployment', 'niet bij Signaalwijs geregistreerd');
	await refusedLaunch(browser, 'expired', 'is verlopen');
	await refusedLaunch(browser, 'wrongMessageType', 'dit soort bericht');
	await refusedLaunch(browser, 'badSignature', 'echt van je leeromgeving komt');

	// A replayed launch: the same id_token and state posted again from another browser.
	const context = await browser.newContext();
	const page = await context.newPage();
	let posted = '';
	page.on('request', (request) => {
		if (request.method() === 'POST' && request.url() === `${baseURL}/lti/launch`) {
			posted = request.postData() ?? '';
		}
	});
	await page.goto(platform.launchUrl({ user: 'other', link: 'link-1' }));
	await expect(page).toHaveURL(/\/leren\/wat-en-hoe$/);
	await context.close();
	expect(posted).toContain('id_token=');
	const attacker = await browser.newContext();
	const replay = await attacker.newPage();
	await replay.goto(`${platform.origin}/course`);
	await replay.evaluate(
		({ action, body }) => {
			const form = document.createElement('form');
			form.method = 'POST';
			form.action = action;
			for (const [name, value] of new URLSearchParams(body)) {
				const input = document.createElement('input');
				input.type = 'hidden';
				input.name = name;
				input.value = value;
				form.append(input);
			}
			document.body.append(form);
			form.submit();
		},
		{ action: `${baseURL}/lti/launch`, body: posted }
	);
	await expect(replay.getByRole('heading', { level: 1 })).toHaveText('Er ging iets mis');
	await expect(replay.locator('main')).toContainText('al eens gebruikt');
	await noSession(replay);
	await attacker.close();
});

test('inside an LMS frame the tool offers a new window', async ({ page, context }) => {
	await page.goto(
		`${platform.origin}/frame?src=${encodeURIComponent(platform.launchUrl({ user: 'other', link: 'link-1' }))}`
	);
	const frame = page.frameLocator('iframe[title="Signaalwijs"]');
	await expect(frame.getByRole('heading', { level: 1 })).toHaveText(
		'Open Signaalwijs in een nieuw venster'
	);
	const [popup] = await Promise.all([
		context.waitForEvent('page'),
		frame.getByRole('link', { name: /Open in een nieuw venster/ }).click()
	]);
	await expect(popup).toHaveURL(/\/leren\/wat-en-hoe$/);
	await expect(popup.getByText(/Aangemeld als/)).toContainText('Noor Willems');
	await expectAccessible(popup);
});

test('only the LTI pages may be framed, and only by the registered LMS', async ({ request }) => {
	const lti = await request.get('/lti/launch');
	expect(lti.headers()['content-security-policy']).toContain(
		`frame-ancestors 'self' ${platform.origin}`
	);
	const home = await request.get('/');
	expect(home.headers()['content-security-policy']).toContain("frame-ancestors 'none'");
	expect(home.headers()['x-frame-options']).toBe('DENY');
});
