import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { eq } from 'drizzle-orm';
import { freshDatabase, makeMember, makeOrganisation, makeUser } from '../testing/testing';
import * as accounts from '.';
import { db } from '../db';
import { auditEvent, mailOutbox, passwordReset } from '../db/schema';
import { findUserByEmail } from './access';
import { listUserSessions, validateSessionToken } from './auth/session';

let address = 0;
const nextAddress = () => `10.0.0.${++address}`;

async function lastMailTo(email: string) {
	return (await db.select().from(mailOutbox).where(eq(mailOutbox.recipient, email))).at(-1);
}

function linkIn(body: string, path: string): string {
	const match = body.match(new RegExp(`https?://[^\\s]+${path}/([a-z0-9]+)`));
	expect(match, body).not.toBeNull();
	return match![1];
}

beforeEach(async () => {
	await freshDatabase();
});

afterEach(() => {
	vi.useRealTimers();
});

describe('sign-in', () => {
	it('opens a session for the right password and records the sign-in', async () => {
		const u = await makeUser();
		const result = await accounts.signIn({
			email: u.email,
			password: u.password,
			address: nextAddress(),
			userAgent: 'test'
		});
		expect(result.ok).toBe(true);
		if (!result.ok) return;
		expect((await validateSessionToken(result.token))?.user.id).toBe(u.id);
		expect(result.access.roles).toEqual(['learner']);
		const actions = (await db.select().from(auditEvent)).map((e) => e.action);
		expect(actions).toContain('auth.sign_in');
	});

	it('answers the same for an unknown address and a wrong password', async () => {
		const u = await makeUser();
		const wrong = await accounts.signIn({
			email: u.email,
			password: 'niet het wachtwoord',
			address: nextAddress(),
			userAgent: null
		});
		const unknown = await accounts.signIn({
			email: 'niemand@test.be',
			password: 'niet het wachtwoord',
			address: nextAddress(),
			userAgent: null
		});
		expect(wrong).toEqual({ ok: false, reason: 'invalid' });
		expect(unknown).toEqual({ ok: false, reason: 'invalid' });
	});

	it('creates a new session at every sign-in', async () => {
		const u = await makeUser();
		const a = await accounts.signIn({
			email: u.email,
			password: u.password,
			address: nextAddress(),
			userAgent: null
		});
		const b = await accounts.signIn({
			email: u.email,
			password: u.password,
			address: nextAddress(),
			userAgent: null
		});
		expect(a.ok && b.ok && a.token !== b.token).toBe(true);
		expect(await listUserSessions(u.id)).toHaveLength(2);
	});

	it('throttles repeated failures per account and address, even the right password, then recovers', async () => {
		const u = await makeUser();
		const from = nextAddress();
		for (let i = 0; i < 5; i++) {
			const r = await accounts.signIn({
				email: u.email,
				password: 'fout fout fout',
				address: from,
				userAgent: null
			});
			expect(r).toEqual({ ok: false, reason: 'invalid' });
		}
		await accounts.signIn({
			email: u.email,
			password: 'fout fout fout',
			address: from,
			userAgent: null
		});
		const blocked = await accounts.signIn({
			email: u.email,
			password: u.password,
			address: from,
			userAgent: null
		});
		expect(blocked.ok).toBe(false);
		expect(!blocked.ok && blocked.reason).toBe('throttled');
		vi.useFakeTimers({ now: Date.now() + 2_000 });
		const later = await accounts.signIn({
			email: u.email,
			password: u.password,
			address: from,
			userAgent: null
		});
		expect(later.ok).toBe(true);
	});

	it('refuses a disabled account with the same message', async () => {
		const u = await makeUser();
		await db
			.update((await import('../db/schema')).user)
			.set({ disabledAt: new Date() })
			.where(eq((await import('../db/schema')).user.id, u.id));
		const r = await accounts.signIn({
			email: u.email,
			password: u.password,
			address: nextAddress(),
			userAgent: null
		});
		expect(r).toEqual({ ok: false, reason: 'invalid' });
	});

	it('derives roles from memberships and the admin flag', async () => {
		const org = await makeOrganisation();
		const manager = await makeMember({ organisation: org, role: 'manager' });
		const admin = await makeUser({ isAdmin: true });
		expect((await accounts.getAccess({ id: manager.id, isAdmin: false })).roles).toEqual([
			'manager'
		]);
		expect((await accounts.getAccess({ id: admin.id, isAdmin: true })).roles).toEqual(['admin']);
		expect(accounts.isStaff(['manager'])).toBe(true);
		expect(accounts.isStaff(['learner'])).toBe(false);
	});
});

