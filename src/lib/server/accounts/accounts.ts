// Getting in: sign-in (throttled, the same answer for every refusal), registration confirmed by
// an e-mailed link, and the first admin's setup link.
import { and, eq, gt, lt } from 'drizzle-orm';
import { config } from '../platform/config';
import { affected, db, transaction, first } from '../db';
import { passwordReset, pendingRegistration, user, type Audience, type User } from '../db/schema';
import { messages } from '$lib/i18n';
import { queueMail } from '../platform/mail';
import { recordAudit } from '../platform/audit';
import { checkPasswordPolicy, hashPassword, verifyPassword } from './auth/password';
import { createSession } from './auth/session';
import {
	accountThrottle,
	addressKey,
	addressThrottle,
	addressWideKey,
	mailRequestThrottle,
	OncePerWindow,
	registerThrottle,
	throttleAudit
} from './auth/throttle';
import { digest, isTokenShaped, randomToken } from './auth/tokens';
import * as twoFactor from './auth/two-factor';
import { findUserByEmail, getAccess, isStaff, type Access } from './access';

/** The sign-in throttle key of one (account, address) pair. */
function signInKey(email: string, address: string): string {
	return `login:${email.toLowerCase()}|${addressKey(address)}`;
}

/** Forgets every sign-in throttle of an account (after a password reset). */
export async function clearSignInThrottle(email: string): Promise<void> {
	await accountThrottle.resetPrefix(`login:${email.toLowerCase()}|`);
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
	// Null behind a proxy every user shares (no ADDRESS_HEADER): then only the pair key applies.
	const addressKey = addressWideKey('login-ip', input.address);
	const addressWait = addressKey ? await addressThrottle.reserve(addressKey) : 0;
	const pairWait = addressWait > 0 ? 0 : await accountThrottle.reserve(pairKey);
	const wait = Math.max(addressWait, pairWait);
	if (wait > 0) {
		if (addressKey && addressWait === 0) await addressThrottle.refund(addressKey);
		// One audit row per throttled key per window, with the refusals since the last one: a
		// flood of throttled attempts cannot fill the audit table.
		const refusedBefore = throttleAudit.hit(addressWait > 0 ? addressKey! : pairKey);
		if (refusedBefore !== null) {
			await recordAudit({
				action: 'auth.sign_in_throttled',
				requestId: input.requestId,
				details: { address: input.address, refusedBefore }
			});
		}
		return { ok: false, reason: 'throttled', retryAfterMs: wait };
	}
	const found = await findUserByEmail(input.email);
	const valid = await verifyPassword(found?.passwordHash ?? null, input.password);
	if (!found || !valid || found.disabledAt) {
		await recordAudit({
			action: 'auth.sign_in_failed',
			actorUserId: found?.id ?? null,
			requestId: input.requestId,
			details: { address: input.address }
		});
		return { ok: false, reason: 'invalid' };
	}
	await accountThrottle.reset(pairKey);
	if (addressKey) await addressThrottle.refund(addressKey);
	const access = await getAccess(found);
	const needsSecondFactor = await twoFactor.isEnabled(found.id);
	const { token, session } = await createSession(
		found.id,
		isStaff(access.roles) ? 'staff' : 'learner',
		input.userAgent,
		// The password was just typed: sudo mode for the next 10 minutes.
		{ reauthenticatedAt: new Date() }
	);
	await db.update(user).set({ lastLoginAt: new Date() }).where(eq(user.id, found.id));
	await recordAudit({
		action: needsSecondFactor ? 'auth.password_ok' : 'auth.sign_in',
		actorUserId: found.id,
		requestId: input.requestId
	});
	const expiresAt = new Date(session.createdAt.getTime() + session.absoluteSeconds * 1000);
	return { ok: true, token, expiresAt, user: found, access, needsSecondFactor };
}

export type RegisterResult =
	| { ok: true }
	| { ok: false; field: 'password'; message: string }
	| { ok: false; reason: 'throttled'; retryAfterMs: number };

/** How long the confirmation link of a self-registration works. */
export const registrationLinkHours = 24;
const hourMs = 3600 * 1000;

/** At most one "someone tried to register with your address" mail per address per day. */
const existingAccountMail = new OncePerWindow(24 * hourMs);

/**
 * Starts a self-registration: nothing is created until the link mailed to the address is
 * opened (see `confirmRegistration`). When the address already has an account its owner gets
 * at most one mail per day instead; the caller answers the same either way, so registration
 * never reveals who has an account. Throttled per client address before any argon2 work.
 */
