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

test('a manager invites a teacher, who sets name and password and starts learning', async ({
	page
}) => {
	// A manager's sign-in, a mailed invitation through the SMTP sink and the teacher's first
	// steps: 29 s in CI on the 2-core machine, against the default 60 s.
	test.setTimeout(120_000);
	const email = uniqueEmail('uitnodiging');
	await signIn(page, demo.manager);
	const sentAt = await inviteLearner(page, email);
	await expect(page.getByRole('cell', { name: email, exact: true })).toBeVisible();
	await expectAccessible(page);
	await signOut(page);

	const mail = await waitForMail(email, /uitnodiging/, sentAt - 1000);
	expect(mail.subject).toContain('Sint-Jansschool (demo)');
	const link = linkFrom(mail, '/uitnodiging');
	await page.goto(link);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Uitnodiging aanvaarden');
	await expect(page.getByText('Sint-Jansschool (demo)')).toBeVisible();
	await expectAccessible(page);
	await page.getByLabel('Naam').fill('Jana Uitgenodigd');
	await page.getByLabel('Wachtwoord', { exact: true }).fill('de zon schijnt op het schoolplein');
	await page.getByLabel('Herhaal het wachtwoord').fill('de zon schijnt op het schoolplein');
	await page.getByRole('button', { name: 'Account activeren' }).click();
	await expect(page).toHaveURL(/melding=account-klaar/);

	await signIn(page, email, 'de zon schijnt op het schoolplein');
	await expect(page).toHaveURL(/\/leren$/);
	await expect(page.getByText('Aangemeld als Jana Uitgenodigd')).toBeVisible();
	await signOut(page);

	// The link works once: afterwards it explains, in Dutch, why it no longer works.
	await page.goto(link);
	await expect(page.getByRole('status')).toContainText('Deze uitnodiging werkt niet meer');
	await expectAccessible(page);

	// The manager sees the invitation as accepted.
	await signIn(page, demo.manager);
	await page.goto('/beheer/uitnodigingen');
	await expect(page.getByRole('row', { name: new RegExp(email) })).toContainText('aanvaard');
});

test('an invalid invitation form shows errors next to the fields and loses nothing', async ({
	page
}) => {
	await signIn(page, demo.manager);
	await page.goto('/beheer/uitnodigingen');
	await page.getByLabel('E-mailadres').fill('geen-adres');
	await page.getByLabel('Naam (niet verplicht)').fill('Bart');
	await page.getByRole('button', { name: 'Uitnodiging versturen' }).click();
	await expect(page.getByRole('alert')).toContainText('geldig e-mailadres');
	await expect(page.getByLabel('Naam (niet verplicht)')).toHaveValue('Bart');
	await expectAccessible(page);
});

test('an unknown invitation link gets a clear message', async ({ page }) => {
	await page.goto('/uitnodiging/abcdefghijkmnpqrstuvwxyz23456789');
	await expect(page.getByRole('status')).toContainText('Deze uitnodiging werkt niet meer');
	await expectAccessible(page);
});
