import { beforeEach, describe, expect, it } from 'vitest';
import { freshDatabase, makeUser } from '../../testing/testing';
import { listUserSessions } from './session';
import * as accounts from '..';

beforeEach(() => {
	freshDatabase();
});

describe('sudo mode', () => {
	it('starts at sign-in and ends ten minutes after the password was typed', async () => {
		const u = await makeUser();
		const signedIn = await accounts.signIn({
			email: u.email,
			password: u.password,
			address: '10.3.0.1',
			userAgent: null
		});
		expect(signedIn.ok).toBe(true);
		const [current] = listUserSessions(u.id);
		expect(accounts.isInSudoMode(current)).toBe(true);
		expect(accounts.isInSudoMode(current, Date.now() + 11 * 60 * 1000)).toBe(false);
		expect(accounts.isInSudoMode({ reauthenticatedAt: null })).toBe(false);
	});

	it('reopens with the right password only, and throttles wrong ones', async () => {
		const u = await makeUser();
		const { token } = accounts.createSession(u.id, 'learner');
		const sessionId = token.split('.')[0];
		expect(accounts.isInSudoMode(listUserSessions(u.id)[0])).toBe(false);
		const wrong = await accounts.reauthenticate({
			userId: u.id,
			sessionId,
			password: 'fout fout fout'
		});
		expect(wrong).toEqual({ ok: false, reason: 'wrong' });
		expect(accounts.isInSudoMode(listUserSessions(u.id)[0])).toBe(false);
		const right = await accounts.reauthenticate({ userId: u.id, sessionId, password: u.password });
		expect(right).toEqual({ ok: true });
		expect(accounts.isInSudoMode(listUserSessions(u.id)[0])).toBe(true);
		const burst = await Promise.all(
			Array.from({ length: 20 }, () =>
				accounts.reauthenticate({ userId: u.id, sessionId, password: 'fout fout fout' })
			)
		);
		expect(burst.filter((r) => !r.ok && r.reason === 'wrong').length).toBeLessThanOrEqual(5);
	});

	it('turning two-factor off is throttled like sign-in', async () => {
		const u = await makeUser();
		const results = await Promise.all(
			Array.from({ length: 20 }, () =>
				accounts.disable({ userId: u.id, password: 'fout fout fout' })
			)
		);
		expect(results.every((r) => r === false)).toBe(true);
		const right = await accounts.disable({ userId: u.id, password: u.password });
		expect(right).toBe(false);
	});
});
