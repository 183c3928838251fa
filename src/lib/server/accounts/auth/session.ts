// Sessions as the Lucia sessions guide describes them (lucia-auth.com), without the deprecated
// `lucia` package: token "<id>.<secret>", only SHA-256(secret) stored, constant-time compare,
// idle and absolute expiry, a new session at every sign-in.
import { and, desc, eq, isNotNull, isNull, ne, sql } from 'drizzle-orm';
import { affected, db, transaction } from '../../db';
import { epochParam, prepared } from '../../db/prepared';
import { membership, organisation, session, twoFactor, user, type Session } from '../../db/schema';
import type { MembershipView } from '../access';
import { digest, digestEquals, isTokenShaped, randomToken } from './tokens';

export const lifetimes = {
	learner: { idleSeconds: 14 * 24 * 3600, absoluteSeconds: 30 * 24 * 3600 },
	// Staff see other people's data: shorter windows (security checklist, sessions).
	staff: { idleSeconds: 30 * 60, absoluteSeconds: 12 * 3600 }
} as const;

/** How stale last_seen_at may get before a request refreshes it (saves a write per request). */
const touchAfterMs = 60_000;

export interface SessionUser {
	id: number;
	email: string;
	name: string;
	isAdmin: boolean;
	/** Two-factor is on: a session counts only once its second step is verified. */
	twoFactorEnabled: boolean;
}

export interface ValidSession {
	session: Session;
	user: SessionUser;
	/** The user's memberships of organisations that are not archived (for `accessFrom`). */
	memberships: MembershipView[];
}

export async function createSession(
	userId: number,
	kind: keyof typeof lifetimes,
	userAgent: string | null = null,
	options: { twoFactorVerified?: boolean; reauthenticatedAt?: Date | null } = {}
): Promise<{ token: string; session: Session }> {
	const id = randomToken();
	const secret = randomToken();
	const now = new Date(Date.now());
	const row: Session = {
		id,
		userId,
		secretHash: digest(secret),
		createdAt: now,
		lastSeenAt: now,
		userAgent: userAgent ? userAgent.slice(0, 300) : null,
		twoFactorVerified: options.twoFactorVerified ?? false,
		reauthenticatedAt: options.reauthenticatedAt ?? null,
		...lifetimes[kind]
	};
	await db.insert(session).values(row);
	return { token: `${id}.${secret}`, session: row };
}

// One statement for every signed-in request: the session, its user, whether two-factor is on,
// and the user's memberships (one row each; one row without them), so the roles need no second
// round trip to the database.
const selectSession = prepared((database) =>
	database
		.select({
			session,
			user: { id: user.id, email: user.email, name: user.name, isAdmin: user.isAdmin },
			disabledAt: user.disabledAt,
			twoFactorUser: twoFactor.userId,
			membership: {
				organisationId: membership.organisationId,
				role: membership.role,
				audience: membership.audience,
				teamId: membership.teamId
			},
			organisationName: organisation.name
		})
		.from(session)
		.innerJoin(user, eq(user.id, session.userId))
		.leftJoin(twoFactor, and(eq(twoFactor.userId, session.userId), isNotNull(twoFactor.enabledAt)))
		.leftJoin(membership, eq(membership.userId, session.userId))
		.leftJoin(
			organisation,
			and(eq(organisation.id, membership.organisationId), isNull(organisation.archivedAt))
		)
		.where(eq(session.id, sql.placeholder('id')))
		// The order the memberships had when they were read on their own (SQLite's index order).
		.orderBy(membership.organisationId, membership.role)
		.prepare()
);

const touchSession = prepared((database) =>
	database
		.update(session)
		.set({ lastSeenAt: epochParam('now') })
		.where(eq(session.id, sql.placeholder('id')))
		.prepare()
);

export function isExpired(row: Session, now: number): boolean {
	return (
		now >= row.createdAt.getTime() + row.absoluteSeconds * 1000 ||
		now >= row.lastSeenAt.getTime() + row.idleSeconds * 1000
	);
}

