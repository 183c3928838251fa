import type { Page } from '@playwright/test';
import {
	demo,
	expect,
	expectAccessible,
	inviteLearner,
	linkFrom,
	signIn,
	signOut,
	test,
	uniqueEmail,
	waitForMail
} from './fixtures';
import { moduleProgress } from '../support/e2e-server';

/** Posts to a form action the way a crafted request would (same origin, no browser form). */
async function postAction(page: Page, path: string, form: Record<string, string>) {
	const origin = new URL(page.url()).origin;
	const response = await page.request.post(path, {
		form,
		headers: { origin, accept: 'application/json', 'x-sveltekit-action': 'true' }
	});
	return { status: response.status(), text: await response.text() };
}

test('the dashboard draws its charts and tiles for Sint-Jansschool only', async ({ page }) => {
	await signIn(page, demo.manager);
	await expect(page).toHaveURL(/\/beheer$/);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(
		'Beheer van Sint-Jansschool (demo)'
	);
	await expect(
		page.getByText(/^Signalen herkennen op school: \d+ van \d+ voltooid$/)
	).toBeVisible();
	// SVG bars drawn on the server (in the HTML before any script runs), with tables for screen
	// readers.
	const html = await (await page.request.get('/beheer')).text();
	expect(html.match(/<rect class="bar/g)?.length ?? 0).toBeGreaterThan(3);
	expect(await page.locator('figure svg rect.bar').count()).toBeGreaterThan(3);
	await expect(
		page.getByRole('table', { name: 'Voltooide modules per maand (laatste 12 maanden)' })
	).toBeAttached();
	await expect(page.getByRole('table', { name: /voltooid per team/ })).toBeAttached();
	await expect(page.locator('body')).not.toContainText('Leefgroep De Brug');
	await expectAccessible(page);
	await page.getByRole('link', { name: 'toon per beroep' }).click();
	await expect(page.getByRole('table', { name: /voltooid per beroep/ })).toBeAttached();
	await expectAccessible(page);
});

test('the learners table filters, sorts, pages and exports the own organisation', async ({
	page
}) => {
	await signIn(page, demo.manager);
	await page.goto('/beheer/deelnemers');
	await expect(page.getByRole('rowheader', { name: 'Lotte Janssens' })).toBeVisible();
	await expect(page.locator('body')).not.toContainText('Sam Peeters');
	await expectAccessible(page);

	await page.getByLabel('Team', { exact: true }).selectOption({ label: 'Tweede graad' });
	await page.getByRole('button', { name: 'Toepassen' }).click();
	await expect(page.getByRole('rowheader', { name: 'Lotte Janssens' })).toBeVisible();
	await expect(page.getByRole('rowheader', { name: 'Nina Claes' })).toHaveCount(0);
	await page.getByRole('link', { name: 'Naam' }).click();
	await expect(page).toHaveURL(/dir=desc/);
	await expect(page.getByRole('columnheader', { name: 'Naam' })).toHaveAttribute(
		'aria-sort',
		'descending'
	);
	await expectAccessible(page);

	// Hand-edited parameters fall back to defaults instead of failing.
	const odd = await page.goto(
		'/beheer/deelnemers?sort=password&dir=x&page=-4&size=999999&status=evil&team=1%20OR%201=1'
	);
	expect(odd?.status()).toBe(200);
	await expect(page.getByRole('rowheader', { name: 'Lotte Janssens' })).toBeVisible();

	const csv = await page.request.get('/beheer/export.csv');
	expect(csv.status()).toBe(200);
	expect(csv.headers()['content-type']).toContain('text/csv');
	const body = await csv.body();
	expect([...body.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
	const text = body.toString('utf8');
	expect(text).toContain('Naam;E-mailadres;Team;Beroep;');
	expect(text).toContain('\r\n');
	expect(text).toContain('Lotte Janssens');
	expect(text).not.toContain('Sam Peeters');
});

test('a learner page shows modules and certificates, never answers', async ({ page }) => {
	await signIn(page, demo.manager);
	await page.goto('/beheer/deelnemers?q=Yasmine');
	await page.getByRole('link', { name: 'Yasmine El Amrani' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Yasmine El Amrani');
	await expect(page.getByRole('heading', { name: 'Certificaten' })).toBeVisible();
	await expectAccessible(page);
	const data = await page.request.get(`${new URL(page.url()).pathname}/__data.json`);
	const json = await data.text();
	expect(json).toContain('Yasmine El Amrani');
	for (const word of ['answer', 'score', 'signalsHit', 'signalsMissed', 'choice', 'itemId']) {
		expect(json).not.toContain(word);
	}

	await page.getByLabel('Team', { exact: true }).selectOption({ label: 'Derde graad' });
	await page.getByRole('button', { name: 'Verplaatsen' }).click();
	await expect(page.getByRole('status')).toHaveText('De deelnemer is verplaatst.');
	await expectAccessible(page);
	await page.getByLabel('Team', { exact: true }).selectOption({ label: 'Eerste graad' });
	await page.getByRole('button', { name: 'Verplaatsen' }).click();
	await expect(page.getByRole('status')).toHaveText('De deelnemer is verplaatst.');
});

test('manager A cannot see, export or act on organisation B', async ({ page }) => {
	// Learn B's ids the honest way: as B's manager.
	await signIn(page, demo.horizonManager);
	await page.goto('/beheer/deelnemers');
	const samHref = await page.getByRole('link', { name: 'Sam Peeters' }).getAttribute('href');
	const samId = samHref!.split('/').pop()!;
	await page.goto('/beheer/teams');
	const teamHref = await page.getByRole('link', { name: 'Leefgroep De Brug' }).getAttribute('href');
	const horizonTeam = teamHref!.split('team=').pop()!;
	const invitee = uniqueEmail('horizon');
	await page.goto('/beheer/uitnodigingen');
	await page.getByLabel('E-mailadres').fill(invitee);
	await page.getByRole('button', { name: 'Uitnodiging versturen' }).click();
	await expect(page.getByRole('status')).toContainText(invitee);
	const revokeForm = page
		.getByRole('row', { name: new RegExp(invitee) })
		.locator('form')
		.last();
	const invitationId = await revokeForm.locator('input[name=invitationId]').inputValue();
	await signOut(page);

	await signIn(page, demo.manager);
	const detail = await page.goto(`/beheer/deelnemers/${samId}`);
	expect(detail?.status()).toBe(404);
	await expectAccessible(page);
	const data = await page.request.get(`/beheer/deelnemers/${samId}/__data.json`);
	expect(await data.text()).not.toContain('Sam Peeters');

	await page.goto(`/beheer/deelnemers?team=${horizonTeam}`);
	await expect(page.getByText('0 deelnemers gevonden')).toBeVisible();
	const csv = await (await page.request.get(`/beheer/export.csv?team=${horizonTeam}`)).text();
	expect(csv).not.toContain('Sam Peeters');
	expect(csv).not.toContain('Leefgroep');

	const lotteHref = await (async () => {
		await page.goto('/beheer/deelnemers?q=Lotte');
		return page.getByRole('link', { name: 'Lotte Janssens' }).getAttribute('href');
	})();
	const move = await postAction(page, `${lotteHref}?/move`, { teamId: horizonTeam });
	expect(move.text).toContain('bestaat niet');
	const moveSam = await postAction(page, `/beheer/deelnemers/${samId}?/move`, { teamId: '' });
	expect(moveSam.text).toContain('hoort niet bij je organisatie');
	const revoke = await postAction(page, '/beheer/uitnodigingen?/revoke', { invitationId });
	expect(revoke.text).toContain('bestaat niet');
	const resend = await postAction(page, '/beheer/uitnodigingen?/resend', { invitationId });
	expect(resend.text).toContain('bestaat niet');
	const rename = await postAction(page, '/beheer/teams?/rename', {
		teamId: horizonTeam,
		name: 'Gekaapt'
	});
	expect(rename.text).toContain('bestaat niet');
	const assign = await postAction(page, '/beheer/opdrachten?/create', {
		module: 'handelen',
		target: 'team',
		teamId: horizonTeam,
		dueAt: ''
	});
	expect(assign.text).toContain('Kies een team van je organisatie');
	// An extra organisationId or role field changes nothing: the invitation is for A.
	const extra = await postAction(page, '/beheer/uitnodigingen?/invite', {
		email: uniqueEmail('extra'),
		role: 'learner',
		audience: 'leerkracht',
		organisationId: '2',
		name: ''
	});
	expect(extra.status).toBe(200);
	await signOut(page);

	await signIn(page, demo.horizonManager);
	await page.goto('/beheer/uitnodigingen');
	await expect(page.getByRole('row', { name: new RegExp(invitee) })).toContainText('open');
	await expect(page.locator('body')).not.toContainText('extra-');
	await page.goto('/beheer/teams');
	await expect(page.getByRole('link', { name: 'Leefgroep De Brug' })).toBeVisible();
});

test('bulk invitations: preview with row errors, confirm once, no duplicates', async ({ page }) => {
	await signIn(page, demo.manager);
	await page.goto('/beheer/uitnodigingen');
	const fresh = uniqueEmail('bulk');
	const csv =
		'\uFEFFe-mail;naam;team;beroep\r\n' +
		`${fresh};Bart Bulk;Derde graad;leerkracht\r\n` +
		'geen-adres;X;;\r\n' +
		'lid@x.be;;Leefgroep De Brug;\r\n' +
		'leerkracht@demo.signaalwijs.be;;;\r\n';
	const upload = async () => {
		await page.getByLabel('CSV-bestand').setInputFiles({
			name: 'deelnemers.csv',
			mimeType: 'text/csv',
			buffer: Buffer.from(csv, 'utf8')
		});
		await page.getByRole('button', { name: 'Voorbeeld tonen' }).click();
	};
	await upload();
	await expect(
		page.getByRole('cell', { name: 'fout: Dit is geen geldig e-mailadres.' })
	).toBeVisible();
	await expect(
		page.getByRole('cell', { name: /Het team Leefgroep De Brug bestaat niet/ })
	).toBeVisible();
	await expect(page.getByRole('cell', { name: /Is al lid/ })).toBeVisible();
	await expectAccessible(page);
	await expect(page.getByRole('cell', { name: fresh, exact: true })).toHaveCount(1);
	const sentAt = Date.now();
	await page.getByRole('button', { name: 'Bevestigen en 1 uitnodigingen versturen' }).click();
	await expect(page.getByRole('status').first()).toContainText('1 uitnodiging verstuurd');
	await waitForMail(fresh, /uitnodiging/, sentAt - 1000);
	await expectAccessible(page);

	await upload();
	await expect(page.getByRole('cell', { name: /Heeft al een open uitnodiging/ })).toBeVisible();
	await expect(page.getByRole('button', { name: /Bevestigen/ })).toHaveCount(0);
	await expect(page.getByRole('row', { name: new RegExp(fresh) })).toHaveCount(2);
});

test('teams, assignments and the signal map', async ({ page }) => {
	// Teams, an assignment, a learner's answers and the signal map in one journey: 33 s in CI on
	// the 2-core machine, against the default 60 s.
	test.setTimeout(120_000);
	await signIn(page, demo.manager);
	await page.goto('/beheer/teams');
	const name = `Zorgteam ${Date.now()}`;
	await page.getByLabel('Naam van het team').fill(name);
	await page.getByRole('button', { name: 'Team aanmaken' }).click();
	await expect(page.getByRole('status')).toHaveText(`Het team ${name} is aangemaakt.`);
	await page.getByLabel('Naam van het team').fill(name);
	await page.getByRole('button', { name: 'Team aanmaken' }).click();
	await expect(page.getByRole('alert')).toContainText('bestaat al');
	await expectAccessible(page);

	await page.goto('/beheer/opdrachten');
	await expect(page.getByRole('rowheader', { name: 'Signalen herkennen op school' })).toBeVisible();
	await page
		.getByLabel('Module', { exact: true })
		.selectOption({ label: 'Handelen: gesprek, overleg en melden' });
	await page.getByRole('radio', { name: 'Eén team' }).check();
	await page.getByRole('button', { name: 'Toewijzen' }).click();
	await expect(page.getByRole('alert')).toContainText('Kies een team');
	await expectAccessible(page);
	await page.getByLabel('Team (als je "Eén team" koos)').selectOption({ label: 'Derde graad' });
	await page.getByLabel('Vervaldatum (niet verplicht)').fill('2030-06-30');
	await page.getByRole('button', { name: 'Toewijzen' }).click();
	await expect(page.getByRole('status')).toHaveText('De opdracht is toegewezen.');
	await expect(page.getByRole('row', { name: /Handelen.*Team Derde graad/ })).toContainText(
		'30 juni 2030'
	);
	await expectAccessible(page);

	await page.goto('/beheer/signalen');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Signalenkaart per team');
	await expect(page.getByRole('cell', { name: 'te weinig deelnemers' }).first()).toBeVisible();
	await expectAccessible(page);
});

test('a manager gives a learner who used every final-assessment attempt one more', async ({
	page,
	e2eServer
}) => {
	test.setTimeout(90_000);
	// A teacher invited into Sint-Jansschool fails module 1's final assessment three times.
	const email = uniqueEmail('extra-poging');
	const password = 'een nieuwe kans op de eindtoets';
	await signIn(page, demo.manager);
	const sentAt = await inviteLearner(page, email);
	await signOut(page);
	await page.goto(linkFrom(await waitForMail(email, /uitnodiging/, sentAt - 1000), '/uitnodiging'));
	await page.getByLabel('Naam').fill('Wout Herkansing');
	await page.getByLabel('Wachtwoord', { exact: true }).fill(password);
	await page.getByLabel('Herhaal het wachtwoord').fill(password);
	await page.getByRole('button', { name: 'Account activeren' }).click();
	await expect(page).toHaveURL(/melding=account-klaar/);
	await moduleProgress(e2eServer, email, 'used-attempts');

	const assessment = '/leren/wat-en-hoe/eindtoets';
	const retry = page.getByRole('button', { name: 'Opnieuw proberen' });
	await signIn(page, email, password);
	await page.goto(assessment);
	await expect(page.locator('#resultaat')).toContainText(
		'Je hebt alle pogingen voor deze eindtoets gebruikt.'
	);
	await expect(page.locator('#resultaat')).toContainText(
		'Je leidinggevende kan je een extra poging geven.'
	);
	await expect(retry).toHaveCount(0);
	await signOut(page);

	// The manager opens the learner's page and gives one more attempt, without seeing the attempts.
	await signIn(page, demo.manager);
	await page.goto('/beheer/deelnemers?q=Herkansing');
	await page.getByRole('link', { name: 'Wout Herkansing' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Wout Herkansing');
	const section = page.getByRole('region', { name: 'Extra poging voor een eindtoets' });
	await expect(section).not.toContainText('Nog niet geslaagd');
	await section.getByLabel('Module').selectOption({ label: 'Tienerpooiers: wat en hoe' });
	const givenAt = Date.now();
	await section.getByRole('button', { name: 'Extra poging geven' }).click();
	await expect(section.getByRole('status')).toHaveText(
		'De deelnemer heeft een extra poging gekregen. Die verschijnt bij de eindtoets van de module.'
	);
	await expectAccessible(page);
	await signOut(page);

	// The learner is told by mail, and can start the final assessment once more.
	const mail = await waitForMail(email, /extra poging voor de eindtoets/, givenAt - 1000);
	expect(mail.text).toContain('Sint-Jansschool (demo) gaf je een extra poging');
	expect(mail.text).toMatch(/https?:\/\/[^\s]+\/leren\/wat-en-hoe\s/);
	await signIn(page, email, password);
	await page.goto(assessment);
	await expect(retry).toBeVisible();
	await retry.click();
	await expect(page.getByRole('button', { name: 'Eindtoets indienen' })).toBeVisible();
});
