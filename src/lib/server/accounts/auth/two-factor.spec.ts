import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { eq } from 'drizzle-orm';
import { generateHOTP } from '@oslojs/otp';
import { decodeBase32IgnorePadding } from '@oslojs/encoding';
import { freshDatabase, makeUser } from '../../testing/testing';
import * as twoFactor from './two-factor';
import * as accounts from '../accounts';
import { db, first } from '../../db';
import { recoveryCode, twoFactor as twoFactorTable } from '../../db/schema';
import { createSession, listUserSessions, validateSessionToken } from './session';
import { twoFactorThrottle } from './throttle';
import { digest } from './tokens';
import { enrolmentPath, mustEnrolTwoFactor, requireRole, type LocalUser } from '../guards';
import { isRedirect, type RequestEvent } from '@sveltejs/kit';

let address = 0;

beforeEach(async () => {
	await freshDatabase();
});

afterEach(() => {
	vi.useRealTimers();
	delete process.env.REQUIRE_STAFF_2FA;
});

function codeFor(secret: string, offsetSteps = 0): string {
	const key = decodeBase32IgnorePadding(secret.replace(/\s/g, ''));
	return generateHOTP(key, BigInt(Math.floor(Date.now() / 30_000) + offsetSteps), 6);
}

async function enrolled() {
	const u = await makeUser();
	const { token, session } = await createSession(u.id, 'learner');
	const enrolment = (await twoFactor.startEnrolment(u.id, u.email))!;
	const result = await twoFactor.confirmEnrolment({
		userId: u.id,
		sessionId: session.id,
		code: codeFor(enrolment.secret)
	});
	if (!result.ok) throw new Error('enrolment failed');
	return {
		...u,
		token,
		sessionId: session.id,
		secret: enrolment.secret,
		codes: result.recoveryCodes
	};
}

describe('enrolment', () => {
	it('shows a QR code and the key as text, and stores the key only encrypted', async () => {
		const u = await makeUser();
		const enrolment = await twoFactor.startEnrolment(u.id, u.email);
		expect(enrolment?.qrDataUrl).toMatch(/^data:image\/png;base64,/);
		const plain = enrolment!.secret.replace(/\s/g, '');
		expect(plain).toMatch(/^[A-Z2-7]{32}$/);
		const row = (await first(
			db.select().from(twoFactorTable).where(eq(twoFactorTable.userId, u.id))
		))!;
		expect(row.keyEncrypted).not.toContain(plain);
		expect(row.enabledAt).toBeNull();
		// A reload shows the same key, so a QR code already scanned keeps working.
		expect((await twoFactor.startEnrolment(u.id, u.email))!.secret).toBe(enrolment!.secret);
	});

	it('turns on only with a right code, gives ten recovery codes and ends other sessions', async () => {
		const u = await makeUser();
		const other = await createSession(u.id, 'learner');
		const { session } = await createSession(u.id, 'learner');
		const enrolment = (await twoFactor.startEnrolment(u.id, u.email))!;
		const wrong = await twoFactor.confirmEnrolment({
			userId: u.id,
			sessionId: session.id,
			code: '000000'
		});
		expect(wrong.ok).toBe(false);
		expect(await twoFactor.isEnabled(u.id)).toBe(false);
		const result = await twoFactor.confirmEnrolment({
			userId: u.id,
			sessionId: session.id,
			code: codeFor(enrolment.secret)
		});
		expect(result.ok).toBe(true);
		if (!result.ok) return;
		expect(result.recoveryCodes).toHaveLength(10);
		expect(await twoFactor.getStatus(u.id)).toEqual({ enabled: true, recoveryCodesLeft: 10 });
		expect(await validateSessionToken(other.token)).toBeNull();
		expect((await listUserSessions(u.id)).map((s) => s.id)).toEqual([session.id]);
		const stored = await db.select().from(recoveryCode).where(eq(recoveryCode.userId, u.id));
		for (const code of result.recoveryCodes) {
			expect(stored.some((r) => r.codeHash.toString('utf8').includes(code))).toBe(false);
		}
	});

	it('makes recovery codes of 80 bits, stored as keyed hashes, never a plain SHA-256', async () => {
		const u = await enrolled();
		expect(new Set(u.codes).size).toBe(10);
		for (const code of u.codes) {
			// 16 characters from a 32-letter alphabet (5 bits each) in four groups of four.
			expect(code).toMatch(/^[a-km-np-z2-9]{4}(-[a-km-np-z2-9]{4}){3}$/);
		}
		const stored = await db.select().from(recoveryCode).where(eq(recoveryCode.userId, u.id));
		const plain = u.codes.map((c) => digest(twoFactor.normaliseCode(c)).toString('hex'));
		for (const row of stored) {
			expect(row.codeHash).toHaveLength(32);
			expect(plain).not.toContain(row.codeHash.toString('hex'));
		}
	});

	it('still accepts a recovery code of the older 10-character kind, once', async () => {
		const u = await enrolled();
		// A code made before 80-bit codes: stored as the SHA-256 of the normalised code.
		await db.insert(recoveryCode).values({ userId: u.id, codeHash: digest('abcde2345f') });
		const check = async () =>
			await twoFactor.verifySignIn({
				session: (await createSession(u.id, 'learner')).session,
				code: 'ABCDE-2345F',
				kind: 'recovery'
			});
		expect((await check()).ok).toBe(true);
		expect((await check()).ok).toBe(false);
	});
});

