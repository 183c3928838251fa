// First in the chain: every request gets an id and empty sign-in state, so later handles, routes
// and the error hook can rely on `locals` being filled.
import type { Handle } from '@sveltejs/kit';

export const requestId: Handle = ({ event, resolve }) => {
	const locals = event.locals;
	locals.requestId = crypto.randomUUID();
	locals.user = null;
	locals.session = null;
	locals.pendingSession = null;
	return resolve(event);
};
