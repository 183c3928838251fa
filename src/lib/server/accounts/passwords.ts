// Passwords after sign-up: the reset link by e-mail (single use, one hour) and the change on the
// profile page; both end the other sessions.
import { and, eq, gt, isNull } from 'drizzle-orm';
import { config } from '../platform/config';
import { affected, db, transaction, first } from '../db';
import { passwordReset, session, user, type Session, type User } from '../db/schema';
import { messages } from '$lib/i18n';
import { queueMail } from '../platform/mail';
import { recordAudit } from '../platform/audit';
import { checkPasswordPolicy, hashPassword } from './auth/password';
import { isInSudoMode, reauthenticate } from './auth/sudo';
import { invalidateUserSessions } from './auth/session';
import { addressWideKey, mailRequestThrottle } from './auth/throttle';
import { digest, randomToken } from './auth/tokens';
import { findUserByEmail, getUser } from './access';
import { clearSignInThrottle } from './accounts';

const resetLifetimeMs = 60 * 60 * 1000;

export type ResetRequestResult = { ok: true } | { ok: false; retryAfterMs: number };

/**
 * Sends a password-reset link when the address has an account. A new request cancels older
 * links. Links are built from ORIGIN, never from the Host header.
 */
export async function requestPasswordReset(input: {
	email: string;
	address: string;
	requestId?: string;
}): Promise<ResetRequestResult> {
	const addressKey = addressWideKey('reset-ip', input.address);
	const keys = addressKey ? [`reset:${input.email}`, addressKey] : [`reset:${input.email}`];
	const wait = Math.max(...(await Promise.all(keys.map((k) => mailRequestThrottle.retryAfter(k)))));
	if (wait > 0) return { ok: false, retryAfterMs: wait };
	for (const key of keys) await mailRequestThrottle.fail(key);
	const found = await findUserByEmail(input.email);
	if (!found || found.disabledAt) return { ok: true };
	const token = randomToken(32);
	const now = Date.now();
	await transaction(async (tx) => {
		await tx.delete(passwordReset).where(eq(passwordReset.userId, found.id));
		await tx.insert(passwordReset).values({
			userId: found.id,
			tokenHash: digest(token),
			createdAt: new Date(now),
			expiresAt: new Date(now + resetLifetimeMs)
		});
		await queueMail({
			kind: 'password-reset',
			to: found.email,
			subject: messages.mail.resetSubject,
			body: `${messages.mail.greeting(found.name)}\n\n${messages.mail.resetBody(`${config.origin}/wachtwoord-vergeten/${token}`)}\n\n${messages.mail.signature}`
		});
	});
	await recordAudit({
		action: 'auth.reset_requested',
		actorUserId: found.id,
		requestId: input.requestId
	});
	return { ok: true };
}

/** The account a reset token belongs to, if the token is unused and not expired. */
export async function findValidReset(
	token: string
): Promise<{ resetId: number; user: User } | undefined> {
	if (token.length !== 32) return undefined;
	const row = await first(
		db
			.select({ resetId: passwordReset.id, user })
			.from(passwordReset)
			.innerJoin(user, eq(user.id, passwordReset.userId))
			.where(
				and(
					eq(passwordReset.tokenHash, digest(token)),
					isNull(passwordReset.usedAt),
					gt(passwordReset.expiresAt, new Date()),
					isNull(user.disabledAt)
				)
			)
	);
	return row;
}

export type ResetResult =
	| { ok: true }
	| { ok: false; reason: 'invalid' }
	| { ok: false; reason: 'policy'; message: string };

/** Sets the new password, uses the token up and ends every session of the account. */
export async function resetPassword(input: {
	token: string;
	password: string;
	requestId?: string;
}): Promise<ResetResult> {
	const found = await findValidReset(input.token);
	if (!found) return { ok: false, reason: 'invalid' };
	const policy = checkPasswordPolicy(input.password, {
		email: found.user.email,
		name: found.user.name
	});
	if (policy) return { ok: false, reason: 'policy', message: policy };
	const passwordHash = await hashPassword(input.password);
	const done = await transaction(async (tx) => {
		const used = await tx
			.update(passwordReset)
			.set({ usedAt: new Date() })
			.where(and(eq(passwordReset.id, found.resetId), isNull(passwordReset.usedAt)));
		if (affected(used) !== 1) return false;
		await tx.update(user).set({ passwordHash }).where(eq(user.id, found.user.id));
		await invalidateUserSessions(found.user.id);
		return true;
	});
	if (!done) return { ok: false, reason: 'invalid' };
	// Whoever opened the mailed link owns the account: earlier failed sign-ins no longer count.
	await clearSignInThrottle(found.user.email);
	await recordAudit({
		action: 'auth.password_reset',
		actorUserId: found.user.id,
		requestId: input.requestId
	});
	return { ok: true };
}

export type ChangePasswordResult =
	{ ok: true } | { ok: false; field: 'current' | 'password'; message: string };

/**
 * Whether the account has a password of its own. Accounts made by a first sign-in with the
 * organisation's account (SSO) or by a launch from the school's LMS (LTI) have none: they sign
 * in there, and /profiel has no password to change for them.
 */
export async function hasPassword(userId: number): Promise<boolean> {
	const found = await getUser(userId);
	return Boolean(found?.passwordHash);
}

/**
 * Changes the password in sudo mode (accounts/auth/sudo.ts). The form's current-password field
 * is the sudo check itself: typed right, it opens sudo mode for the session (throttled, counted
 * before the slow hash); the change then requires the session's reauthenticated_at to be within
 * 10 minutes. Every other session of the user ends.
 */
export async function changePassword(input: {
	userId: number;
	session: Pick<Session, 'id' | 'reauthenticatedAt'>;
	current: string;
	password: string;
	requestId?: string;
}): Promise<ChangePasswordResult> {
	const found = await getUser(input.userId);
	if (!found) return { ok: false, field: 'current', message: messages.account.currentWrong };
	if (!found.passwordHash) {
		return { ok: false, field: 'current', message: messages.account.noPassword };
	}
	const again = await reauthenticate({
		userId: found.id,
		sessionId: input.session.id,
		password: input.current
	});
	if (!again.ok) {
		const message =
			again.reason === 'throttled'
				? messages.auth.throttled(Math.ceil(again.retryAfterMs / 60_000))
				: messages.account.currentWrong;
		return { ok: false, field: 'current', message };
	}
	// The change itself goes by the session's stored reauthenticated_at, like every sudo action.
	const current = await first(
		db
			.select({ reauthenticatedAt: session.reauthenticatedAt })
			.from(session)
			.where(and(eq(session.id, input.session.id), eq(session.userId, found.id)))
	);
	if (!isInSudoMode(current)) {
		return { ok: false, field: 'current', message: messages.account.currentWrong };
	}
	const policy = checkPasswordPolicy(input.password, { email: found.email, name: found.name });
	if (policy) return { ok: false, field: 'password', message: policy };
	const passwordHash = await hashPassword(input.password);
	await transaction(async (tx) => {
		await tx.update(user).set({ passwordHash }).where(eq(user.id, found.id));
		await invalidateUserSessions(found.id, input.session.id);
	});
	await recordAudit({
		action: 'auth.password_changed',
		actorUserId: found.id,
		targetType: 'user',
		targetId: found.id,
		requestId: input.requestId
	});
	return { ok: true };
}

/** How long the link printed by `npm run admin:create` works. */
