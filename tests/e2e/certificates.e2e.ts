import { createLocalJWKSet, jwtVerify, type JSONWebKeySet } from 'jose';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { Locator, Page } from '@playwright/test';
import { demo, expect, expectAccessible, signIn, signOut, test } from './fixtures';

const yasmine = 'yasmine.el.amrani@sint-jans.demo.signaalwijs.be';

async function pdfText(bytes: Buffer): Promise<string> {
	const pdf = await getDocument({ data: new Uint8Array(bytes) }).promise;
	const content = await (await pdf.getPage(1)).getTextContent();
	const text = content.items.map((item) => ('str' in item ? item.str : '')).join('');
	await pdf.destroy();
	return text;
}

/** Lotte's certificates page, signed in; her valid certificate's card and its code. */
async function lotteCertificate(page: Page): Promise<{ card: Locator; code: string }> {
	await signIn(page, demo.teacher);
	await page.goto('/certificaten');
	await expect(page.getByRole('heading', { level: 1, name: 'Mijn certificaten' })).toBeVisible();
	const card = page.getByRole('article', { name: 'Tienerpooiers: wat en hoe' });
	await expect(card.getByText('Geldig', { exact: true })).toBeVisible();
	const code = (await card.locator('.code').textContent())!.trim();
	expect(code).toMatch(/^([A-Z2-9]{4}-){6}[A-Z2-9]{4}$/);
	return { card, code };
}

test('a learner sees her certificate and downloads the PDF', async ({ page }) => {
	const { card, code } = await lotteCertificate(page);
	await expectAccessible(page);

	const [download] = await Promise.all([
		page.waitForEvent('download'),
		card.getByRole('link', { name: /Certificaat als pdf/ }).click()
	]);
	expect(download.suggestedFilename()).toMatch(/\.pdf$/);
	const pdfLink = await card
		.getByRole('link', { name: /Certificaat als pdf/ })
		.getAttribute('href');
	const response = await page.request.get(pdfLink!);
	expect(response.status()).toBe(200);
	expect(response.headers()['content-type']).toBe('application/pdf');
	const text = await pdfText(await response.body());
	expect(text).toContain('Lotte Janssens');
	expect(text).toContain('Tienerpooiers: wat en hoe');
	expect(text).toContain(code);
});

test('a learner opens the public page of her certificate and may show her organisation', async ({
	page
}) => {
	const { card, code } = await lotteCertificate(page);
	await card.getByRole('link', { name: /Openbare controlepagina/ }).click();
	await expect(page).toHaveURL(/\/verifieer\/[a-z2-9]{28}$/);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Certificaat controleren');
	await expect(page.getByText('Dit certificaat is echt en geldig.')).toBeVisible();
	await expect(page.locator('main').getByText('Lotte Janssens', { exact: true })).toBeVisible();
	await expect(page.getByText(code)).toBeVisible();
	const body = await page.locator('main').textContent();
	expect(body).not.toContain('@');
	expect(body).not.toContain('leerkracht@demo');
	expect(body).not.toContain('Sint-Jansschool');
	await expectAccessible(page);
	const verifyUrl = page.url();

	// The learner allows her organisation on the public page; anyone then sees it.
	await page.goto('/certificaten');
	await card.getByRole('button', { name: /Toon mijn organisatie/ }).click();
	await expect(page.getByRole('status')).toContainText('Je organisatie staat nu op');
	await expectAccessible(page);
	await signOut(page);
	await page.goto(verifyUrl);
	await expect(page.getByText('Sint-Jansschool (demo)')).toBeVisible();
	await expect(page.locator('main')).not.toContainText('@');
});

test('the credential is a signed Open Badge that verifies with the published key', async ({
	page
}) => {
	const jwks = await page.request.get('/.well-known/jwks.json');
	expect(jwks.status()).toBe(200);
	const keys = (await jwks.json()) as JSONWebKeySet;
	expect(keys.keys[0]).toMatchObject({ kty: 'OKP', crv: 'Ed25519', alg: 'EdDSA' });
	expect(keys.keys[0]).not.toHaveProperty('d');

	await signIn(page, demo.teacher);
	await page.goto('/certificaten');
	const href = await page
		.getByRole('link', { name: /Open Badge/ })
		.first()
		.getAttribute('href');
	const response = await page.request.get(href!);
	expect(response.status()).toBe(200);
	expect(response.headers()['content-type']).toContain('application/vc+jwt');
	const { payload } = await jwtVerify(await response.text(), createLocalJWKSet(keys));
	expect(payload.type).toEqual(['VerifiableCredential', 'OpenBadgeCredential']);
	expect(JSON.stringify(payload)).toContain('Lotte Janssens');
	expect(JSON.stringify(payload)).not.toContain('@demo.signaalwijs.be');

	const issuer = await page.request.get('/openbadges/issuer');
	expect((await issuer.json()).name).toBe('Signaalwijs');
});

