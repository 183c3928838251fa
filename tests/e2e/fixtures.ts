// Shared helpers for the end-to-end specs: the per-worker server, accessibility checks, signing
// in, reading mail.
import { AxeBuilder } from '@axe-core/playwright';
import { expect, test as base, type Page } from '@playwright/test';
import { startE2eServer, type E2eServer } from '../support/e2e-server';
import type { SunkMail } from '../support/smtp-sink';

export const demoPassword = 'Signaalwijs-demo-2026';

export const demo = {
	teacher: 'leerkracht@demo.signaalwijs.be',
	newTeacher: 'nieuw@demo.signaalwijs.be',
	caregiver: 'hulpverlener@demo.signaalwijs.be',
	trainer: 'trainer@demo.signaalwijs.be',
	manager: 'manager@demo.signaalwijs.be',
	horizonManager: 'manager@horizon.demo.signaalwijs.be',
	admin: 'admin@demo.signaalwijs.be'
} as const;

/** The first worker's port; worker n listens on E2E_PORT + n. */
const basePort = Number(process.env.E2E_PORT ?? 4173);

// The running worker's server. A worker runs one test at a time, so its mail helpers may find
// the sink here instead of every caller passing it along.
let current: E2eServer | undefined;

/** Zero axe-core violations (WCAG 2.0-2.2 A and AA), one h1, a title and lang="nl-BE". */
export async function expectAccessible(page: Page): Promise<void> {
	await expect(page.locator('html')).toHaveAttribute('lang', 'nl-BE');
	await expect(page.locator('h1')).toHaveCount(1);
	expect((await page.title()).trim().length).toBeGreaterThan(0);
	const results = await new AxeBuilder({ page })
		.withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
		.analyze();
	const summary = results.violations.map(
		(v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`
	);
	expect(summary, `axe-core violations on ${page.url()}`).toEqual([]);
}

export async function signIn(page: Page, email: string, password = demoPassword): Promise<void> {
	await page.goto('/aanmelden');
	await page.getByLabel('E-mailadres').fill(email);
	await page.getByLabel('Wachtwoord', { exact: true }).fill(password);
	await page.getByRole('button', { name: 'Aanmelden' }).click();
	await expect(page.getByText(/Aangemeld als/)).toBeVisible();
}

export async function signOut(page: Page): Promise<void> {
	await page.getByRole('button', { name: 'Afmelden' }).click();
	await expect(page.getByText('Je bent afgemeld.')).toBeVisible();
}

type Mail = SunkMail;

/** Waits for a mail to `to` (received through the real SMTP exchange) that matches `pattern`. */
export async function waitForMail(to: string, pattern: RegExp, after = 0): Promise<Mail> {
	let found: Mail | undefined;
	await expect
		.poll(
			async () => {
				if (!current) throw new Error('waitForMail needs the worker server fixture');
				const mails = current.mail.mailsTo(to);
				found = mails.filter((m) => m.at >= after && pattern.test(m.text)).at(-1);
				return !!found;
			},
			{ timeout: 15_000 }
		)
		.toBe(true);
	return found!;
}

export function linkFrom(mail: Mail, path: string): string {
	const match = mail.text.match(new RegExp(`https?://[^\\s]+(${path}/[a-z0-9]+)`));
	expect(match, mail.text).not.toBeNull();
	return match![1];
}

export function uniqueEmail(prefix: string): string {
	return `${prefix}-${Date.now()}-${Math.floor(Math.random() * 1e6)}@test.signaalwijs.be`;
}

export interface NewLearner {
	name: string;
	email: string;
	password: string;
}

/**
 * A learner of the test's own, registered through the public form (auth.e2e.ts tests the form
 * itself), so a test that changes an account never touches a demo account another test reads.
 * Without an audience the form's default is kept.
 */
export async function registerLearner(
	page: Page,
	input: {
		name: string;
		emailPrefix: string;
		password?: string;
		audience?: 'Leerkracht' | 'Hulpverlener';
	}
): Promise<NewLearner> {
	const learner = {
		name: input.name,
		email: uniqueEmail(input.emailPrefix),
		password: input.password ?? 'een lange zin als wachtwoord'
	};
	await page.goto('/registreren');
	await page.getByLabel('Naam').fill(learner.name);
	await page.getByLabel('E-mailadres').fill(learner.email);
	await page.getByLabel('Wachtwoord').fill(learner.password);
	if (input.audience) await page.getByLabel(input.audience).check();
	const registered = Date.now();
	await page.getByRole('button', { name: 'Account maken' }).click();
	await expect(page).toHaveURL(/melding=geregistreerd/);
	await confirmRegistration(page, learner.email, registered);
	return learner;
}

/** Opens the confirmation link mailed after a sign-up and confirms: the account now exists. */
export async function confirmRegistration(page: Page, email: string, after = 0): Promise<void> {
	const mail = await waitForMail(email, /registreren\//, after - 1000);
	await page.goto(linkFrom(mail, '/registreren'));
	await page.getByRole('button', { name: 'Account bevestigen' }).click();
	await expect(page).toHaveURL(/melding=bevestigd/);
}

/**
 * As the signed-in manager of Sint-Jansschool: invites `email` as a learner (a teacher) and
 * returns when, so the caller can wait for that mail.
 */
export async function inviteLearner(page: Page, email: string): Promise<number> {
	await page.goto('/beheer/uitnodigingen');
	await page.getByLabel('E-mailadres').fill(email);
	await page.getByLabel('Rol').selectOption('learner');
	await page.getByLabel('Beroep').selectOption('leerkracht');
	const sentAt = Date.now();
	await page.getByRole('button', { name: 'Uitnodiging versturen' }).click();
	await expect(page.getByRole('status')).toContainText(`De uitnodiging is verstuurd naar ${email}`);
	return sentAt;
}

/** registerLearner, then signed in on `page`. */
export async function signedInLearner(
	page: Page,
	input: Parameters<typeof registerLearner>[1]
): Promise<NewLearner> {
	const learner = await registerLearner(page, input);
	await signIn(page, learner.email, learner.password);
	return learner;
}

/**
 * Every test runs against its worker's own server (own port, database and SMTP sink), started
 * once per worker; `baseURL` points at it, so pages, `request` and new contexts reach it.
 */
export const test = base.extend<object, { e2eServer: E2eServer }>({
	e2eServer: [
		// Playwright reads a fixture's dependencies from this pattern; this one has none.
		// eslint-disable-next-line no-empty-pattern
		async ({}, use, workerInfo) => {
			const server = await startE2eServer(
				workerInfo.parallelIndex,
				basePort + workerInfo.parallelIndex
			);
			current = server;
			try {
				await use(server);
			} finally {
				current = undefined;
				await server.stop();
			}
		},
		{ scope: 'worker', auto: true, timeout: 180_000 }
	],
	baseURL: async ({ e2eServer }, use) => use(e2eServer.origin)
});
export { expect };