describe('signing in with two-factor', () => {
	it('asks for the second factor after the password and accepts a code once', async () => {
		const u = await enrolled();
		const signIn = await accounts.signIn({
			email: u.email,
			password: u.password,
			address: `10.1.0.${++address}`,
			userAgent: null
		});
		expect(signIn.ok && signIn.needsSecondFactor).toBe(true);
		if (!signIn.ok) return;
		const pending = (await validateSessionToken(signIn.token))!;
		expect(pending.session.twoFactorVerified).toBe(false);
		expect(pending.user.twoFactorEnabled).toBe(true);
		// The enrolment used this time step; the next one is still accepted (clock drift).
		const code = codeFor(u.secret, 1);
		const ok = await twoFactor.verifySignIn({ session: pending.session, code, kind: 'totp' });
		if (!ok.ok) throw new Error('the right code was refused');
		// A new token (session fixation): the token from the password step no longer works, the
		// new one is signed in, with the same lifetimes.
		expect(ok.rotated.token).not.toBe(signIn.token);
		expect(await validateSessionToken(signIn.token)).toBeNull();
		const full = (await validateSessionToken(ok.rotated.token))!;
		expect(full.session.twoFactorVerified).toBe(true);
		expect(full.session.absoluteSeconds).toBe(pending.session.absoluteSeconds);
		expect((await listUserSessions(u.id)).map((s) => s.id)).not.toContain(pending.session.id);
		// The same code again (replay) is refused.
		const again = await accounts.signIn({
			email: u.email,
			password: u.password,
			address: `10.1.0.${++address}`,
			userAgent: null
		});
		if (!again.ok) throw new Error('sign-in failed');
		const replay = await twoFactor.verifySignIn({
			session: (await validateSessionToken(again.token))!.session,
			code,
			kind: 'totp'
		});
		expect(replay.ok).toBe(false);
	});

	it('accepts each recovery code once, in any case and with or without the dash', async () => {
		const u = await enrolled();
		const code = u.codes[0];
		const first = await twoFactor.verifySignIn({
			session: (await createSession(u.id, 'learner')).session,
			code: ` ${code.toUpperCase().replaceAll('-', '')} `,
			kind: 'recovery'
		});
		expect(first.ok).toBe(true);
		const again = await twoFactor.verifySignIn({
			session: (await createSession(u.id, 'learner')).session,
			code,
			kind: 'recovery'
		});
		expect(again.ok).toBe(false);
		expect((await twoFactor.getStatus(u.id)).recoveryCodesLeft).toBe(9);
	});

	it('refuses a code from long ago and throttles repeated wrong codes', async () => {
		const u = await enrolled();
		const { session } = await createSession(u.id, 'learner');
		const old = codeFor(u.secret, -5);
		const results = await Promise.all(
			[old, '111111', '222222', '333333'].map(
				async (code) => await twoFactor.verifySignIn({ session, code, kind: 'totp' })
			)
		);
		expect(results.every((r) => !r.ok)).toBe(true);
		const blocked = await twoFactor.verifySignIn({
			session,
			code: codeFor(u.secret, 1),
			kind: 'totp'
		});
		expect(blocked).toMatchObject({ ok: false, reason: 'throttled' });
		await twoFactorThrottle.reset(`2fa:${u.id}`);
	});

	it('turns off only with the right password', async () => {
		const u = await enrolled();
		const sessionId = u.sessionId;
		expect(
			await twoFactor.disable({ userId: u.id, sessionId, password: 'niet het wachtwoord' })
		).toBe(false);
		expect(await twoFactor.isEnabled(u.id)).toBe(true);
		expect(await twoFactor.disable({ userId: u.id, sessionId, password: u.password })).toBe(true);
		expect(await twoFactor.getStatus(u.id)).toEqual({ enabled: false, recoveryCodesLeft: 0 });
	});
});

describe('the staff requirement', () => {
	const user = (roles: LocalUser['roles'], twoFactorEnabled: boolean): LocalUser => ({
		id: 1,
		email: 'a@x.be',
		name: 'A',
		isAdmin: roles.includes('admin'),
		twoFactorEnabled,
		roles,
		memberships: []
	});

	it('makes admins, managers and trainers enrol unless REQUIRE_STAFF_2FA=false', async () => {
		for (const role of ['admin', 'manager', 'trainer'] as const) {
			expect(mustEnrolTwoFactor(user([role], false))).toBe(true);
			expect(mustEnrolTwoFactor(user([role], true))).toBe(false);
		}
		expect(mustEnrolTwoFactor(user(['learner'], false))).toBe(false);
		process.env.REQUIRE_STAFF_2FA = 'false';
		expect(mustEnrolTwoFactor(user(['admin'], false))).toBe(false);
	});

	it('sends staff without two-factor to enrolment from every guarded load and action', () => {
		const event = (u: LocalUser) =>
			({ locals: { user: u }, url: new URL('http://x.test/beheer') }) as unknown as RequestEvent;
		let thrown: unknown;
		try {
			requireRole(event(user(['manager'], false)), 'manager');
		} catch (e) {
			thrown = e;
		}
		expect(isRedirect(thrown) && thrown.location).toBe(enrolmentPath);
		expect(requireRole(event(user(['manager'], true)), 'manager').id).toBe(1);
		expect(requireRole(event(user(['learner'], false)), 'learner').id).toBe(1);
	});
});
