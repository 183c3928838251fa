// People and their access: registration, sign-in, password reset and what roles a user holds.
import { and, eq, gt, isNull, sql } from 'drizzle-orm';
import { config } from '../platform/config';
import { db, transaction } from '../db';
import { prepared } from '../db/prepared';
import {
	membership,
	organisation,
	passwordReset,
	user,
	type Audience,
	type Role,
	type User
} from '../db/schema';
import { messages } from '$lib/i18n';
import { queueMail } from '../platform/mail';
import { recordAudit } from '../platform/audit';
import { checkPasswordPolicy, hashPassword, verifyPassword } from './auth/password';
import { createSession, invalidateUserSessions } from './auth/session';
import { accountThrottle, addressThrottle, mailRequestThrottle } from './auth/throttle';
import { digest, randomToken } from './auth/tokens';
import * as twoFactor from './auth/two-factor';

export type AreaRole = Role | 'admin';

export interface MembershipView {
	organisationId: number;
	organisationName: string;
	role: Role;
	audience: Audience | null;
	teamId: number | null;
}

export interface Access {
	roles: AreaRole[];
	memberships: MembershipView[];
}

const selectMemberships = prepared((database) =>
	database
		.select({
			organisationId: membership.organisationId,
			organisationName: organisation.name,
			role: membership.role,
			audience: membership.audience,
			teamId: membership.teamId
		})
		.from(membership)
		.innerJoin(organisation, eq(organisation.id, membership.organisationId))
		.where(and(eq(membership.userId, sql.placeholder('userId')), isNull(organisation.archivedAt)))
		.prepare()
);

/**
 * What a user may do. Roles come from memberships; self-registered people without a
 * membership are learners; `admin` is a platform role on the user itself.
 */
export function getAccess(u: { id: number; isAdmin: boolean }): Access {
	const memberships = selectMemberships().all({ userId: u.id });
	const roles = new Set<AreaRole>(memberships.map((m) => m.role));
	if (u.isAdmin) roles.add('admin');
	if (roles.size === 0) roles.add('learner');
	return { roles: [...roles], memberships };
}

export function isStaff(roles: readonly AreaRole[]): boolean {
	return roles.some((r) => r !== 'learner');
}

export function findUserByEmail(email: string): User | undefined {
	return db.select().from(user).where(eq(user.email, email)).get();
}

