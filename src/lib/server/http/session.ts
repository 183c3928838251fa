// Reads the session cookie: a signed-in user (with their roles), a session still waiting for its
// second factor, or nobody (and a stale cookie is cleared).
import type { Handle } from '@sveltejs/kit';
import { clearSessionCookie, sessionCookieName } from '../platform/cookies';
import { validateSessionToken } from '../accounts/auth/session';
import { getAccess } from '../accounts/access';

export const session: Handle = ({ event, resolve }) => {
	const token = event.cookies.get(sessionCookieName(event.url));
	if (token !== undefined) {
		const valid = validateSessionToken(token);
		if (!valid) {
			clearSessionCookie(event.cookies, event.url);
		} else if (valid.user.twoFactorEnabled && !valid.session.twoFactorVerified) {
			// Password checked, second factor not yet: signed in nowhere but the second step.
			event.locals.pendingSession = valid.session;
		} else {
			event.locals.session = valid.session;
			event.locals.user = { ...valid.user, ...getAccess(valid.user) };
		}
	}
	return resolve(event);
};
