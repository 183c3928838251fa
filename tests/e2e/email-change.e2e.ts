import Database from 'better-sqlite3';
import {
	expect,
	expectAccessible,
	linkFrom,
	signedInLearner,
	signIn,
	signOut,
	test,
	uniqueEmail,
	waitForMail
} from './fixtures';

/** As if the password was last typed 11 minutes ago: the session is out of sudo mode. */
function endSudoMode(database: string, email: string): void {
	const db = new Database(database);
	try {
		const changed = db
			.prepare(
				'update session set reauthenticated_at = ? where user_id = (select id from user where email = ?)'
			)
			.run(Date.now() - 11 * 60 * 1000, email).changes;
		expect(changed).toBeGreaterThan(0);
	} finally {
		db.close();
	}
}

test('changing the e-mail address asks for the password again, then goes through', async ({
	page,
	e2eServer
}) => {
	test.slow();
	const { email, password } = await signedInLearner(page, {
		name: 'Emma Adres',
		emailPrefix: 'adres',
		password: 'mijn postbus is verhuisd naar elders',
		audience: 'Leerkracht'
	});
	endSudoMode(e2eServer.database, email);

	// Out of sudo mode: the e-mail page sends the person to confirm their password first.
	await page.goto('/profiel');
	await page.getByRole('link', { name: 'E-mailadres wijzigen' }).click();
	await expect(page).toHaveURL(/\/profiel\/bevestigen\?terug=%2Fprofiel%2Fe-mailadres$/);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Bevestig dat jij het bent');
	await expectAccessible(page);
	await page.getByLabel('Je wachtwoord').fill('niet het juiste wachtwoord');
	await page.getByRole('button', { name: 'Bevestigen en verdergaan' }).click();
	await expect(page.getByRole('alert')).toContainText('Je wachtwoord klopt niet.');
	await expectAccessible(page);
	await page.getByLabel('Je wachtwoord').fill(password);
	await page.getByRole('button', { name: 'Bevestigen en verdergaan' }).click();

	// Back where they were: the new address gets a link; nothing changes before it is opened.
	await expect(page).toHaveURL(/\/profiel\/e-mailadres$/);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Mijn e-mailadres wijzigen');
	await expectAccessible(page);
	const newEmail = uniqueEmail('verhuisd');
	const sentAt = Date.now();
	await page.getByLabel('Nieuw e-mailadres').fill(newEmail);
	await page.getByRole('button', { name: 'Link naar het nieuwe adres sturen' }).click();
	await expect(page.getByRole('status')).toContainText(newEmail);
	await waitForMail(email, /wijzigen naar/, sentAt - 1000);
	const mail = await waitForMail(newEmail, /profiel\/e-mailadres\//, sentAt - 1000);
	await page.goto(linkFrom(mail, '/profiel/e-mailadres'));
	await expectAccessible(page);
	await page.getByRole('button', { name: 'E-mailadres bevestigen' }).click();
	await expect(page.getByRole('status')).toContainText('Je e-mailadres is gewijzigd');

	await page.goto('/profiel');
	await expect(page.getByText(newEmail)).toBeVisible();
	await signOut(page);
	await signIn(page, newEmail, password);
});