export function getUser(id: number): User | undefined {
	return db.select().from(user).where(eq(user.id, id)).get();
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
	const accountKey = `login:${input.email}`;
	const addressKey = `login-ip:${input.address}`;
	const wait = Math.max(
		accountThrottle.retryAfter(accountKey),
		addressThrottle.retryAfter(addressKey)
	);
	if (wait > 0) {
		recordAudit({
			action: 'auth.sign_in_throttled',
			requestId: input.requestId,
			details: { address: input.address }
		});
		return { ok: false, reason: 'throttled', retryAfterMs: wait };
	}
	const found = findUserByEmail(input.email);
	const valid = await verifyPassword(found?.passwordHash ?? null, input.password);
	if (!found || !valid || found.disabledAt) {
		accountThrottle.fail(accountKey);
		addressThrottle.fail(addressKey);
		recordAudit({
			action: 'auth.sign_in_failed',
			actorUserId: found?.id ?? null,
			requestId: input.requestId,
			details: { address: input.address }
		});
		return { ok: false, reason: 'invalid' };
	}
	accountThrottle.reset(accountKey);
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

const resetLifetimeMs = 60 * 60 * 1000;

export type ResetRequestResult = { ok: true } | { ok: false; retryAfterMs: number };

/**
 * Sends a password-reset link when the address has an account. A new request cancels older
 * links. Links are built from ORIGIN, never from the Host header.
 */
export function requestPasswordReset(input: {
	email: string;
	address: string;
	requestId?: string;
}): ResetRequestResult {
	const keys = [`reset:${input.email}`, `reset-ip:${input.address}`];
	const wait = Math.max(...keys.map((k) => mailRequestThrottle.retryAfter(k)));
	if (wait > 0) return { ok: false, retryAfterMs: wait };
	for (const key of keys) mailRequestThrottle.fail(key);
	const found = findUserByEmail(input.email);
	if (!found || found.disabledAt) return { ok: true };
	const token = randomToken(32);
	const now = Date.now();
	transaction((tx) => {
		tx.delete(passwordReset).where(eq(passwordReset.userId, found.id)).run();
		tx.insert(passwordReset)
			.values({
				userId: found.id,
				tokenHash: digest(token),
				createdAt: new Date(now),
				expiresAt: new Date(now + resetLifetimeMs)
			})
			.run();
		queueMail({
			kind: 'password-reset',
			to: found.email,
			subject: messages.mail.resetSubject,
			body: `${messages.mail.greeting(found.name)}\n\n${messages.mail.resetBody(`${config.origin}/wachtwoord-vergeten/${token}`)}\n\n${messages.mail.signature}`
		});
	});
	recordAudit({
		action: 'auth.reset_requested',
		actorUserId: found.id,
		requestId: input.requestId
	});
	return { ok: true };
}

/** The account a reset token belongs to, if the token is unused and not expired. */
export function findValidReset(token: string): { resetId: number; user: User } | undefined {
	if (token.length !== 32) return undefined;
	const row = db
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
		.get();
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
	const found = findValidReset(input.token);
	if (!found) return { ok: false, reason: 'invalid' };
	const policy = checkPasswordPolicy(input.password, {
		email: found.user.email,
		name: found.user.name
	});
	if (policy) return { ok: false, reason: 'policy', message: policy };
	const passwordHash = await hashPassword(input.password);
	const done = transaction((tx) => {
		const used = tx
			.update(passwordReset)
			.set({ usedAt: new Date() })
			.where(and(eq(passwordReset.id, found.resetId), isNull(passwordReset.usedAt)))
			.run();
		if (used.changes !== 1) return false;
		tx.update(user).set({ passwordHash }).where(eq(user.id, found.user.id)).run();
		invalidateUserSessions(found.user.id);
		return true;
	});
	if (!done) return { ok: false, reason: 'invalid' };
	recordAudit({
		action: 'auth.password_reset',
		actorUserId: found.user.id,
		requestId: input.requestId
	});
	return { ok: true };
}

export type ChangePasswordResult =
	{ ok: true } | { ok: false; field: 'current' | 'password'; message: string };

/** Changes the password after checking the current one; every other session of the user ends. */
export async function changePassword(input: {
	userId: number;
	sessionId: string;
	current: string;
	password: string;
	requestId?: string;
}): Promise<ChangePasswordResult> {
	const found = getUser(input.userId);
	if (!found) return { ok: false, field: 'current', message: messages.account.currentWrong };
	const key = `change:${found.id}`;
	if (accountThrottle.retryAfter(key) > 0) {
		return { ok: false, field: 'current', message: messages.account.currentWrong };
	}
	if (!(await verifyPassword(found.passwordHash, input.current))) {
		accountThrottle.fail(key);
		return { ok: false, field: 'current', message: messages.account.currentWrong };
	}
	accountThrottle.reset(key);
	const policy = checkPasswordPolicy(input.password, { email: found.email, name: found.name });
	if (policy) return { ok: false, field: 'password', message: policy };
	const passwordHash = await hashPassword(input.password);
	transaction((tx) => {
		tx.update(user).set({ passwordHash }).where(eq(user.id, found.id)).run();
		invalidateUserSessions(found.id, input.sessionId);
	});
	recordAudit({
		action: 'auth.password_changed',
		actorUserId: found.id,
		targetType: 'user',
		targetId: found.id,
		requestId: input.requestId
	});
	return { ok: true };
}

/** How long the link printed by `npm run admin:create` works. */
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
