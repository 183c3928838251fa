import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { isRedirect, type RequestEvent } from '@sveltejs/kit';
import { freshDatabase, makeUser } from '../../testing/testing';
import { listUserSessions } from './session';
import * as accounts from '..';

beforeEach(async () => {
	await freshDatabase();
});

afterEach(() => {
	vi.useRealTimers();
});

function redirectOf(fn: () => void): string | null {
	try {
		fn();
	} catch (thrown) {
		if (isRedirect(thrown)) return thrown.location;
		throw thrown;
	}
	return null;
}

function eventFor(path: string, reauthenticatedAt: Date | null): RequestEvent {
	return {
		url: new URL(`http://signaalwijs.test${path}`),
		locals: { session: { reauthenticatedAt } }
	} as unknown as RequestEvent;
}

describe('the sudo window', () => {
	it('is open for 10 minutes after the password was typed, then closed', () => {
		vi.useFakeTimers();
		vi.setSystemTime(new Date('2026-03-01T10:00:00Z'));
		const session = { reauthenticatedAt: new Date() };
		expect(accounts.isInSudoMode(session)).toBe(true);
		vi.setSystemTime(new Date('2026-03-01T10:09:59Z'));
		expect(accounts.isInSudoMode(session)).toBe(true);
		vi.setSystemTime(new Date('2026-03-01T10:10:00Z'));
		expect(accounts.isInSudoMode(session)).toBe(false);
		// A time in the future (a tampered or odd clock) does not count either.
		expect(accounts.isInSudoMode({ reauthenticatedAt: new Date('2026-03-01T11:00:00Z') })).toBe(
			false
		);
		expect(accounts.isInSudoMode(null)).toBe(false);
	});

	it('sends a session outside the window to the confirm page, and back to the page after', () => {
		const stale = new Date(Date.now() - 11 * 60 * 1000);
		expect(
			redirectOf(() => accounts.requireSudo(eventFor('/profiel/e-mailadres?/wijzigen', stale)))
		).toBe('/profiel/bevestigen?terug=%2Fprofiel%2Fe-mailadres');
		expect(redirectOf(() => accounts.requireSudo(eventFor('/profiel/e-mailadres', null)))).toBe(
			'/profiel/bevestigen?terug=%2Fprofiel%2Fe-mailadres'
		);
		expect(
			redirectOf(() => accounts.requireSudo(eventFor('/profiel/e-mailadres', new Date())))
		).toBeNull();
	});
});

describe('the return path of the confirm page', () => {
	it('keeps same-site relative paths with their query', () => {
		expect(accounts.safeReturnPath('/profiel/tweestapsverificatie')).toBe(
			'/profiel/tweestapsverificatie'
		);
		expect(accounts.safeReturnPath('/profiel?tab=1')).toBe('/profiel?tab=1');
	});

	it('falls back to the profile for anything that could leave the site or loop', () => {
		for (const hostile of [
			null,
			'',
			'https://evil.example/profiel',
			'//evil.example',
			'/\\evil.example',
			'/\\/evil.example',
			'javascript:alert(1)',
			'profiel',
			'/%0d%0aSet-Cookie:x',
			'\n/profiel',
			'/profiel/bevestigen?terug=/profiel',
			'/profiel/bevestigen'
		]) {
			const safe = accounts.safeReturnPath(hostile);
			expect(safe.startsWith('/') && !safe.startsWith('//'), String(hostile)).toBe(true);
			expect(new URL(safe, 'https://signaalwijs.test').origin).toBe('https://signaalwijs.test');
			expect(safe.startsWith('/profiel/bevestigen'), String(hostile)).toBe(false);
		}
		expect(accounts.safeReturnPath('//evil.example')).toBe('/profiel');
		expect(accounts.safeReturnPath('https://evil.example/profiel')).toBe('/profiel');
	});
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
		const [current] = await listUserSessions(u.id);
		expect(accounts.isInSudoMode(current)).toBe(true);
		expect(accounts.isInSudoMode(current, Date.now() + 11 * 60 * 1000)).toBe(false);
		expect(accounts.isInSudoMode({ reauthenticatedAt: null })).toBe(false);
	});

	it('reopens with the right password only, and throttles wrong ones', async () => {
		const u = await makeUser();
		const { token } = await accounts.createSession(u.id, 'learner');
		const sessionId = token.split('.')[0];
		expect(accounts.isInSudoMode((await listUserSessions(u.id))[0])).toBe(false);
		const wrong = await accounts.reauthenticate({
			userId: u.id,
			sessionId,
			password: 'fout fout fout'
		});
		expect(wrong).toEqual({ ok: false, reason: 'wrong' });
		expect(accounts.isInSudoMode((await listUserSessions(u.id))[0])).toBe(false);
		const right = await accounts.reauthenticate({ userId: u.id, sessionId, password: u.password });
		expect(right.ok).toBe(true);
		expect(accounts.isInSudoMode((await listUserSessions(u.id))[0])).toBe(true);
		const burst = await Promise.all(
			Array.from({ length: 20 }, () =>
				accounts.reauthenticate({ userId: u.id, sessionId, password: 'fout fout fout' })
			)
		);
		expect(burst.filter((r) => !r.ok && r.reason === 'wrong').length).toBeLessThanOrEqual(5);
	});

	it('turning two-factor off is throttled like sign-in', async () => {
		const u = await makeUser();
		const sessionId = (await accounts.createSession(u.id, 'learner')).session.id;
		const results = await Promise.all(
			Array.from({ length: 20 }, () =>
				accounts.disable({ userId: u.id, sessionId, password: 'fout fout fout' })
			)
		);
		expect(results.every((r) => r === false)).toBe(true);
		const right = await accounts.disable({ userId: u.id, sessionId, password: u.password });
		expect(right).toBe(false);
	});
});
