import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { freshDatabase, makeUser } from '../../testing/testing';
import {
	createSession,
	invalidateSession,
	invalidateUserSessions,
	lifetimes,
	listUserSessions,
	outlivesStaffLifetime,
	rotateSession,
	validateSessionToken
} from './session';
import { db, first } from '../../db';
import { session, user } from '../../db/schema';
import { eq } from 'drizzle-orm';

beforeEach(async () => {
	await freshDatabase();
});

afterEach(() => {
	vi.useRealTimers();
});

describe('sessions', () => {
	it('creates a token that validates to its user, storing only a hash of the secret', async () => {
		const u = await makeUser();
		const { token } = await createSession(u.id, 'learner');
		const [id, secret] = token.split('.');
		expect(id).toHaveLength(26);
		expect(secret).toHaveLength(26);
		const row = (await first(db.select().from(session).where(eq(session.id, id))))!;
		expect(row.secretHash).toHaveLength(32);
		expect(row.secretHash.toString('utf8')).not.toContain(secret);
		expect((await validateSessionToken(token))?.user.email).toBe(u.email);
	});

	it('refuses a right id with a wrong secret, and malformed cookies', async () => {
		const u = await makeUser();
		const { token } = await createSession(u.id, 'learner');
		const [id, secret] = token.split('.');
		const wrong = secret.startsWith('a') ? 'b' + secret.slice(1) : 'a' + secret.slice(1);
		for (const bad of [
			`${id}.${wrong}`,
			'',
			'abc',
			`${id}.`,
			`.${secret}`,
			`${id}.${secret}.${secret}`,
			'x'.repeat(8192),
			`${id}.${secret} `,
			`${id.toUpperCase()}.${secret}`
		]) {
			expect(await validateSessionToken(bad)).toBeNull();
		}
		expect(await validateSessionToken(token)).not.toBeNull();
	});

	it('expires after the idle timeout without activity', async () => {
		vi.useFakeTimers({ now: new Date('2026-03-01T09:00:00Z') });
		const u = await makeUser();
		const { token } = await createSession(u.id, 'staff');
		vi.advanceTimersByTime((lifetimes.staff.idleSeconds - 60) * 1000);
		expect(await validateSessionToken(token)).not.toBeNull();
		// Activity refreshed it: another almost-idle period is still fine.
		vi.advanceTimersByTime((lifetimes.staff.idleSeconds - 60) * 1000);
		expect(await validateSessionToken(token)).not.toBeNull();
		vi.advanceTimersByTime(lifetimes.staff.idleSeconds * 1000 + 1);
		expect(await validateSessionToken(token)).toBeNull();
		expect(await listUserSessions(u.id)).toHaveLength(0);
	});

	it('expires at the absolute lifetime even when used all the time', async () => {
		vi.useFakeTimers({ now: new Date('2026-03-01T09:00:00Z') });
		const u = await makeUser();
		const { token } = await createSession(u.id, 'staff');
		const step = 20 * 60 * 1000;
		let elapsed = 0;
		while (elapsed + step < lifetimes.staff.absoluteSeconds * 1000) {
			vi.advanceTimersByTime(step);
			elapsed += step;
			expect(await validateSessionToken(token)).not.toBeNull();
		}
		vi.advanceTimersByTime(lifetimes.staff.absoluteSeconds * 1000 - elapsed);
		expect(await validateSessionToken(token)).toBeNull();
	});

	it('gives staff shorter lifetimes than learners', () => {
		expect(lifetimes.staff.idleSeconds).toBeLessThan(lifetimes.learner.idleSeconds);
		expect(lifetimes.staff.absoluteSeconds).toBeLessThan(lifetimes.learner.absoluteSeconds);
	});

	it('ends one session, or all but the current one', async () => {
		const u = await makeUser();
		const a = await createSession(u.id, 'learner');
		const b = await createSession(u.id, 'learner');
		const c = await createSession(u.id, 'learner');
		await invalidateSession(a.session.id);
		expect(await validateSessionToken(a.token)).toBeNull();
		expect(await invalidateUserSessions(u.id, b.session.id)).toBe(1);
		expect(await validateSessionToken(b.token)).not.toBeNull();
		expect(await validateSessionToken(c.token)).toBeNull();
	});

	it('stops working when the account is disabled', async () => {
		const u = await makeUser();
		const { token } = await createSession(u.id, 'learner');
		await db.update(user).set({ disabledAt: new Date() }).where(eq(user.id, u.id));
		expect(await validateSessionToken(token)).toBeNull();
	});

	it('rotates a session: a new token, the old one ended, user agent and sudo time kept', async () => {
		const u = await makeUser();
		const reauthenticatedAt = new Date();
		const old = await createSession(u.id, 'learner', 'Firefox', { reauthenticatedAt });
		expect(outlivesStaffLifetime(old.session)).toBe(true);
		const rotated = (await rotateSession(old.session, { kind: 'staff', twoFactorVerified: true }))!;
		expect(rotated.token).not.toBe(old.token);
		expect(await validateSessionToken(old.token)).toBeNull();
		const now = (await validateSessionToken(rotated.token))!.session;
		expect(now).toMatchObject({
			userAgent: 'Firefox',
			twoFactorVerified: true,
			...lifetimes.staff
		});
		expect(now.reauthenticatedAt?.getTime()).toBe(reauthenticatedAt.getTime());
		expect(outlivesStaffLifetime(now)).toBe(false);
		expect(rotated.expiresAt.getTime()).toBe(
			now.createdAt.getTime() + lifetimes.staff.absoluteSeconds * 1000
		);
		// A session already swapped by another request is not swapped twice.
		expect(await rotateSession(old.session, { kind: 'staff' })).toBeNull();
		expect(await listUserSessions(u.id)).toHaveLength(1);
	});
});
