// Shared helpers for the end-to-end specs: accessibility checks, signing in, reading mail.
import { AxeBuilder } from '@axe-core/playwright';
import { expect, test as base, type Page } from '@playwright/test';

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

const smtpHttp = `http://127.0.0.1:${process.env.SMTP_SINK_HTTP_PORT ?? 2526}`;

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

interface Mail {
	to: string[];
	subject: string;
	text: string;
	at: number;
}

/** Waits for a mail to `to` (received through the real SMTP exchange) that matches `pattern`. */
export async function waitForMail(to: string, pattern: RegExp, after = 0): Promise<Mail> {
	let found: Mail | undefined;
	await expect
		.poll(
			async () => {
				const response = await fetch(`${smtpHttp}/?to=${encodeURIComponent(to)}`);
				const mails = (await response.json()) as Mail[];
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

export const test = base;
export { expect };