test('a forged or mistyped code gets a clear 404 page; a typed code is found', async ({ page }) => {
	// Five verification pages (four opened, one typed), three axe scans and a sign-in (argon2id):
	// up to 30 s in CI on the 2-core machine, against the default 60 s.
	test.setTimeout(120_000);
	const response = await page.goto('/verifieer/abcdefghijkmnpqrstuvwxyz2345');
	expect(response?.status()).toBe(404);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Certificaat niet gevonden');
	await expect(page.getByText('Er bestaat geen certificaat met deze code.')).toBeVisible();
	await expectAccessible(page);
	expect((await page.goto('/verifieer/1%20OR%201=1'))?.status()).toBe(404);

	await page.goto('/verifieer');
	await expectAccessible(page);
	await page.getByRole('button', { name: 'Controleren' }).click();
	await expect(page.getByRole('alert')).toBeFocused();
	await expectAccessible(page);

	// Read from the paper certificate: upper case with dashes.
	await signIn(page, demo.caregiver);
	await page.goto('/certificaten');
	const code = (await page.locator('.code').first().textContent())!.trim();
	await signOut(page);
	await page.goto('/verifieer');
	await page.getByLabel('Controlecode').fill(code);
	await page.getByRole('button', { name: 'Controleren' }).click();
	await expect(page.getByText('Sam Peeters')).toBeVisible();
	await expect(page.getByText('Verloopt binnenkort')).toBeVisible();
});

test('a certificate close to expiry shows the refresher; nobody reaches another learner’s certificate', async ({
	page
}) => {
	await signIn(page, demo.teacher);
	await page.goto('/certificaten');
	const lotteHref = await page
		.getByRole('link', { name: /Certificaat als pdf/ })
		.first()
		.getAttribute('href');
	await expect(page.getByText(/Opfrissing nodig vóór/)).toHaveCount(0);
	await signOut(page);

	await signIn(page, demo.caregiver);
	await page.goto('/certificaten');
	await expect(
		page.getByRole('heading', { name: /Opfrissing nodig vóór \d+ \w+ \d{4}/ })
	).toBeVisible();
	await expect(page.getByText('Verloopt binnenkort')).toBeVisible();
	await expectAccessible(page);

	for (const path of [
		lotteHref!,
		lotteHref!.replace('/pdf', '/openbadge'),
		'/certificaten/99999999/pdf',
		'/certificaten/-1/pdf',
		'/certificaten/1.0/openbadge'
	]) {
		const response = await page.request.get(path);
		expect(response.status(), path).toBe(404);
	}
	await signOut(page);
	const anonymous = await page.request.get(lotteHref!, { maxRedirects: 0 });
	expect(anonymous.status()).toBe(303);
});

test('an admin revokes a certificate with a reason and the public page says ingetrokken', async ({
	page
}) => {
	// Three sign-ins (argon2id) and five axe scans in one journey: the revocation is only
	// visible end to end when the same certificate is followed through all three roles.
	test.setTimeout(120_000);
	await signIn(page, yasmine);
	await page.goto('/certificaten');
	const code = (await page.locator('.code').first().textContent())!.trim();
	await signOut(page);

	await signIn(page, demo.admin);
	await page.goto('/admin/certificaten');
	await expectAccessible(page);
	await page.getByLabel('Controlecode').fill('ONBE-KEND0');
	await page.getByRole('button', { name: 'Zoeken' }).click();
	await expect(page.getByText('Er is geen certificaat met deze code.')).toBeVisible();
	await page.getByLabel('Controlecode').fill(code);
	await page.getByRole('button', { name: 'Zoeken' }).click();
	await expect(page.getByText('Yasmine El Amrani')).toBeVisible();
	await expectAccessible(page);
	await page.getByRole('button', { name: 'Certificaat intrekken' }).click();
	await expect(page.getByRole('alert')).toContainText('Vul een reden in');
	await expectAccessible(page);
	await page.getByLabel('Reden van intrekking').fill('Uitgereikt aan de verkeerde persoon');
	await page.getByRole('button', { name: 'Certificaat intrekken' }).click();
	await expect(page.getByRole('status')).toContainText('Het certificaat is ingetrokken');
	await expectAccessible(page);
	await signOut(page);

	await page.goto(`/verifieer/${code.replace(/-/g, '').toLowerCase()}`);
	await expect(page.getByText('Dit certificaat is ingetrokken')).toBeVisible();
	await expect(page.getByText('Ingetrokken', { exact: true })).toBeVisible();
	await expectAccessible(page);

	// A learner cannot reach the admin page.
	await signIn(page, yasmine);
	await page.goto('/certificaten');
	await expect(page.getByText('Ingetrokken', { exact: true })).toBeVisible();
	await expect(page.getByRole('link', { name: /Certificaat als pdf/ })).toHaveCount(0);
	const response = await page.goto('/admin/certificaten');
	expect(response?.status()).toBe(403);
});
