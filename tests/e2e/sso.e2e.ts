// Single sign-on with a real identity provider: oidc-provider runs on a private port as the
// school's provider (SSO_IDP_PORT + worker index; default 4390, away from the e2e servers).
import type { Page } from '@playwright/test';
import {
	demo,
	expect,
	expectAccessible,
	signIn,
	signOut,
	test,
	waitForMail,
	linkFrom
} from './fixtures';
import { startTestProvider, type TestProvider } from '../support/oidc-test-provider';

const idpBasePort = Number(process.env.SSO_IDP_PORT ?? 4390);
const school = 'Sint-Jansschool (demo)';

const ssoTest = test.extend<object, { idp: TestProvider }>({
	idp: [
		async ({ e2eServer }, use, workerInfo) => {
			const idp = await startTestProvider({
				port: idpBasePort + workerInfo.parallelIndex,
				appOrigin: e2eServer.origin,
				clientId: 'nieuw',
				extraClientIds: ['koppelen', 'weigeren']
			});
			try {
				await use(idp);
			} finally {
				await idp.close();
			}
		},
		{ scope: 'worker' }
	]
});

function uniqueDomain(prefix: string): string {
	return `${prefix}-${Date.now()}-${Math.floor(Math.random() * 1e4)}.test`;
}

/** The platform admin registers the test provider for the demo school through the admin form. */
async function registerProvider(page: Page, idp: TestProvider, clientId: string, domain: string) {
	await signIn(page, demo.admin);
	await page.goto('/admin/organisaties');
	await page.getByRole('link', { name: `Aanmelden met eigen account voor ${school}` }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(
		`Aanmelden met eigen account: ${school}`
	);
	await expectAccessible(page);
	await page.getByRole('button', { name: 'Aanmeldpagina toevoegen' }).click();
	await expect(page.getByRole('alert')).toContainText('Vul een naam in die mensen herkennen');
	await page.getByLabel('Naam die mensen herkennen').fill(`Microsoft 365 van ${domain}`);
	await page.getByLabel('Adres van de uitgever (issuer)').fill(idp.issuer);
	await page.getByLabel('Client-ID').fill(clientId);
	await page.getByLabel('Clientgeheim').fill(idp.clientSecret);
	await page.getByLabel('E-maildomeinen').fill(domain);
	await page.getByRole('button', { name: 'Aanmeldpagina toevoegen' }).click();
	await expect(page.getByRole('status')).toContainText('is toegevoegd');
	// The secret is never shown back.
	await expect(page.locator('main')).not.toContainText(idp.clientSecret);
	await page.getByRole('button', { name: `Microsoft 365 van ${domain} testen` }).click();
	await expect(page.getByRole('status')).toContainText('werkt');
	await expectAccessible(page);
	await signOut(page);
}

/** E-mail first on /aanmelden, then the provider's own sign-in page (any password there). */
async function signInAtProvider(page: Page, email: string, loginAtProvider = email) {
	await page.goto('/aanmelden');
	await page.getByLabel('E-mailadres').fill(email);
	await page.getByRole('button', { name: 'Aanmelden' }).click();
	await expect(page).toHaveURL(/127\.0\.0\.1:\d+\/interaction\//);
	await page.locator('input[name="login"]').fill(loginAtProvider);
	await page.locator('input[name="password"]').fill('wachtwoord bij de school');
	await page.getByRole('button', { name: 'Sign-in' }).click();
}

ssoTest(
	'a new teacher signs in with the school account, picks leerkracht once and lands in the school',
	async ({ page, idp }) => {
		// A real OpenID Provider's sign-in and consent pages, then ours: 31 s in CI on the 2-core
		// machine, against the default 60 s.
		ssoTest.setTimeout(120_000);
		const domain = uniqueDomain('sint-jans');
		await registerProvider(page, idp, 'nieuw', domain);

		await page.goto('/aanmelden');
		await expectAccessible(page);
		await signInAtProvider(page, `an.peeters@${domain}`);
		await expect(page).toHaveURL(/\/aanmelden\/sso\/\d+\/welkom$/);
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Welkom bij Signaalwijs');
		await expect(page.getByText(`je account van ${school}`)).toBeVisible();
		await expectAccessible(page);
		await page.getByRole('button', { name: 'Verder' }).click();
		await expect(page.getByRole('alert').first()).toBeVisible();
		await page.getByLabel('Leerkracht').check();
		await page.getByRole('button', { name: 'Verder' }).click();
		await expect(page).toHaveURL(/\/leren$/);
		await expect(page.getByText(/Aangemeld als/)).toBeVisible();

		await page.goto('/profiel');
		await expect(page.getByText(`${school}: deelnemer (leerkracht)`)).toBeVisible();
		await expect(page.getByText(`Microsoft 365 van ${domain} (${school})`)).toBeVisible();
		// An account made by the school sign-in has no password here: no form asking for it.
		await expect(page.getByText('Je hebt bij Signaalwijs geen eigen wachtwoord')).toBeVisible();
		await expect(page.getByLabel('Huidig wachtwoord')).toHaveCount(0);
		await expectAccessible(page);

		// The choice is made once: the next sign-in goes straight to /leren (the provider still
		// knows the person, so it does not ask again either).
		await signOut(page);
		await page.goto('/aanmelden');
		await page.getByLabel('E-mailadres').fill(`an.peeters@${domain}`);
		await page.getByRole('button', { name: 'Aanmelden' }).click();
		await expect(page).toHaveURL(/\/leren$/);
		await expect(page.getByText(/Aangemeld als An Peeters/)).toBeVisible();
	}
);

ssoTest(
	'an existing account is linked on its first school sign-in; an admin sees and removes the link',
	async ({ page, idp }) => {
		// Two sign-ins (the provider's and an admin's) and the admin's account page: 32 s in CI on
		// the 2-core machine, against the default 60 s.
		ssoTest.setTimeout(120_000);
		const domain = uniqueDomain('koppel');
		const email = `bestaand@${domain}`;
		await page.goto('/registreren');
		await page.getByLabel('Naam').fill('Bert Bestaand');
		await page.getByLabel('E-mailadres').fill(email);
		await page.getByLabel('Wachtwoord').fill('een lange zin als wachtwoord');
		const registered = Date.now();
		await page.getByRole('button', { name: 'Account maken' }).click();
		await expect(page).toHaveURL(/melding=geregistreerd/);
		const mail = await waitForMail(email, /registreren\//, registered - 1000);
		await page.goto(linkFrom(mail, '/registreren'));
		await page.getByRole('button', { name: 'Account bevestigen' }).click();
		await expect(page).toHaveURL(/melding=bevestigd/);

		await registerProvider(page, idp, 'koppelen', domain);
		await signInAtProvider(page, email);
		await expect(page).toHaveURL(/\/leren$/);
		await page.goto('/profiel');
		await expect(page.getByText('Bert Bestaand', { exact: true })).toBeVisible();
		await expect(page.getByText(`Microsoft 365 van ${domain} (${school})`)).toBeVisible();
		// A linked account keeps its own password, and the form to change it.
		await expect(page.getByLabel('Huidig wachtwoord')).toBeVisible();
		await signOut(page);

		await signIn(page, demo.admin);
		await page.goto('/admin/accounts');
		await page.getByLabel('Zoek op naam of e-mailadres').fill(email);
		await page.getByRole('button', { name: 'Zoeken' }).click();
		await page.getByRole('link', { name: 'Bert Bestaand' }).click();
		await expect(page.getByText(`Microsoft 365 van ${domain} (${school})`)).toBeVisible();
		await expectAccessible(page);
		await page
			.getByRole('button', { name: `Koppeling met Microsoft 365 van ${domain} verwijderen` })
			.click();
		await expect(page.getByRole('status')).toContainText('De koppeling is verwijderd.');
		await expect(
			page.getByText('Geen koppeling met de account van een organisatie.')
		).toBeVisible();
	}
);

ssoTest(
	'an address the provider does not vouch for is refused calmly, without account or session',
	async ({ page, idp }) => {
		const domain = uniqueDomain('weiger');
		await registerProvider(page, idp, 'weigeren', domain);
		// The provider answers for someone else's address (another domain) than the one typed.
		await signInAtProvider(page, `iemand@${domain}`, 'iemand@elders.test');
		await expect(page).toHaveURL(/\/aanmelden\/sso\/\d+\/terug/);
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Aanmelden lukte niet');
		await expect(page.getByRole('alert')).toContainText('hoort niet bij de organisatie');
		await expectAccessible(page);
		await expect(page.getByText(/Aangemeld als/)).toHaveCount(0);
		await page.goto('/leren');
		await expect(page).toHaveURL(/\/aanmelden/);
	}
);
