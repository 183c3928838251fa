// The authoring editor as Tom (demo trainer) uses it: duplicate a shipped module, write a lesson
// with a Markdown preview, break and mend a case's graph, publish, read the history; a keyboard-only
// pass; and learners and managers kept out.
import { expect, type Page } from '@playwright/test';
import { demo, expectAccessible, signIn, test } from './fixtures';
import { activate, tabTo } from './keyboard';
import { moduleBySlug } from './course';

/** The links to the steps (or items) in their list, not their "Verwijderen" links. */
function links(page: Page, name: RegExp | string) {
	return page
		.getByRole('region', { name: /^(Stappen|Vragen|Vragenbank van de eindtoets)$/ })
		.getByRole('link', { name })
		.filter({ hasNotText: 'Verwijderen' });
}

async function duplicate(page: Page, title: string): Promise<string> {
	await page.goto('/auteur');
	await page.getByRole('button', { name: `Dupliceer ${title} als concept` }).click();
	await expect(page).toHaveURL(/\/auteur\/concepten\/\d+$/);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(
		`Module bewerken: ${title} (kopie)`
	);
	return new URL(page.url()).pathname;
}

/** Situation n1's second choice in the case editor (step 4 of "Tienerpooiers: wat en hoe"). */
function caseChoice(page: Page) {
	return page.getByRole('group', { name: 'Situatie n1' }).getByRole('group', { name: 'Keuze 2' });
}

/** On the case editor: sends n1's second choice to n2 and saves, so n2b can no longer be reached. */
async function breakCase(page: Page): Promise<void> {
	await caseChoice(page).getByLabel('Gaat naar').selectOption('n2');
	await page.getByRole('button', { name: 'Bewaren' }).click();
	await expect(
		page
			.getByRole('group', { name: 'Situatie n2b' })
			.getByText('Niet te bereiken vanaf het begin van de casus.')
	).toBeVisible();
}

/** Tom's row in the authoring overview for the draft edited at `editorUrl`. */
function draftRow(page: Page, editorUrl: string) {
	return page.getByRole('row').filter({ has: page.locator(`a[href="${editorUrl}"]`) });
}

// Tom's journey (duplicate, write a lesson, break and mend a case, publish, read the history) in
// four tests that each start from their own copy, so no test carries the others' time or state.
test('Tom duplicates a module and finds the draft in the overview', async ({ page }) => {
	await signIn(page, demo.trainer);
	await page.goto('/auteur');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Auteursomgeving');
	await expect(page.getByRole('link', { name: 'Itemstatistieken' })).toBeVisible();
	await expect(page.getByRole('link', { name: 'Module importeren' })).toBeVisible();
	await expectAccessible(page);

	const editorUrl = await duplicate(page, 'Tienerpooiers: wat en hoe');
	await expect(page.getByText('Concept, nog niet gepubliceerd')).toBeVisible();
	await expectAccessible(page);

	// The overview lists the new draft with its state and links.
	await page.goto('/auteur');
	const row = draftRow(page, editorUrl);
	await expect(row).toContainText('Tienerpooiers: wat en hoe (kopie)');
	await expect(row).toContainText('Concept, nog niet gepubliceerd');
	await expect(row).toContainText('Tom Verbeke');
	await expect(
		row.getByRole('link', { name: 'Voorbeeld van Tienerpooiers: wat en hoe (kopie)' })
	).toHaveAttribute('href', /\/auteur\/concepten\/\d+\/voorbeeld$/);
	await row.getByRole('link', { name: /bewerken$/ }).click();
	await expect(page).toHaveURL(editorUrl);
});

