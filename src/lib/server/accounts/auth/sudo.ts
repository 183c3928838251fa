// Sudo mode (ASVS 3.7 / Lucia guide): changing a sign-in factor, the password or deleting the
// account needs the password typed in this session within the last 10 minutes. Typing it is
// throttled like sign-in, counted before the slow check.
import { eq } from 'drizzle-orm';
import { db } from '../../db';
import { session, user } from '../../db/schema';
import { verifyPassword } from './password';
import { accountThrottle } from './throttle';

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
	| { ok: true }
	| { ok: false; reason: 'wrong' }
	| { ok: false; reason: 'throttled'; retryAfterMs: number };

/** Checks the password again (throttled per account) and opens sudo mode for this session. */
export async function reauthenticate(input: {
	userId: number;
	sessionId: string;
	password: string;
}): Promise<ReauthenticateResult> {
	const key = `sudo:${input.userId}`;
	const wait = accountThrottle.reserve(key);
	if (wait > 0) return { ok: false, reason: 'throttled', retryAfterMs: wait };
	const found = db
		.select({ passwordHash: user.passwordHash })
		.from(user)
		.where(eq(user.id, input.userId))
		.get();
	if (!(await verifyPassword(found?.passwordHash ?? null, input.password))) {
		return { ok: false, reason: 'wrong' };
	}
	accountThrottle.reset(key);
	db.update(session)
		.set({ reauthenticatedAt: new Date() })
		.where(eq(session.id, input.sessionId))
		.run();
	return { ok: true };
}
