import { generateHOTP } from '@oslojs/otp';
import { decodeBase32IgnorePadding } from '@oslojs/encoding';
import type { Page } from '@playwright/test';
import {
	demo,
	expect,
	expectAccessible,
	linkFrom,
	signIn,
	signOut,
	test,
	uniqueEmail,
	waitForMail
} from './fixtures';

/** The TOTP an authenticator app would show, `steps` periods from now. */
function totp(secret: string, steps = 0): string {
	const key = decodeBase32IgnorePadding(secret.replace(/\s/g, ''));
	return generateHOTP(key, BigInt(Math.floor(Date.now() / 30_000) + steps), 6);
}

async function passwordStep(page: Page, email: string, password: string): Promise<void> {
	await page.goto('/aanmelden');
	await page.getByLabel('E-mailadres').fill(email);
	await page.getByLabel('Wachtwoord', { exact: true }).fill(password);
	await page.getByRole('button', { name: 'Aanmelden', exact: true }).click();
	await expect(page).toHaveURL(/\/aanmelden\/code/);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Code invullen');
}

test('a trainer enrols in two-factor and then signs in with password and code', async ({
	page
}) => {
	test.slow();
	// An admin invites a new trainer (the demo accounts stay without two-factor).
	const email = uniqueEmail('trainer-2fa');
	const password = 'mijn telefoon ligt naast het toetsenbord';
	await signIn(page, demo.admin);
	await page.goto('/admin/uitnodigingen');
	await page.getByLabel('Organisatie').selectOption({ label: 'Sint-Jansschool (demo)' });
	await page.getByLabel('E-mailadres').fill(email);
	await page.getByLabel('Rol').selectOption('trainer');
	const sentAt = Date.now();
	await page.getByRole('button', { name: 'Uitnodiging versturen' }).click();
	await expect(page.getByRole('status')).toContainText(`De uitnodiging voor ${email}`);
	await signOut(page);
	const link = linkFrom(await waitForMail(email, /uitnodiging/, sentAt - 1000), '/uitnodiging');
	await page.goto(link);
	await page.getByLabel('Naam').fill('Tine Tweestap');
	await page.getByLabel('Wachtwoord', { exact: true }).fill(password);
	await page.getByLabel('Herhaal het wachtwoord').fill(password);
	await page.getByRole('button', { name: 'Account activeren' }).click();
	await expect(page).toHaveURL(/melding=account-klaar/);

	// Enrol: QR code plus the key as text; a wrong code is refused, the right one turns it on.
	await signIn(page, email, password);
	await expect(page).toHaveURL(/\/auteur$/);
	await page.goto('/profiel');
	await expect(page.getByText('Tweestapsverificatie staat uit.')).toBeVisible();
	await page.getByRole('link', { name: 'Tweestapsverificatie instellen' }).click();
	await expect(page.getByRole('img', { name: /QR-code/ })).toBeVisible();
	await expectAccessible(page);
	const secret = (await page.getByTestId('totp-secret').innerText()).trim();
	expect(secret.replace(/\s/g, '')).toMatch(/^[A-Z2-7]{32}$/);
	await page.getByLabel('Code van 6 cijfers').fill('000000');
	await page.getByRole('button', { name: 'Tweestapsverificatie aanzetten' }).click();
	await expect(page.getByRole('alert')).toContainText('Deze code klopt niet');
	await expectAccessible(page);
	await page.getByLabel('Code van 6 cijfers').fill(totp(secret));
	await page.getByRole('button', { name: 'Tweestapsverificatie aanzetten' }).click();
	await expect(page.getByRole('status')).toContainText('Tweestapsverificatie staat nu aan.');
	const codes = await page.locator('.codes code').allInnerTexts();
	expect(codes).toHaveLength(10);
	await expectAccessible(page);
	await signOut(page);

	// Password alone is not enough: the area stays closed until the code is given.
	await passwordStep(page, email, password);
	await expectAccessible(page);
	const area = await page.goto('/auteur');
	await expect(page).toHaveURL(/\/aanmelden\/code/);
	expect(area?.status()).toBe(200);
	await page.getByLabel('Code van 6 cijfers').fill('000000');
	await page.getByRole('button', { name: 'Bevestigen' }).click();
	await expect(page.getByRole('alert')).toContainText('Deze code klopt niet');
	await expectAccessible(page);
	// The enrolment used the current time step; the next one is accepted (one step of drift).
	await page.getByLabel('Code van 6 cijfers').fill(totp(secret, 1));
	await page.getByRole('button', { name: 'Bevestigen' }).click();
	await expect(page).toHaveURL(/\/auteur$/);
	await expect(page.getByText('Aangemeld als Tine Tweestap')).toBeVisible();
	await signOut(page);

	// A recovery code works once.
	await passwordStep(page, email, password);
	await page.getByLabel('Herstelcode').fill(codes[0]);
	await page.getByRole('button', { name: 'Aanmelden met herstelcode' }).click();
	await expect(page).toHaveURL(/\/auteur$/);
	await signOut(page);
	await passwordStep(page, email, password);
	await page.getByLabel('Herstelcode').fill(codes[0]);
	await page.getByRole('button', { name: 'Aanmelden met herstelcode' }).click();
	await expect(page.getByRole('alert')).toContainText('Deze herstelcode klopt niet');
	await expectAccessible(page);
	await page.getByRole('button', { name: 'Aanmelden annuleren' }).click();
	await expect(page.getByText('Je bent afgemeld.')).toBeVisible();
});