describe('registration', () => {
	const newcomer = {
		name: 'An Peeters',
		email: 'an@school.be',
		password: 'een lange zin als wachtwoord',
		audience: 'leerkracht' as const
	};

	it('creates the account only when the mailed link is opened', async () => {
		const r = await accounts.register({ ...newcomer, address: nextAddress() });
		expect(r).toEqual({ ok: true });
		expect(await findUserByEmail(newcomer.email)).toBeUndefined();
		const before = await accounts.signIn({
			email: newcomer.email,
			password: newcomer.password,
			address: nextAddress(),
			userAgent: null
		});
		expect(before.ok).toBe(false);
		const mail = (await lastMailTo(newcomer.email))!;
		expect(mail.kind).toBe('register-confirm');
		const token = linkIn(mail.body, '/registreren');
		expect(await accounts.isRegistrationLinkValid(token)).toBe(true);
		expect(await accounts.confirmRegistration({ token })).toBe(true);
		expect(await accounts.confirmRegistration({ token })).toBe(false);
		const s = await accounts.signIn({
			email: newcomer.email,
			password: newcomer.password,
			address: nextAddress(),
			userAgent: null
		});
		expect(s.ok && s.access.roles).toEqual(['learner']);
	});

	it("gives no usable account for someone else's address without its mailbox", async () => {
		await accounts.register({ ...newcomer, address: nextAddress() });
		expect(await findUserByEmail(newcomer.email)).toBeUndefined();
		expect(await accounts.confirmRegistration({ token: 'a'.repeat(32) })).toBe(false);
		// The real owner is invited meanwhile: the attacker's pending link no longer creates anything.
		const owner = await makeUser({ email: newcomer.email });
		const token = linkIn((await lastMailTo(newcomer.email))!.body, '/registreren');
		expect(await accounts.isRegistrationLinkValid(token)).toBe(false);
		expect(await accounts.confirmRegistration({ token })).toBe(false);
		expect((await findUserByEmail(newcomer.email))?.id).toBe(owner.id);
	});

	it('expires the link after a day', async () => {
		await accounts.register({ ...newcomer, address: nextAddress() });
		const token = linkIn((await lastMailTo(newcomer.email))!.body, '/registreren');
		vi.useFakeTimers({ now: Date.now() + 25 * 3600 * 1000 });
		expect(await accounts.confirmRegistration({ token })).toBe(false);
	});

	it('does not reveal an existing account: same answer, a mail to the owner, nothing changed', async () => {
		const u = await makeUser({ email: 'bestaat@school.be' });
		const existing = await accounts.register({
			name: 'Iemand Anders',
			email: 'bestaat@school.be',
			password: 'een ander lang wachtwoord',
			audience: 'leerkracht',
			address: nextAddress()
		});
		const fresh = await accounts.register({ ...newcomer, address: nextAddress() });
		expect(existing).toEqual(fresh);
		expect((await lastMailTo('bestaat@school.be'))?.kind).toBe('register-existing');
		const s = await accounts.signIn({
			email: u.email,
			password: u.password,
			address: nextAddress(),
			userAgent: null
		});
		expect(s.ok).toBe(true);
	});

	it('sends the owner of an existing address at most one mail, however many sign-ups', async () => {
		await makeUser({ email: 'doelwit@school.be' });
		for (let i = 0; i < 12; i++) {
			await accounts.register({
				name: 'Bommen',
				email: 'doelwit@school.be',
				password: 'een ander lang wachtwoord',
				audience: 'leerkracht',
				address: nextAddress()
			});
		}
		const mails = await db
			.select()
			.from(mailOutbox)
			.where(eq(mailOutbox.recipient, 'doelwit@school.be'));
		expect(mails).toHaveLength(1);
	});

	it('throttles sign-ups per address before any password hashing', async () => {
		const from = nextAddress();
		const results = await Promise.all(
			Array.from({ length: 60 }, (_, i) =>
				accounts.register({ ...newcomer, email: `nieuw${i}@school.be`, address: from })
			)
		);
		const throttled = results.filter((r) => !r.ok && 'reason' in r && r.reason === 'throttled');
		expect(throttled).toHaveLength(10);
	});

	it('refuses a weak password before creating anything', async () => {
		const r = await accounts.register({
			name: 'An',
			email: 'zwak@school.be',
			password: 'Wachtwoord123!',
			audience: 'leerkracht',
			address: nextAddress()
		});
		expect(r.ok).toBe(false);
		expect(await findUserByEmail('zwak@school.be')).toBeUndefined();
	});
});

