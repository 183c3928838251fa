// Throttles that hold under parallel load (issue 16, findings 1 and 2): an attempt is counted
// before the slow password check, and an attacker's failures never lock the owner out.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { freshDatabase, makeUser } from '../testing/testing';

const checks = vi.hoisted(() => ({ count: 0 }));

vi.mock('./auth/password', async (importOriginal) => {
	const original = await importOriginal<typeof import('./auth/password')>();
	return {
		...original,
		verifyPassword: (stored: string | null, password: string) => {
			checks.count += 1;
			return original.verifyPassword(stored, password);
		}
	};
});

const accounts = await import('.');

let address = 0;
const nextAddress = () => `10.1.0.${++address}`;

beforeEach(async () => {
	await freshDatabase();
	checks.count = 0;
});

describe('sign-in under parallel load', () => {
	it('lets at most 5 of 40 concurrent wrong passwords for one account reach the check', async () => {
		const u = await makeUser();
		const from = nextAddress();
		const results = await Promise.all(
			Array.from({ length: 40 }, () =>
				accounts.signIn({
					email: u.email,
					password: 'fout wachtwoord hier',
					address: from,
					userAgent: null
				})
			)
		);
		expect(checks.count).toBeLessThanOrEqual(5);
		expect(results.filter((r) => !r.ok && r.reason === 'throttled').length).toBeGreaterThanOrEqual(
			35
		);
	});

	it('counts the per-address key before the check too', async () => {
		const from = nextAddress();
		await Promise.all(
			Array.from({ length: 130 }, (_, i) =>
				accounts.signIn({
					email: `onbekend${i}@test.be`,
					password: 'fout wachtwoord hier',
					address: from,
					userAgent: null
				})
			)
		);
		expect(checks.count).toBeLessThanOrEqual(100);
	});

	it('lets at most 5 of 40 concurrent password changes reach the check', async () => {
		const u = await makeUser();
		await Promise.all(
			Array.from({ length: 40 }, () =>
				accounts.changePassword({
					userId: u.id,
					session: { id: 'x', reauthenticatedAt: null },
					current: 'fout wachtwoord hier',
					password: 'een nieuw lang wachtwoord'
				})
			)
		);
		expect(checks.count).toBeLessThanOrEqual(5);
	});
});

describe('no lock-out', () => {
	it("lets the owner in from another address after an attacker's throttle", async () => {
		const u = await makeUser();
		const attacker = nextAddress();
		for (let i = 0; i < 8; i++) {
			await accounts.signIn({
				email: u.email,
				password: 'fout wachtwoord hier',
				address: attacker,
				userAgent: null
			});
		}
		const blocked = await accounts.signIn({
			email: u.email,
			password: u.password,
			address: attacker,
			userAgent: null
		});
		expect(blocked.ok).toBe(false);
		const owner = await accounts.signIn({
			email: u.email,
			password: u.password,
			address: nextAddress(),
			userAgent: null
		});
		expect(owner.ok).toBe(true);
	});

	it("clears the account's throttle when the password is reset", async () => {
		const u = await makeUser();
		const from = nextAddress();
		for (let i = 0; i < 8; i++) {
			await accounts.signIn({
				email: u.email,
				password: 'fout wachtwoord hier',
				address: from,
				userAgent: null
			});
		}
		const { db } = await import('../db');
		const { mailOutbox } = await import('../db/schema');
		await accounts.requestPasswordReset({ email: u.email, address: nextAddress() });
		const mail = (await db.select().from(mailOutbox)).at(-1)!;
		const token = mail.body.match(/wachtwoord-vergeten\/([a-z0-9]+)/)![1];
		const reset = await accounts.resetPassword({ token, password: 'een gloednieuw wachtwoord' });
		expect(reset.ok).toBe(true);
		const after = await accounts.signIn({
			email: u.email,
			password: 'een gloednieuw wachtwoord',
			address: from,
			userAgent: null
		});
		expect(after.ok).toBe(true);
	});
});
