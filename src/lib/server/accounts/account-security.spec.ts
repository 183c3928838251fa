import { beforeEach, describe, expect, it } from 'vitest';
import { freshDatabase, makeUser } from '../testing/testing';
import * as accounts from '.';
import { createSession, invalidateOwnSession, validateSessionToken } from './auth/session';
import { describeUserAgent } from '../platform/user-agent';
import { db } from '../db';
import { user } from '../db/schema';
import { eq } from 'drizzle-orm';
import { messages } from '$lib/i18n';

beforeEach(async () => {
	await freshDatabase();
});

describe('password change on the profile', () => {
	it('needs the current password and ends every other session', async () => {
		const u = await makeUser();
		const current = await createSession(u.id, 'learner');
		const other = await createSession(u.id, 'learner');
		const wrong = await accounts.changePassword({
			userId: u.id,
			session: current.session,
			current: 'niet mijn wachtwoord',
			password: 'een heel nieuw lang wachtwoord'
		});
		expect(wrong).toMatchObject({ ok: false, field: 'current' });
		expect(await validateSessionToken(other.token)).not.toBeNull();

		const done = await accounts.changePassword({
			userId: u.id,
			session: current.session,
			current: u.password,
			password: 'een heel nieuw lang wachtwoord'
		});
		expect(done).toEqual({ ok: true });
		expect(await validateSessionToken(current.token)).not.toBeNull();
		expect(await validateSessionToken(other.token)).toBeNull();
		const signIn = await accounts.signIn({
			email: u.email,
			password: 'een heel nieuw lang wachtwoord',
			address: '10.7.0.1',
			userAgent: null
		});
		expect(signIn.ok).toBe(true);
	});
});

describe('accounts without a password of their own (school sign-in, LMS launch)', () => {
	it('have no password to change, and are told so instead of "current password wrong"', async () => {
		const withPassword = await makeUser();
		const schoolAccount = await makeUser();
		await db.update(user).set({ passwordHash: null }).where(eq(user.id, schoolAccount.id));
		expect(await accounts.hasPassword(withPassword.id)).toBe(true);
		expect(await accounts.hasPassword(schoolAccount.id)).toBe(false);

		const current = await createSession(schoolAccount.id, 'learner');
		const result = await accounts.changePassword({
			userId: schoolAccount.id,
			session: current.session,
			current: 'wat dan ook',
			password: 'een heel nieuw lang wachtwoord'
		});
		expect(result).toEqual({
			ok: false,
			field: 'current',
			message: messages.account.noPassword
		});
		expect(await accounts.hasPassword(schoolAccount.id)).toBe(false);
	});
});

describe('own sessions', () => {
	it('a user ends only their own sessions, whatever id they send', async () => {
		const a = await makeUser();
		const b = await makeUser();
		const theirs = await createSession(b.id, 'learner');
		expect(await invalidateOwnSession(a.id, theirs.session.id)).toBe(false);
		expect(await validateSessionToken(theirs.token)).not.toBeNull();
		expect(await invalidateOwnSession(b.id, theirs.session.id)).toBe(true);
		expect(await validateSessionToken(theirs.token)).toBeNull();
	});

	it('names browsers the way people recognise them', () => {
		expect(
			describeUserAgent(
				'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/140.0 Safari/537.36 Edg/140.0',
				'?'
			)
		).toBe('Edge op Windows');
		expect(
			describeUserAgent('Mozilla/5.0 (iPhone; CPU iPhone OS 18_0 like Mac OS X) Safari/604.1', '?')
		).toBe('Safari op iOS');
		expect(describeUserAgent(null, 'Onbekend')).toBe('Onbekend');
	});
});

describe('the first admin', () => {
	it('has no usable password until the single-use setup link is used', async () => {
		const created = await accounts.createAdminAccount({
			email: 'beheer@vlaanderen.be',
			name: 'Beheer'
		});
		expect(created.ok).toBe(true);
		if (!created.ok) return;
		const token = created.link.split('/').at(-1)!;
		expect(created.link).toMatch(/\/wachtwoord-vergeten\/[a-z2-9]{32}$/);
		const before = await accounts.signIn({
			email: 'beheer@vlaanderen.be',
			password: '',
			address: '10.8.0.1',
			userAgent: null
		});
		expect(before.ok).toBe(false);
		const set = await accounts.resetPassword({
			token,
			password: 'een lang wachtwoord voor de eerste keer'
		});
		expect(set).toEqual({ ok: true });
		expect(await accounts.resetPassword({ token, password: 'nog een ander wachtwoord' })).toEqual({
			ok: false,
			reason: 'invalid'
		});
		const signIn = await accounts.signIn({
			email: 'beheer@vlaanderen.be',
			password: 'een lang wachtwoord voor de eerste keer',
			address: '10.8.0.2',
			userAgent: null
		});
		expect(signIn.ok && signIn.access.roles).toEqual(['admin']);
		expect(await accounts.createAdminAccount({ email: 'beheer@vlaanderen.be', name: 'X' })).toEqual(
			{
				ok: false,
				reason: 'exists'
			}
		);
	});
});