describe('password reset', () => {
	it('mails a single-use link that sets the password and ends every session', async () => {
		const u = await makeUser();
		const before = await accounts.signIn({
			email: u.email,
			password: u.password,
			address: nextAddress(),
			userAgent: null
		});
		expect(await accounts.requestPasswordReset({ email: u.email, address: nextAddress() })).toEqual(
			{
				ok: true
			}
		);
		const token = linkIn((await lastMailTo(u.email))!.body, '/wachtwoord-vergeten');
		expect(token.length).toBeGreaterThanOrEqual(26);
		const stored = await db.select().from(passwordReset);
		expect(stored).toHaveLength(1);
		expect(stored[0].tokenHash.toString('hex')).not.toContain(token);
		const done = await accounts.resetPassword({
			token,
			password: 'een gloednieuw lang wachtwoord'
		});
		expect(done).toEqual({ ok: true });
		expect(before.ok && (await validateSessionToken(before.token))).toBeNull();
		expect(
			await accounts.resetPassword({ token, password: 'nog een ander lang wachtwoord' })
		).toEqual({ ok: false, reason: 'invalid' });
		const s = await accounts.signIn({
			email: u.email,
			password: 'een gloednieuw lang wachtwoord',
			address: nextAddress(),
			userAgent: null
		});
		expect(s.ok).toBe(true);
	});

	it('expires after one hour', async () => {
		vi.useFakeTimers({ now: new Date('2026-05-01T10:00:00Z') });
		const u = await makeUser();
		await accounts.requestPasswordReset({ email: u.email, address: nextAddress() });
		const token = linkIn((await lastMailTo(u.email))!.body, '/wachtwoord-vergeten');
		vi.setSystemTime(new Date('2026-05-01T11:00:01Z'));
		expect(await accounts.findValidReset(token)).toBeUndefined();
		expect(
			await accounts.resetPassword({ token, password: 'een gloednieuw lang wachtwoord' })
		).toEqual({ ok: false, reason: 'invalid' });
	});

	it('cancels the older link when a new one is requested', async () => {
		const u = await makeUser();
		await accounts.requestPasswordReset({ email: u.email, address: nextAddress() });
		const first = linkIn((await lastMailTo(u.email))!.body, '/wachtwoord-vergeten');
		await accounts.requestPasswordReset({ email: u.email, address: nextAddress() });
		const second = linkIn((await lastMailTo(u.email))!.body, '/wachtwoord-vergeten');
		expect(await accounts.findValidReset(first)).toBeUndefined();
		expect((await accounts.findValidReset(second))?.user.id).toBe(u.id);
	});

	it('answers the same for an unknown address and sends nothing', async () => {
		expect(
			await accounts.requestPasswordReset({ email: 'niemand@school.be', address: nextAddress() })
		).toEqual({ ok: true });
		expect(await db.select().from(mailOutbox)).toHaveLength(0);
	});

	it('limits reset requests per address', async () => {
		const u = await makeUser();
		const from = nextAddress();
		const results = [];
		for (let i = 0; i < 7; i++)
			results.push(await accounts.requestPasswordReset({ email: u.email, address: from }));
		expect(results.slice(0, 5).every((r) => r.ok)).toBe(true);
		expect(results.at(-1)?.ok).toBe(false);
	});
});
