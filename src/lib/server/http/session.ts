// Reads the session cookie: a signed-in user (with their roles), a session still waiting for its
// second factor, or nobody (and a stale cookie is cleared).
import type { Handle } from '@sveltejs/kit';
import { clearSessionCookie, sessionCookieName, setSessionCookie } from '../platform/cookies';
import {
	outlivesStaffLifetime,
	rotateSession,
	validateSessionToken
} from '../accounts/auth/session';
import { accessFrom, isStaff } from '../accounts/access';

export const session: Handle = async ({ event, resolve }) => {
	const token = event.cookies.get(sessionCookieName(event.url));
	if (token !== undefined) {
		const valid = await validateSessionToken(token);
		if (!valid) {
			clearSessionCookie(event.cookies, event.url);
		} else if (valid.user.twoFactorEnabled && !valid.session.twoFactorVerified) {
			// Password checked, second factor not yet: signed in nowhere but the second step.
			event.locals.pendingSession = valid.session;
		} else {
			const access = accessFrom(valid.user, valid.memberships);
			let current = valid.session;
			// A staff role gained while signed in (an invitation, an admin): the learner session's
			// 14/30 days end here; a new token with the staff lifetimes replaces it.
			if (isStaff(access.roles) && outlivesStaffLifetime(current)) {
				const rotated = await rotateSession(current, { kind: 'staff' });
				if (rotated) {
					setSessionCookie(event.cookies, event.url, rotated.token, rotated.expiresAt);
					current = rotated.session;
				}
			}
			event.locals.session = current;
			// Without an own second factor, a verified session can only come from a provider's
			// multi-factor sign-in (sso/flow.ts).
			const providerMfa = !valid.user.twoFactorEnabled && current.twoFactorVerified;
			event.locals.user = { ...valid.user, ...access, providerMfa };
		}
	}
	return resolve(event);
};