test('Tom edits a lesson in Markdown and its preview shows a script tag harmlessly', async ({
	page
}) => {
	await signIn(page, demo.trainer);
	await duplicate(page, 'Tienerpooiers: wat en hoe');

	// A lesson: Markdown with a preview; a script tag is shown harmlessly.
	await links(page, /^Stap 1:/).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(/^Stap 1 bewerken:/);
	await page
		.getByLabel('Tekst van de stap (Markdown)')
		.fill(
			'## Wat je vandaag leert\n\nEen tienerpooier is **geen** verliefd vriendje.\n\n<script>window.pwned = 1</script>\n'
		);
	await page.getByRole('button', { name: 'Bewaren' }).click();
	await expect(page.getByRole('status').filter({ hasText: /Bewaard om \d\d:\d\d/ })).toBeVisible();
	const preview = page.getByRole('region', { name: 'Zo ziet de tekst eruit' });
	await expect(preview.getByRole('heading', { name: 'Wat je vandaag leert' })).toBeVisible();
	await expect(preview.locator('strong')).toHaveText('geen');
	await expect(preview.locator('script')).toHaveCount(0);
	expect(
		await page.evaluate(() => (window as unknown as { pwned?: number }).pwned)
	).toBeUndefined();
	await expectAccessible(page);
	// Saved for real: a reload shows the text and its preview.
	await page.reload();
	await expect(page.getByLabel('Tekst van de stap (Markdown)')).toHaveValue(/geen\*\* verliefd/);
	await expect(preview.getByRole('heading', { name: 'Wat je vandaag leert' })).toBeVisible();
});

test('the preview shows the new text at once when Bewaren waits for a slow autosave', async ({
	page
}) => {
	await signIn(page, demo.trainer);
	await duplicate(page, 'Tienerpooiers: wat en hoe');
	await links(page, /^Stap 1:/).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(/^Stap 1 bewerken:/);
	// A busy server: the autosave that leaving the field starts is answered late, so Bewaren waits
	// for it and then saves a second revision; and the page data loads slowly after that save.
	let slowSave = true;
	await page.route(/\?\/save$/, async (route) => {
		const response = await route.fetch();
		if (slowSave) {
			slowSave = false;
			await new Promise((resolve) => setTimeout(resolve, 1500));
		}
		await route.fulfill({ response });
	});
	await page.route(/__data\.json/, async (route) => {
		await new Promise((resolve) => setTimeout(resolve, 10_000));
		await route.continue();
	});
	await page
		.getByLabel('Tekst van de stap (Markdown)')
		.fill('## Een nieuwe kop\n\nNieuwe tekst.\n');
	const reloaded = page.waitForResponse(/__data\.json/, { timeout: 30_000 });
	await page.getByRole('button', { name: 'Bewaren' }).click();
	const preview = page.getByRole('region', { name: 'Zo ziet de tekst eruit' });
	// Shown as soon as the save answers, not only once the page data is back.
	await expect(preview.getByRole('heading', { name: 'Een nieuwe kop' })).toBeVisible({
		timeout: 7000
	});
	await expect(page.getByRole('status').filter({ hasText: /Bewaard om \d\d:\d\d/ })).toBeVisible();
	// And it stays when the page data lands.
	await reloaded;
	await expect(preview.getByRole('heading', { name: 'Een nieuwe kop' })).toBeVisible();
	await expect(preview.getByRole('heading', { name: 'Wat je vandaag leert' })).toHaveCount(0);
});

test('Tom breaks a case: the unreachable situation is named and publishing is refused', async ({
	page
}) => {
	// A sign-in, a duplicated course, a case edit and three axe scans of the editor: 37 s in CI on
	// the 2-core machine, against the default 60 s.
	test.setTimeout(120_000);
	await signIn(page, demo.trainer);
	const editorUrl = await duplicate(page, 'Tienerpooiers: wat en hoe');

	// A case: send the first situation's second choice to n2, so n2b can no longer be reached.
	await page.goto(`${editorUrl}/stappen/4`);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(/^Stap 4 bewerken:/);
	await expectAccessible(page);
	await breakCase(page);
	const n2b = page.getByRole('group', { name: 'Situatie n2b' });
	await expect(n2b).toBeFocused();
	await expect(n2b).toHaveAttribute('aria-describedby', /fout/);
	// The summary links to it and the graph overview names it inline.
	await expect(
		page.getByRole('link', { name: /Situatie n2b: Niet te bereiken vanaf het begin/ })
	).toBeVisible();
	await expect(
		page
			.getByRole('region', { name: 'Overzicht van de casus' })
			.getByText('Niet te bereiken vanaf het begin van de casus.')
	).toBeVisible();
	await expectAccessible(page);

	// Publishing is refused while the case is broken.
	await page.goto(editorUrl);
	await page.getByRole('button', { name: 'Publiceren' }).click();
	await expect(page.getByRole('alert')).toContainText('Nog niet gepubliceerd');
	await expect(page.getByRole('link', { name: /^Stap 4: .*: 1 probleem/ })).toBeVisible();
	await expectAccessible(page);
});

