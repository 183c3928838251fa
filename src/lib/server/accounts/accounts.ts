// Getting in: sign-in (throttled, the same answer for every refusal), registration and the
// first admin's setup link.
import { eq } from 'drizzle-orm';
import { config } from '../platform/config';
import { db, transaction } from '../db';
import { passwordReset, user, type Audience, type User } from '../db/schema';
import { messages } from '$lib/i18n';
import { queueMail } from '../platform/mail';
import { recordAudit } from '../platform/audit';
import { checkPasswordPolicy, hashPassword, verifyPassword } from './auth/password';
import { createSession } from './auth/session';
import { accountThrottle, addressThrottle, throttleAudit } from './auth/throttle';
import { digest, randomToken } from './auth/tokens';
import * as twoFactor from './auth/two-factor';
import { findUserByEmail, getAccess, isStaff, type Access } from './access';

/** The sign-in throttle key of one (account, address) pair. */
function signInKey(email: string, address: string): string {
	return `login:${email.toLowerCase()}|${address}`;
}

/** Forgets every sign-in throttle of an account (after a password reset). */
export function clearSignInThrottle(email: string): void {
	accountThrottle.resetPrefix(`login:${email.toLowerCase()}|`);
}

export type SignInResult =
	| {
			ok: true;
			token: string;
			expiresAt: Date;
			user: User;
			access: Access;
			/** The password was right; the session counts once the second factor is checked. */
			needsSecondFactor: boolean;
	  }
	| { ok: false; reason: 'invalid' }
	| { ok: false; reason: 'throttled'; retryAfterMs: number };

/**
 * Checks a password and opens a new session. Unknown addresses, wrong passwords and disabled
 * accounts fail the same way and take the same time.
 */
export async function signIn(input: {
	email: string;
	password: string;
	address: string;
	userAgent: string | null;
	requestId?: string;
}): Promise<SignInResult> {
	// Counted BEFORE the slow argon2 check (reserve, then verify): parallel requests cannot all
	// slip past the throttle. The account key is the (account, address) pair, so failures from
	// an attacker's address never refuse the owner's right password from another address.
	const pairKey = signInKey(input.email, input.address);
	const addressKey = `login-ip:${input.address}`;
	const addressWait = addressThrottle.reserve(addressKey);
	const pairWait = addressWait > 0 ? 0 : accountThrottle.reserve(pairKey);
	const wait = Math.max(addressWait, pairWait);
	if (wait > 0) {
		if (addressWait === 0) addressThrottle.refund(addressKey);
		if (throttleAudit.firstInWindow(pairKey)) {
			recordAudit({
				action: 'auth.sign_in_throttled',
				requestId: input.requestId,
				details: { address: input.address }
			});
		}
		return { ok: false, reason: 'throttled', retryAfterMs: wait };
	}
	const found = findUserByEmail(input.email);
	const valid = await verifyPassword(found?.passwordHash ?? null, input.password);
	if (!found || !valid || found.disabledAt) {
		recordAudit({
			action: 'auth.sign_in_failed',
			actorUserId: found?.id ?? null,
			requestId: input.requestId,
			details: { address: input.address }
		});
		return { ok: false, reason: 'invalid' };
	}
	accountThrottle.reset(pairKey);
	addressThrottle.refund(addressKey);
	const access = getAccess(found);
	const needsSecondFactor = twoFactor.isEnabled(found.id);
	const { token, session } = createSession(
		found.id,
		isStaff(access.roles) ? 'staff' : 'learner',
		input.userAgent
	);
	db.update(user).set({ lastLoginAt: new Date() }).where(eq(user.id, found.id)).run();
	recordAudit({
		action: needsSecondFactor ? 'auth.password_ok' : 'auth.sign_in',
		actorUserId: found.id,
		requestId: input.requestId
	});
	const expiresAt = new Date(session.createdAt.getTime() + session.absoluteSeconds * 1000);
	return { ok: true, token, expiresAt, user: found, access, needsSecondFactor };
}

export type RegisterResult = { ok: true } | { ok: false; field: 'password'; message: string };

/**
 * Creates a learner account. When the address already has an account nothing is created and
 * its owner gets a mail instead; the caller answers the same either way, so registration
 * never reveals who has an account.
 */
export async function register(input: {
	name: string;
	email: string;
	password: string;
	audience: Audience;
	requestId?: string;
}): Promise<RegisterResult> {
	const policy = checkPasswordPolicy(input.password, { email: input.email, name: input.name });
	if (policy) return { ok: false, field: 'password', message: policy };
	const passwordHash = await hashPassword(input.password);
	const existing = findUserByEmail(input.email);
	if (existing) {
		queueMail({
			kind: 'register-existing',
			to: existing.email,
			subject: messages.mail.existingSubject,
			body: `${messages.mail.greeting(existing.name)}\n\n${messages.mail.existingBody(`${config.origin}/wachtwoord-vergeten`)}\n\n${messages.mail.signature}`
		});
		return { ok: true };
	}
	const result = db
		.insert(user)
		.values({ email: input.email, name: input.name, passwordHash, audience: input.audience })
		.onConflictDoNothing()
		.run();
	if (result.changes === 1) {
		recordAudit({
			action: 'user.registered',
			actorUserId: Number(result.lastInsertRowid),
			requestId: input.requestId
		});
	}
	return { ok: true };
}

export const setupLinkHours = 24;

export type CreateAdminResult = { ok: true; link: string } | { ok: false; reason: 'exists' };

/**
 * Creates a platform admin without a usable password and returns a single-use link where they
 * choose one (the password-reset mechanism with a longer lifetime). For a fresh install.
 */
export function createAdminAccount(input: { email: string; name: string }): CreateAdminResult {
	if (findUserByEmail(input.email)) return { ok: false, reason: 'exists' };
	const token = randomToken(32);
	const now = Date.now();
	transaction((tx) => {
		const created = tx
			.insert(user)
			.values({ email: input.email, name: input.name, passwordHash: null, isAdmin: true })
			.run();
		const id = Number(created.lastInsertRowid);
		tx.insert(passwordReset)
			.values({
				userId: id,
				tokenHash: digest(token),
				createdAt: new Date(now),
				expiresAt: new Date(now + setupLinkHours * 3600 * 1000)
			})
			.run();
		recordAudit({ action: 'admin.created_by_script', targetType: 'user', targetId: id });
	});
	return { ok: true, link: `${config.origin}/wachtwoord-vergeten/${token}` };
}
