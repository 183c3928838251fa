// Sudo mode (ASVS 3.7 / Lucia guide): changing a sign-in factor, the password or deleting the
// account needs the password typed in this session within the last 10 minutes. Typing it is
// throttled like sign-in, counted before the slow check.
import { and, eq } from 'drizzle-orm';
import { redirect, type RequestEvent } from '@sveltejs/kit';
import { db, first } from '../../db';
import { session, user } from '../../db/schema';
import { verifyPassword } from './password';
import { accountThrottle } from './throttle';
import { safeRedirectPath } from '../guards';

export const sudoWindowMs = 10 * 60 * 1000;

/** Whether the session typed its password within the last 10 minutes. */
export function isInSudoMode(
	current: { reauthenticatedAt: Date | null } | null | undefined,
	now = Date.now()
): boolean {
	const at = current?.reauthenticatedAt?.getTime();
	return at !== undefined && now - at < sudoWindowMs && at <= now + 1000;
}

export type ReauthenticateResult =
	| { ok: true; reauthenticatedAt: Date }
	| { ok: false; reason: 'wrong' }
	| { ok: false; reason: 'throttled'; retryAfterMs: number };

/** Checks the password again (throttled per account) and opens sudo mode for this session. */
export async function reauthenticate(input: {
	userId: number;
	sessionId: string;
	password: string;
}): Promise<ReauthenticateResult> {
	const key = `sudo:${input.userId}`;
	const wait = await accountThrottle.reserve(key);
	if (wait > 0) return { ok: false, reason: 'throttled', retryAfterMs: wait };
	const found = await first(
		db.select({ passwordHash: user.passwordHash }).from(user).where(eq(user.id, input.userId))
	);
	if (!(await verifyPassword(found?.passwordHash ?? null, input.password))) {
		return { ok: false, reason: 'wrong' };
	}
	await accountThrottle.reset(key);
	const reauthenticatedAt = new Date();
	await db
		.update(session)
		.set({ reauthenticatedAt })
		.where(and(eq(session.id, input.sessionId), eq(session.userId, input.userId)));
	return { ok: true, reauthenticatedAt };
}

/** The page where the password is typed again; it sends the person back to `returnTo`. */
export const confirmPagePath = '/profiel/bevestigen';

/**
 * Where the confirm page may send someone back to: a same-site relative path only (never
 * `//evil.example`, `/\evil`, an absolute URL or the confirm page itself); else the profile.
 */
export function safeReturnPath(value: string | null | undefined): string {
	const path = safeRedirectPath(value, '/profiel');
	const pathname = path.split(/[?#]/)[0];
	return pathname === confirmPagePath || pathname === `${confirmPagePath}/` ? '/profiel' : path;
}

/** The confirm page's address, with the (made safe) path to come back to. */
export function confirmPath(returnTo: string): string {
	return `${confirmPagePath}?terug=${encodeURIComponent(safeReturnPath(returnTo))}`;
}

/**
 * For loads and actions that change a factor, the e-mail, the password or delete the account:
 * outside sudo mode, a redirect to the confirm page that comes back to this page afterwards.
 * `returnTo` defaults to the page's path (an action's `?/name` is left off).
 */
export function requireSudo(event: RequestEvent, returnTo = event.url.pathname): void {
	if (!isInSudoMode(event.locals.session)) redirect(303, confirmPath(returnTo));
}
