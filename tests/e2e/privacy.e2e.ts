import type { Browser } from '@playwright/test';
import { demo, expect, expectAccessible, signedInLearner, signIn, test } from './fixtures';

async function secondBrowser(browser: Browser, email: string, password: string) {
	const context = await browser.newContext();
	const page = await context.newPage();
	await signIn(page, email, password);
	return { context, page };
}

test('a learner downloads their own data and nobody else’s', async ({ page, request }) => {
	const { email } = await signedInLearner(page, {
		name: 'Eva Export',
		emailPrefix: 'export',
		password: 'mijn gegevens zijn van mij',
		audience: 'Leerkracht'
	});
	await page.goto('/profiel');
	await expectAccessible(page);
	const download = page.waitForEvent('download');
	await page.getByRole('link', { name: 'Mijn gegevens downloaden' }).click();
	const file = await download;
	expect(file.suggestedFilename()).toMatch(/^signaalwijs-mijn-gegevens-\d{4}-\d{2}-\d{2}\.json$/);
	const data = JSON.parse(
		await (await page.context().request.get('/profiel/gegevens.json')).text()
	);
	expect(data.profile).toMatchObject({ name: 'Eva Export', email, audience: 'leerkracht' });
	expect(data.sessions.length).toBeGreaterThanOrEqual(1);
	for (const key of ['memberships', 'enrolments', 'responses', 'attempts', 'certificates']) {
		expect(Array.isArray(data[key]), key).toBe(true);
	}
	const text = JSON.stringify(data);
	expect(text).not.toContain(demo.teacher);
	expect(text).not.toMatch(/argon2|secret|passwordHash/i);

	// Without a session there is nothing to download.
	const anonymous = await request.get('/profiel/gegevens.json', { maxRedirects: 0 });
	expect(anonymous.status()).toBe(303);
	expect(anonymous.headers()['location']).toContain('/aanmelden');
});

test('a learner sees their sessions, ends another one, and a password change ends the rest', async ({
	page,
	browser
}) => {
	const { email, password } = await signedInLearner(page, {
		name: 'Sven Sessies',
		emailPrefix: 'sessies',
		password: 'twee browsers tegelijk open',
		audience: 'Leerkracht'
	});
	const other = await secondBrowser(browser, email, password);

	await page.goto('/profiel');
	await expect(page.getByRole('heading', { name: 'Waar je aangemeld bent' })).toBeVisible();
	await expect(page.getByText('Deze browser')).toBeVisible();
	const endButtons = page.getByRole('button', { name: /^Sessie beëindigen/ });
	await expect(endButtons).toHaveCount(1);
	await expectAccessible(page);
	await endButtons.click();
	await expect(page.getByRole('status')).toContainText('Die sessie is beëindigd.');
	await other.page.goto('/leren');
	await expect(other.page).toHaveURL(/\/aanmelden/);

	await signIn(other.page, email, password);
	await page.getByLabel('Huidig wachtwoord').fill('niet mijn wachtwoord');
	await page.getByLabel('Nieuw wachtwoord').fill('een nieuw lang wachtwoord hier');
	await page.getByLabel('Herhaal het wachtwoord').fill('een nieuw lang wachtwoord hier');
	await page.getByRole('button', { name: 'Wachtwoord wijzigen' }).click();
	await expect(page.getByRole('alert')).toContainText('Je huidige wachtwoord klopt niet.');
	await expectAccessible(page);
	await page.getByLabel('Huidig wachtwoord').fill(password);
	await page.getByLabel('Nieuw wachtwoord').fill('een nieuw lang wachtwoord hier');
	await page.getByLabel('Herhaal het wachtwoord').fill('een nieuw lang wachtwoord hier');
	await page.getByRole('button', { name: 'Wachtwoord wijzigen' }).click();
	await expect(page.getByRole('status')).toContainText('Je wachtwoord is gewijzigd.');
	await page.goto('/leren');
	await expect(page).toHaveURL(/\/leren$/);
	await other.page.goto('/leren');
	await expect(other.page).toHaveURL(/\/aanmelden/);
	await other.context.close();
});

test('a learner deletes their account after re-entering the password', async ({ page }) => {
	const { email, password } = await signedInLearner(page, {
		name: 'Dirk Delete',
		emailPrefix: 'verwijder',
		password: 'ik wil mijn account weg',
		audience: 'Leerkracht'
	});
	await page.goto('/profiel');
	await page.getByRole('link', { name: 'Mijn account verwijderen' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Mijn account verwijderen');
	await expect(page.getByText(/certificaten worden mee verwijderd/)).toBeVisible();
	await expectAccessible(page);
	await page.getByLabel('Vul je wachtwoord in om te bevestigen').fill('fout wachtwoord');
	await page.getByRole('button', { name: 'Mijn account definitief verwijderen' }).click();
	await expect(page.getByRole('alert')).toContainText('Je wachtwoord klopt niet.');
	await expectAccessible(page);
	await page.getByLabel('Vul je wachtwoord in om te bevestigen').fill(password);
	await page.getByRole('button', { name: 'Mijn account definitief verwijderen' }).click();
	await expect(page).toHaveURL(/melding=account-verwijderd/);
	await expect(page.getByRole('status')).toContainText('Je account en je gegevens zijn verwijderd');
	await expectAccessible(page);

	await page.getByLabel('E-mailadres').fill(email);
	await page.getByLabel('Wachtwoord', { exact: true }).fill(password);
	await page.getByRole('button', { name: 'Aanmelden', exact: true }).click();
	await expect(page.getByRole('alert')).toContainText('klopt niet');
});

test('the privacy page says what is stored, why, how long and who sees what', async ({ page }) => {
	await page.goto('/privacy');
	for (const heading of [
		'Wat we bewaren en waarom',
		'Wie ziet wat',
		'De regel over certificaten'
	]) {
		await expect(page.getByRole('heading', { name: heading })).toBeVisible();
	}
	await expect(page.getByRole('columnheader', { name: 'Hoe lang' })).toBeVisible();
	await expectAccessible(page);
});
