import {
	confirmRegistration,
	expect,
	expectAccessible,
	linkFrom,
	signIn,
	test,
	uniqueEmail,
	waitForMail
} from './fixtures';

test('reset a forgotten password through the mailed link', async ({ page, browser }) => {
	// A mailed link through the SMTP sink, two browsers and two sign-ins (argon2id): 31 s in CI on
	// the 2-core machine, against the default 60 s.
	test.setTimeout(120_000);
	const email = uniqueEmail('reset');
	const oldPassword = 'het oude wachtwoord van mij';
	const newPassword = 'een nieuw en beter wachtwoord';
	await page.goto('/registreren');
	await page.getByLabel('Naam').fill('Vergeetachtige Leerkracht');
	await page.getByLabel('E-mailadres').fill(email);
	await page.getByLabel('Wachtwoord').fill(oldPassword);
	await page.getByRole('button', { name: 'Account maken' }).click();
	await expect(page).toHaveURL(/melding=geregistreerd/);
	await confirmRegistration(page, email);

	// A session on another device, which the reset must end.
	const other = await browser.newContext();
	const otherPage = await other.newPage();
	await signIn(otherPage, email, oldPassword);

	await page.goto('/wachtwoord-vergeten');
	await expectAccessible(page);
	await page.getByLabel('E-mailadres').fill(email);
	const requested = Date.now();
	await page.getByRole('button', { name: 'Stuur de link' }).click();
	await expect(page.getByRole('status')).toContainText(
		'Als er een account bij dit e-mailadres hoort'
	);
	await expectAccessible(page);

	const mail = await waitForMail(email, /wachtwoord-vergeten\//, requested - 1000);
	const link = linkFrom(mail, '/wachtwoord-vergeten');
	const response = await page.goto(link);
	expect(response?.headers()['referrer-policy']).toBe('no-referrer');
	await expectAccessible(page);
	await page.getByLabel('Nieuw wachtwoord').fill(newPassword);
	await page.getByLabel('Herhaal het wachtwoord').fill(newPassword + 'x');
	await page.getByRole('button', { name: 'Wachtwoord opslaan' }).click();
	await expect(page.getByRole('alert')).toContainText('niet gelijk');
	await page.getByLabel('Nieuw wachtwoord').fill(newPassword);
	await page.getByLabel('Herhaal het wachtwoord').fill(newPassword);
	await page.getByRole('button', { name: 'Wachtwoord opslaan' }).click();
	await expect(page.getByRole('status')).toContainText('Je wachtwoord is gewijzigd');

	await otherPage.goto('/leren');
	await expect(otherPage).toHaveURL(/\/aanmelden/);
	await other.close();

	await page.goto(link);
	await expect(page.getByRole('status')).toContainText('Deze link werkt niet meer');

	await signIn(page, email, newPassword);
	await expect(page).toHaveURL(/\/leren$/);
});

test('a reset request for an unknown address looks exactly the same', async ({ page }) => {
	await page.goto('/wachtwoord-vergeten');
	await page.getByLabel('E-mailadres').fill(uniqueEmail('onbekend'));
	await page.getByRole('button', { name: 'Stuur de link' }).click();
	await expect(page.getByRole('status')).toContainText(
		'Als er een account bij dit e-mailadres hoort'
	);
});