test('Tom mends a broken case, publishes and sees version 1 in the history', async ({ page }) => {
	// A sign-in, a duplicated course, two case edits, publishing and the history: 32 s in CI on the
	// 2-core machine, against the default 60 s.
	test.setTimeout(120_000);
	await signIn(page, demo.trainer);
	const editorUrl = await duplicate(page, 'Tienerpooiers: wat en hoe');
	await page.goto(`${editorUrl}/stappen/4`);
	await breakCase(page);

	// Mend it.
	await page.goto(`${editorUrl}/stappen/4`);
	await caseChoice(page).getByLabel('Gaat naar').selectOption('n2b');
	await page.getByRole('button', { name: 'Bewaren' }).click();
	await expect(page.getByRole('status').filter({ hasText: /Bewaard om/ })).toBeVisible();
	await expect(page.getByText('Niet te bereiken vanaf het begin van de casus.')).toHaveCount(0);

	// Publish: version 1, and the state changes.
	await page.goto(editorUrl);
	await page.getByRole('button', { name: 'Publiceren' }).click();
	await expect(page.getByText('Versie 1 gepubliceerd')).toBeVisible();
	await expect(page.getByText('Gepubliceerd', { exact: true })).toBeVisible();
	await expectAccessible(page);

	await page.getByRole('link', { name: 'Geschiedenis' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(
		'Versies van Tienerpooiers: wat en hoe (kopie)'
	);
	const history = page.getByRole('table', { name: /Gepubliceerde versies/ });
	await expect(history.getByRole('rowheader')).toHaveText(['versie 1']);
	await expect(history).toContainText('Tom Verbeke');
	await expect(history).toContainText('Sint-Jansschool');
	await expect(history).toContainText(
		'Eerste versie, gebaseerd op "Tienerpooiers: wat en hoe" (versie 1).'
	);
	await expectAccessible(page);

	// The slug is fixed now, and the overview says the module is published.
	await page.goto(editorUrl);
	await expect(page.getByText(/Webnaam: wat-en-hoe-kopie.* \(vast sinds/)).toBeVisible();
	await page.goto('/auteur');
	await expect(draftRow(page, editorUrl)).toContainText('Tienerpooiers: wat en hoe (kopie)');
	await expect(draftRow(page, editorUrl)).toContainText('versie 1');
});

// Issue 20: the form does not edit a situation's phone messages yet, but saving it keeps them.
test('editing a case with phone messages keeps them, and the published case shows them', async ({
	page,
	browser
}) => {
	test.setTimeout(120_000);
	const steps = moduleBySlug('wat-en-hoe').steps;
	const step = steps.find((s) => s.vignette?.header?.name === 'Robbe')!;
	const v = step.vignette!;
	const [nodeId, node] = Object.entries(v.nodes).find(([, n]) => n.messages?.length)!;
	const choice = v.nodes[v.start].choices.find((c) => c.next === nodeId)!;
	const added = 'Hij legt zijn gsm met het scherm naar beneden op tafel.';

	await signIn(page, demo.trainer);
	const editorUrl = await duplicate(page, 'Tienerpooiers: wat en hoe');
	await page.goto(`${editorUrl}/stappen/${steps.indexOf(step) + 1}`);
	const text = page
		.getByRole('group', { name: `Situatie ${nodeId}`, exact: true })
		.getByLabel('Wat gebeurt er (tekst)');
	await text.fill(`${(await text.inputValue()).trim()}\n\n${added}`);
	await page.getByRole('button', { name: 'Bewaren' }).click();
	await expect(page.getByRole('status').filter({ hasText: /Bewaard om/ })).toBeVisible();
	await page.goto(editorUrl);
	await page.getByRole('button', { name: 'Publiceren' }).click();
	await expect(page.getByText('Versie 1 gepubliceerd')).toBeVisible();
	const slug = (await page.getByText(/Webnaam: /).innerText()).match(/Webnaam: ([a-z0-9-]+)/)![1];

	// A teacher of the school (no other test uses her) plays the published case to that situation.
	const learner = await (await browser.newContext()).newPage();
	await signIn(learner, 'ilse.van.damme@sint-jans.demo.signaalwijs.be');
	await learner.goto(`/leren/${slug}`);
	await learner.getByRole('button', { name: 'Start deze module' }).click();
	await learner.waitForURL(new RegExp(`/leren/${slug}/.+`));
	await learner.goto(`/leren/${slug}/${step.slug}`);
	const caseView = learner.locator('#casus');
	await caseView.getByRole('button', { name: choice.label }).click();
	await expect(caseView.getByText(added)).toBeVisible();
	const thread = caseView.getByRole('list', { name: 'Berichten op de gsm' });
	await expect(thread.getByRole('listitem')).toHaveCount(node.messages!.length);
	await expect(thread).toContainText(node.messages![0].text);
	await expectAccessible(learner);
});

test('the editor works with the keyboard alone', async ({ page }) => {
	// Hundreds of Tab presses over long forms: slower than the other tests on a busy machine
	// (60-90 s in CI on the 2-core machine).
	test.setTimeout(240_000);
	await signIn(page, demo.trainer);
	const editorUrl = await duplicate(page, 'Signalen herkennen op school');

	// Type a title and save with Enter (the form's first button is Bewaren).
	const title = page.getByLabel('Titel', { exact: true });
	await tabTo(page, title);
	await page.keyboard.press('Control+A');
	await page.keyboard.type('Signalen op school, onze versie');
	await page.keyboard.press('Enter');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(
		'Module bewerken: Signalen op school, onze versie'
	);

	// Move step 2 up.
	const second = await links(page, /^Stap 2:/).innerText();
	const moved = second.replace(/^Stap 2: /, '');
	await activate(page, page.getByRole('button', { name: `${second} naar boven` }));
	await expect(links(page, `Stap 1: ${moved}`)).toBeVisible();

	// Remove step 2 after a confirmation step that receives focus.
	const count = await links(page, /^Stap \d+:/).count();
	const victim = await links(page, /^Stap 2:/).innerText();
	await activate(page, page.getByRole('link', { name: `${victim} verwijderen` }));
	const confirm = page.getByRole('group', { name: `${victim} verwijderen` });
	await expect(confirm).toBeFocused();
	await expectAccessible(page);
	await page.keyboard.press('Tab');
	await expect(page.getByRole('button', { name: 'Ja, verwijderen' })).toBeFocused();
	await page.keyboard.press('Enter');
	await expect(links(page, /^Stap \d+:/)).toHaveCount(count - 1);

	// Add a lesson; it goes before the final assessment.
	const kind = page.getByLabel('Soort nieuwe stap');
	await tabTo(page, kind);
	await activate(page, page.getByRole('button', { name: 'Stap toevoegen' }));
	await expect(links(page, /^Stap \d+:/)).toHaveCount(count);
	await expect(links(page, `Stap ${count - 1}: (zonder titel)`)).toBeVisible();

	// Open a quiz item through the step page and add an answer option, all by keyboard.
	await page.goto(editorUrl);
	const quizStep = page.getByRole('listitem').filter({ hasText: '(Oefenvragen)' }).first();
	await activate(page, quizStep.getByRole('link').first());
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(/^Stap \d+ bewerken:/);
	await activate(page, links(page, /^Vraag 1:/));
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(/^Vraag 1 bewerken/);
	await expectAccessible(page);
	const add = page.getByRole('button', { name: /toevoegen$/ }).first();
	const before = await page
		.getByRole('group', { name: /^(Antwoord|Uitspraak|Stukje) \d+$/ })
		.count();
	await activate(page, add);
	await expect(page.getByRole('group', { name: /^(Antwoord|Uitspraak|Stukje) \d+$/ })).toHaveCount(
		before + 1
	);
	// The new, empty option is a problem; an explicit save (Enter in a field) focuses it.
	for (let i = 0; i < 40; i++) {
		await page.keyboard.press('Shift+Tab');
		const inField = await page.evaluate(
			() => (document.activeElement as HTMLInputElement | null)?.type === 'text'
		);
		if (inField) break;
	}
	await page.keyboard.press('Enter');
	await expect(page.locator('[data-error-target]').first()).toBeFocused();
	await expectAccessible(page);
});

test('two editors: a stale save is refused calmly and overwrites nothing', async ({ browser }) => {
	const firstContext = await browser.newContext();
	const secondContext = await browser.newContext();
	const first = await firstContext.newPage();
	await signIn(first, demo.trainer);
	const editorUrl = await duplicate(first, 'Signalen herkennen in de hulpverlening');
	const second = await secondContext.newPage();
	await signIn(second, demo.trainer);
	await second.goto(editorUrl);

	await first.getByLabel('Samenvatting').fill('Versie van het eerste venster.');
	await first.getByRole('button', { name: 'Bewaren' }).click();
	await expect(first.getByRole('status').filter({ hasText: /Bewaard om/ })).toBeVisible();

	await second.getByLabel('Samenvatting').fill('Versie van het tweede venster.');
	await second.getByRole('button', { name: 'Bewaren' }).click();
	await expect(second.getByRole('alert')).toContainText('intussen bewaard');
	await expect(
		second.getByRole('link', { name: 'Laad de nieuwste versie van deze pagina' })
	).toBeVisible();
	await expectAccessible(second);
	await second.getByRole('link', { name: 'Laad de nieuwste versie van deze pagina' }).click();
	await expect(second.getByLabel('Samenvatting')).toHaveValue('Versie van het eerste venster.');
	await firstContext.close();
	await secondContext.close();
});

test('autosave keeps the work without a click and without moving focus', async ({ page }) => {
	await signIn(page, demo.trainer);
	const editorUrl = await duplicate(page, 'Handelen: gesprek, overleg en melden');
	const summary = page.getByLabel('Samenvatting');
	await summary.fill('Automatisch bewaard.');
	// Nothing is clicked: the save comes from the pause in typing (1.5 s), then the round trip. The
	// configured expect timeout, not a tighter one: on a loaded 2-core machine the full e2e run
	// once took longer than 5 s here.
	await expect(page.getByRole('status').filter({ hasText: /Bewaard om \d\d:\d\d/ })).toBeVisible();
	await expect(summary).toBeFocused();
	await page.goto(editorUrl);
	await expect(page.getByLabel('Samenvatting')).toHaveValue('Automatisch bewaard.');
});

test('what a trainer types before the scripts start is autosaved once they do; an untouched page saves nothing', async ({
	page
}) => {
	await signIn(page, demo.trainer);
	const editorUrl = await duplicate(page, 'Tienerpooiers: wat en hoe');
	const status = page.getByRole('status').filter({ hasText: /Bewaard om \d\d:\d\d/ });
	// Loaded again and left alone, the module page and the case editor (with its selects): the
	// pages' own values are not a change.
	for (const url of [editorUrl, `${editorUrl}/stappen/4`]) {
		await page.goto(url);
		await page.waitForLoadState('networkidle');
		await page.waitForTimeout(2000);
		await expect(status).toHaveCount(0);
	}

	// The scripts arrive only after the trainer has typed, as on a slow connection.
	let typed = () => {};
	const done = new Promise<void>((resolve) => (typed = resolve));
	const scripts = (url: URL) =>
		url.pathname.startsWith('/_app/immutable/') && url.pathname.endsWith('.js');
	await page.route(scripts, async (route) => {
		await done;
		await route.continue();
	});
	await page.goto(editorUrl, { waitUntil: 'commit' });
	await page.getByLabel('Samenvatting').fill('Getypt voor de scripts er waren.');
	typed();
	await expect(status).toBeVisible();
	await page.unroute(scripts);
	await page.goto(editorUrl);
	await expect(page.getByLabel('Samenvatting')).toHaveValue('Getypt voor de scripts er waren.');
});

test('after Bewaren the bar says "saved" only once that click is saved, not after the autosave before it', async ({
	page
}) => {
	await signIn(page, demo.trainer);
	const editorUrl = await duplicate(page, 'Ouders en netwerk');
	// Every save takes 700 ms: leaving the field for the button autosaves first, then the click
	// saves; the bar must not say "Bewaard om" in between, or an author who leaves then publishes
	// on a revision the click's save makes stale.
	await page.route(
		(url) => url.pathname === editorUrl && url.search === '?/save',
		async (route) => {
			await new Promise((resolve) => setTimeout(resolve, 700));
			await route.continue();
		}
	);
	await page.getByLabel('Samenvatting').fill('Bewaard met de knop.');
	const saves: Promise<unknown>[] = [];
	page.on('request', (request) => {
		if (request.method() === 'POST' && request.url().endsWith('?/save')) {
			saves.push(request.response());
		}
	});
	await page.getByRole('button', { name: 'Bewaren' }).click();
	await expect.poll(() => saves.length).toBe(1);
	await saves[0];
	await expect.poll(() => saves.length).toBe(2);
	await expect(page.getByRole('status').filter({ hasText: 'Bezig met bewaren…' })).toBeVisible();
	await saves[1];
	await expect(page.getByRole('status').filter({ hasText: /Bewaard om \d\d:\d\d/ })).toBeVisible();
	await page.goto(editorUrl);
	await page.getByRole('button', { name: 'Publiceren' }).click();
	await expect(page.getByText('Versie 1 gepubliceerd')).toBeVisible();
});

test('the editor works without JavaScript', async ({ browser }) => {
	const context = await browser.newContext({ javaScriptEnabled: false });
	const page = await context.newPage();
	await signIn(page, demo.trainer);
	await page.goto('/auteur');
	await page.getByRole('button', { name: 'Dupliceer Opfrissing als concept' }).click();
	await expect(page).toHaveURL(/\/auteur\/concepten\/\d+$/);
	// The text areas come with their text from the server, and a save keeps it.
	const summary = page.getByLabel('Samenvatting');
	await expect(summary).toHaveValue(moduleBySlug('opfrissing').meta.summary);
	await page.getByLabel('Geschatte duur in minuten').fill('veel');
	await page.getByLabel('Titel', { exact: true }).fill('');
	await page.getByRole('button', { name: 'Bewaren' }).click();
	await expect(page.getByLabel('Geschatte duur in minuten')).toHaveAttribute(
		'aria-invalid',
		'true'
	);
	await expect(page.locator('#veld-meta\\.minutes-fout')).toHaveText('Geef een geheel getal.');
	await expect(page.getByLabel('Titel', { exact: true })).toHaveAttribute('aria-invalid', 'true');
	await expect(page.getByRole('link', { name: 'Titel: Vul dit in.' })).toBeVisible();
	await expect(summary).toHaveValue(moduleBySlug('opfrissing').meta.summary);
	await expect(page.getByRole('link', { name: /^Samenvatting:/ })).toHaveCount(0);
	// (axe-core needs JavaScript to run; these pages are scanned in the tests above.)
	await page.getByRole('button', { name: 'Bron toevoegen' }).click();
	await expect(page.getByRole('group', { name: /^Bron \d+$/ }).last()).toBeVisible();
	await context.close();
});

test('learners and managers are refused the authoring area', async ({ page }) => {
	for (const who of [demo.teacher, demo.manager]) {
		await signIn(page, who);
		for (const path of ['/auteur', '/auteur/concepten/1', '/auteur/concepten/1/geschiedenis']) {
			const response = await page.goto(path);
			expect(response?.status(), `${who} on ${path}`).toBe(403);
		}
		await expectAccessible(page);
		await page.context().clearCookies();
	}
});