/** Returns the session and its user, or null for a malformed, unknown, wrong or expired token. */
export async function validateSessionToken(token: string): Promise<ValidSession | null> {
	if (token.length > 100) return null;
	const [id, secret, ...rest] = token.split('.');
	if (rest.length > 0 || !id || !secret || !isTokenShaped(id) || !isTokenShaped(secret)) {
		return null;
	}
	const rows = await selectSession().all({ id });
	const found = rows[0];
	if (!found) return null;
	if (!digestEquals(digest(secret), found.session.secretHash)) return null;
	const now = Date.now();
	if (found.disabledAt || isExpired(found.session, now)) {
		await invalidateSession(id);
		return null;
	}
	if (now - found.session.lastSeenAt.getTime() >= touchAfterMs) {
		await touchSession().run({ id, now });
		found.session.lastSeenAt = new Date(now);
	}
	const memberships: MembershipView[] = [];
	for (const row of rows) {
		// A membership of an archived organisation gives nothing (its organisation is null).
		if (row.membership && row.organisationName !== null) {
			memberships.push({ ...row.membership, organisationName: row.organisationName });
		}
	}
	return {
		session: found.session,
		user: { ...found.user, twoFactorEnabled: found.twoFactorUser !== null },
		memberships
	};
}

/** When a session ends at the latest (its absolute lifetime), for the cookie's expiry. */
export function sessionExpiresAt(row: Session): Date {
	return new Date(row.createdAt.getTime() + row.absoluteSeconds * 1000);
}

export interface RotatedSession {
	token: string;
	session: Session;
	expiresAt: Date;
}

/**
 * Swaps a session for a new token (new id and secret) and ends the old one in one step, for
 * moments when the session gains something: the second factor (so a token planted before
 * sign-in never becomes a signed-in one: session fixation) or a staff role (so the session
 * takes the staff lifetimes). Keeps the user agent and the sudo timestamp. Null when the old
 * session was already gone (another request swapped it first).
 */
export async function rotateSession(
	old: Session,
	changes: { kind?: keyof typeof lifetimes; twoFactorVerified?: boolean } = {}
): Promise<RotatedSession | null> {
	const id = randomToken();
	const secret = randomToken();
	const now = new Date(Date.now());
	const row: Session = {
		id,
		userId: old.userId,
		secretHash: digest(secret),
		createdAt: now,
		lastSeenAt: now,
		userAgent: old.userAgent,
		twoFactorVerified: changes.twoFactorVerified ?? old.twoFactorVerified,
		reauthenticatedAt: old.reauthenticatedAt,
		...(changes.kind
			? lifetimes[changes.kind]
			: { idleSeconds: old.idleSeconds, absoluteSeconds: old.absoluteSeconds })
	};
	const swapped = await transaction(async (tx) => {
		if (affected(await tx.delete(session).where(eq(session.id, old.id))) !== 1) return false;
		await tx.insert(session).values(row);
		return true;
	});
	return swapped
		? { token: `${id}.${secret}`, session: row, expiresAt: sessionExpiresAt(row) }
		: null;
}

/** Whether a session lives longer than a staff session may (it began before a staff role). */
export function outlivesStaffLifetime(row: Session): boolean {
	return (
		row.idleSeconds > lifetimes.staff.idleSeconds ||
		row.absoluteSeconds > lifetimes.staff.absoluteSeconds
	);
}

export async function invalidateSession(id: string): Promise<void> {
	await db.delete(session).where(eq(session.id, id));
}

/** Ends every session of a user, or every one but `exceptId` (the one in use). */
export async function invalidateUserSessions(userId: number, exceptId?: string): Promise<number> {
	const where =
		exceptId === undefined
			? eq(session.userId, userId)
			: and(eq(session.userId, userId), ne(session.id, exceptId));
	return affected(await db.delete(session).where(where));
}

export async function listUserSessions(userId: number): Promise<Session[]> {
	return await db
		.select()
		.from(session)
		.where(eq(session.userId, userId))
		.orderBy(desc(session.lastSeenAt));
}

/** Ends one session, only when it belongs to `userId` (a user ends their own sessions only). */
export async function invalidateOwnSession(userId: number, id: string): Promise<boolean> {
	return (
		affected(
			await db.delete(session).where(and(eq(session.id, id), eq(session.userId, userId)))
		) === 1
	);
}