export async function register(input: {
	name: string;
	email: string;
	password: string;
	audience: Audience;
	address: string;
	requestId?: string;
}): Promise<RegisterResult> {
	const policy = checkPasswordPolicy(input.password, { email: input.email, name: input.name });
	if (policy) return { ok: false, field: 'password', message: policy };
	const registerKey = addressWideKey('register-ip', input.address);
	const wait = registerKey ? await registerThrottle.reserve(registerKey) : 0;
	if (wait > 0) return { ok: false, reason: 'throttled', retryAfterMs: wait };
	const now = Date.now();
	await db.delete(pendingRegistration).where(lt(pendingRegistration.expiresAt, new Date(now)));
	// Hashed for new and existing addresses alike, so the answer takes the same time.
	const passwordHash = await hashPassword(input.password);
	const existing = await findUserByEmail(input.email);
	if (existing) {
		if (existingAccountMail.firstInWindow(existing.email)) {
			await queueMail({
				kind: 'register-existing',
				to: existing.email,
				subject: messages.mail.existingSubject,
				body: `${messages.mail.greeting(existing.name)}\n\n${messages.mail.existingBody(`${config.origin}/wachtwoord-vergeten`)}\n\n${messages.mail.signature}`
			});
		}
		return { ok: true };
	}
	// A few confirmation mails per address, then silence (no mail bombing of a new address).
	if ((await mailRequestThrottle.reserve(`register:${input.email}`)) > 0) return { ok: true };
	const token = randomToken(32);
	await transaction(async (tx) => {
		await tx.insert(pendingRegistration).values({
			email: input.email,
			name: input.name,
			passwordHash,
			audience: input.audience,
			tokenHash: digest(token),
			createdAt: new Date(now),
			expiresAt: new Date(now + registrationLinkHours * hourMs)
		});
		await queueMail({
			kind: 'register-confirm',
			to: input.email,
			subject: messages.mail.confirmSubject,
			body: `${messages.mail.greeting(input.name)}\n\n${messages.mail.confirmBody(`${config.origin}/registreren/${token}`, registrationLinkHours)}\n\n${messages.mail.signature}`
		});
	});
	return { ok: true };
}

async function findPending(token: string) {
	if (!isTokenShaped(token, 32)) return undefined;
	return await first(
		db
			.select()
			.from(pendingRegistration)
			.where(
				and(
					eq(pendingRegistration.tokenHash, digest(token)),
					gt(pendingRegistration.expiresAt, new Date())
				)
			)
	);
}

/** Whether a confirmation link still works (unused, not expired, the address still free). */
export async function isRegistrationLinkValid(token: string): Promise<boolean> {
	const pending = await findPending(token);
	return !!pending && !(await findUserByEmail(pending.email));
}

/**
 * Opens a confirmation link: creates the account with what was typed at registration. Every
 * other pending registration for the address goes; a link for an address that meanwhile has
 * an account does nothing.
 */
export async function confirmRegistration(input: {
	token: string;
	requestId?: string;
}): Promise<boolean> {
	const pending = await findPending(input.token);
	if (!pending) return false;
	const created = await transaction(async (tx) => {
		await tx.delete(pendingRegistration).where(eq(pendingRegistration.email, pending.email));
		const result = await tx
			.insert(user)
			.values({
				email: pending.email,
				name: pending.name,
				passwordHash: pending.passwordHash,
				audience: pending.audience
			})
			.onConflictDoNothing()
			.returning({ id: user.id });
		return affected(result) === 1 ? Number(result[0]?.id) : null;
	});
	if (created === null) return false;
	await recordAudit({
		action: 'user.registered',
		actorUserId: created,
		requestId: input.requestId
	});
	return true;
}

export const setupLinkHours = 24;

export type CreateAdminResult = { ok: true; link: string } | { ok: false; reason: 'exists' };

/**
 * Creates a platform admin without a usable password and returns a single-use link where they
 * choose one (the password-reset mechanism with a longer lifetime). For a fresh install.
 */
export async function createAdminAccount(input: {
	email: string;
	name: string;
}): Promise<CreateAdminResult> {
	if (await findUserByEmail(input.email)) return { ok: false, reason: 'exists' };
	const token = randomToken(32);
	const now = Date.now();
	await transaction(async (tx) => {
		const created = await tx
			.insert(user)
			.values({ email: input.email, name: input.name, passwordHash: null, isAdmin: true })
			.returning({ id: user.id });
		const id = Number(created[0]?.id);
		await tx.insert(passwordReset).values({
			userId: id,
			tokenHash: digest(token),
			createdAt: new Date(now),
			expiresAt: new Date(now + setupLinkHours * 3600 * 1000)
		});
		await recordAudit({ action: 'admin.created_by_script', targetType: 'user', targetId: id });
	});
	return { ok: true, link: `${config.origin}/wachtwoord-vergeten/${token}` };
}
