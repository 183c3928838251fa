import {
	demo,
	demoPassword,
	expect,
	expectAccessible,
	linkFrom,
	registerLearner,
	signIn,
	signOut,
	test,
	uniqueEmail,
	waitForMail
} from './fixtures';

test('the public start page says what Signaalwijs is and shows the help line', async ({ page }) => {
	await page.goto('/');
	await expect(page.getByRole('heading', { level: 1 })).toContainText('tienerpooiers');
	await expect(page.getByRole('link', { name: '116 000' })).toBeVisible();
	await expect(page.getByRole('link', { name: 'Aanmelden' }).first()).toBeVisible();
	await expectAccessible(page);
	await page.goto('/toegankelijkheid');
	await expectAccessible(page);
	await page.goto('/privacy');
	await expectAccessible(page);
});

test('register, sign in and sign out', async ({ page }) => {
	const email = uniqueEmail('registratie');
	const password = 'mijn eerste lange wachtwoord';
	await page.goto('/registreren');
	await expectAccessible(page);
	await page.getByLabel('Naam').fill('Ruben Testers');
	await page.getByLabel('E-mailadres').fill(email);
	await page.getByLabel('Wachtwoord').fill('kort');
	await page.getByRole('button', { name: 'Account maken' }).click();
	await expect(page.getByRole('alert')).toContainText('minstens 12 tekens');
	await expect(page.getByRole('alert')).toBeFocused();
	await expect(page.getByLabel('E-mailadres')).toHaveValue(email);
	await expectAccessible(page);

	await page.getByLabel('Wachtwoord').fill(password);
	await page.getByLabel('Hulpverlener').check();
	await page.getByRole('button', { name: 'Account maken' }).click();
	await expect(page).toHaveURL(/\/aanmelden\?melding=geregistreerd/);
	await expect(page.getByRole('status')).toContainText('Je registratie is ontvangen');
	await expectAccessible(page);

	// The account exists only once the mailed link is opened.
	const mail = await waitForMail(email, /registreren\//);
	await page.goto(linkFrom(mail, '/registreren'));
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('E-mailadres bevestigen');
	await expectAccessible(page);
	await page.getByRole('button', { name: 'Account bevestigen' }).click();
	await expect(page).toHaveURL(/\/aanmelden\?melding=bevestigd/);
	await expect(page.getByRole('status')).toContainText('Je e-mailadres is bevestigd');

	await page.getByLabel('E-mailadres').fill(email);
	await page.getByLabel('Wachtwoord', { exact: true }).fill(password);
	await page.getByRole('button', { name: 'Aanmelden' }).click();
	await expect(page).toHaveURL(/\/leren$/);
	await expect(page.getByText('Aangemeld als Ruben Testers')).toBeVisible();
	await expectAccessible(page);

	await signOut(page);
	await page.goto('/leren');
	await expect(page).toHaveURL(/\/aanmelden\?redirectTo=%2Fleren/);
});

test('a wrong password gets one calm message that does not say whether the account exists', async ({
	page
}) => {
	await page.goto('/aanmelden');
	await page.getByLabel('E-mailadres').fill(demo.teacher);
	await page.getByLabel('Wachtwoord', { exact: true }).fill('niet het juiste wachtwoord');
	await page.getByRole('button', { name: 'Aanmelden' }).click();
	const known = await page.getByRole('alert').innerText();
	await expectAccessible(page);
	await page.getByLabel('E-mailadres').fill('bestaat-niet@demo.signaalwijs.be');
	await page.getByLabel('Wachtwoord', { exact: true }).fill('niet het juiste wachtwoord');
	await page.getByRole('button', { name: 'Aanmelden' }).click();
	await expect(page.getByRole('alert')).toHaveText(known);
	expect(known).toContain('klopt niet');
});

const areas = [
	{ email: demo.teacher, home: '/leren', heading: 'Mijn leeroverzicht' },
	{ email: demo.caregiver, home: '/leren', heading: 'Mijn leeroverzicht' },
	{ email: demo.trainer, home: '/auteur', heading: 'Auteursomgeving' },
	{ email: demo.manager, home: '/beheer', heading: 'Beheer van Sint-Jansschool (demo)' },
	{ email: demo.horizonManager, home: '/beheer', heading: 'Beheer van Jeugdhulp Horizon (demo)' },
	{ email: demo.admin, home: '/admin', heading: 'Platformbeheer' }
];

for (const account of areas) {
	test(`${account.email} reaches ${account.home} and no other area`, async ({ page }) => {
		await signIn(page, account.email);
		await expect(page).toHaveURL(new RegExp(`${account.home}$`));
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(account.heading);
		await expectAccessible(page);
		for (const other of ['/leren', '/beheer', '/auteur', '/admin']) {
			if (other === account.home) continue;
			const response = await page.goto(other);
			expect(response?.status(), other).toBe(403);
			await expect(page.getByRole('heading', { level: 1 })).toHaveText('Geen toegang');
		}
		await expectAccessible(page);
		const profile = await page.goto('/profiel');
		expect(profile?.status()).toBe(200);
	});
}

test('an anonymous visitor is sent to sign in and brought back afterwards', async ({ page }) => {
	await page.goto('/beheer');
	await expect(page).toHaveURL(/\/aanmelden\?redirectTo=%2Fbeheer$/);
	await page.getByLabel('E-mailadres').fill(demo.manager);
	await page.getByLabel('Wachtwoord', { exact: true }).fill(demoPassword);
	await page.getByRole('button', { name: 'Aanmelden' }).click();
	await expect(page).toHaveURL(/\/beheer$/);
});

test('redirectTo never leaves the site', async ({ page }) => {
	for (const target of [
		'//evil.example',
		'/\\evil.example',
		'javascript:alert(1)',
		'https://evil.example'
	]) {
		await page.context().clearCookies();
		await page.goto(`/aanmelden?redirectTo=${encodeURIComponent(target)}`);
		await page.getByLabel('E-mailadres').fill(demo.teacher);
		await page.getByLabel('Wachtwoord', { exact: true }).fill(demoPassword);
		await page.getByRole('button', { name: 'Aanmelden' }).click();
		await expect(page).toHaveURL(/^http:\/\/127\.0\.0\.1:\d+\/leren$/);
	}
});

test('sign in with the keyboard only', async ({ page }) => {
	await page.goto('/aanmelden');
	await page.keyboard.press('Tab');
	await expect(page.getByRole('link', { name: 'Naar de inhoud' })).toBeFocused();
	await page.keyboard.press('Enter');
	// From the main content: Tab to the e-mail field, type, Tab to the password, type, Enter.
	await page.keyboard.press('Tab');
	await expect(page.getByLabel('E-mailadres')).toBeFocused();
	await page.keyboard.type(demo.caregiver);
	await page.keyboard.press('Tab');
	await expect(page.getByLabel('Wachtwoord', { exact: true })).toBeFocused();
	await page.keyboard.type(demoPassword);
	await page.keyboard.press('Enter');
	await expect(page).toHaveURL(/\/leren$/);
	await expect(page.getByText('Aangemeld als Sam Peeters')).toBeVisible();
});

test('repeated wrong passwords get 429, and a forged X-Forwarded-For does not help', async ({
	request,
	baseURL
}) => {
	const email = uniqueEmail('throttle');
	const statuses: number[] = [];
	for (let i = 0; i < 8; i++) {
		const response = await request.post('/aanmelden', {
			form: { email, password: 'fout wachtwoord nummer ' + i },
			headers: {
				origin: baseURL!,
				'x-forwarded-for': `203.0.113.${i}`,
				accept: 'text/html'
			}
		});
		statuses.push(response.status());
	}
	expect(statuses.slice(0, 5)).toEqual([400, 400, 400, 400, 400]);
	expect(statuses.at(-1)).toBe(429);
});

test('a cross-site form POST is refused', async ({ request }) => {
	for (const headers of [
		{ origin: 'https://evil.example', 'content-type': 'application/x-www-form-urlencoded' },
		{ origin: 'null', 'content-type': 'application/x-www-form-urlencoded' },
		{ origin: 'https://evil.example', 'content-type': 'text/plain' }
	]) {
		const response = await request.post('/aanmelden', {
			data: `email=${encodeURIComponent(demo.teacher)}&password=${encodeURIComponent(demoPassword)}`,
			headers
		});
		expect(response.status()).toBe(403);
		expect(response.headers()['set-cookie'] ?? '').not.toContain('session=');
	}
	const multipart = await request.post('/afmelden', {
		multipart: { x: '1' },
		headers: { origin: 'https://evil.example' }
	});
	expect(multipart.status()).toBe(403);
});

test('without JavaScript, the links in mails still confirm an account and reset a password', async ({
	browser,
	baseURL
}) => {
	// The pages behind those links send no Referer (their URL holds a token), so the browser posts
	// their forms with `Origin: null`; the cross-site check must still know them as our own.
	const context = await browser.newContext({ baseURL, javaScriptEnabled: false });
	const page = await context.newPage();
	// registerLearner confirms through the mailed link: without scripts, on a no-referrer page.
	const { email } = await registerLearner(page, {
		name: 'Zonder Scripts',
		emailPrefix: 'zonder-js'
	});

	const requested = Date.now();
	await page.goto('/wachtwoord-vergeten');
	await page.getByLabel('E-mailadres').fill(email);
	await page.getByRole('button', { name: 'Stuur de link' }).click();
	const reset = await waitForMail(email, /wachtwoord-vergeten\//, requested - 1000);
	await page.goto(linkFrom(reset, '/wachtwoord-vergeten'));
	await page.getByLabel('Nieuw wachtwoord').fill('een nieuwe lange zin als wachtwoord');
	await page.getByLabel('Herhaal het wachtwoord').fill('een nieuwe lange zin als wachtwoord');
	await page.getByRole('button', { name: 'Wachtwoord opslaan' }).click();
	await expect(page.getByRole('status')).toContainText('Je wachtwoord is gewijzigd');
	await page.goto('/aanmelden');
	await page.getByLabel('E-mailadres').fill(email);
	await page.getByLabel('Wachtwoord', { exact: true }).fill('een nieuwe lange zin als wachtwoord');
	await page.getByRole('button', { name: 'Aanmelden' }).click();
	await expect(page.getByText(/Aangemeld als Zonder Scripts/)).toBeVisible();
	await context.close();
});

test('sign-out works only with POST', async ({ request }) => {
	const response = await request.get('/afmelden', { maxRedirects: 0 });
	expect(response.status()).toBe(405);
});

test('/healthz answers ok and responses carry security headers', async ({ request }) => {
	const health = await request.get('/healthz');
	expect(health.status()).toBe(200);
	expect(await health.json()).toEqual({ status: 'ok' });
	const page = await request.get('/');
	const headers = page.headers();
	expect(headers['content-security-policy']).toContain("frame-ancestors 'none'");
	expect(headers['content-security-policy']).toContain("object-src 'none'");
	expect(headers['x-content-type-options']).toBe('nosniff');
	expect(headers['x-request-id']).toBeTruthy();
	const missing = await request.get('/bestaat-niet');
	expect(missing.status()).toBe(404);
	expect(await missing.text()).not.toMatch(/at .*\.js:\d+/);
	// Static files are served before hooks.server.ts; server.js still gives them the headers.
	const asset = (await page.text()).match(/\/_app\/immutable\/[^"']+\.js/)?.[0];
	expect(asset).toBeTruthy();
	for (const url of [asset!, '/favicon.svg']) {
		const file = await request.get(url);
		expect(file.status(), url).toBe(200);
		expect(file.headers()['x-content-type-options'], url).toBe('nosniff');
		expect(file.headers()['referrer-policy'], url).toBeTruthy();
	}
});
