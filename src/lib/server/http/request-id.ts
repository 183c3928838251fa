// First in the chain: every request gets an id and empty sign-in state, so later handles, routes
// and the error hook can rely on `locals` being filled.
import type { Handle } from '@sveltejs/kit';
import { config } from '../platform/config';
import { noteForwardedRequest } from '../platform/client-address';

// UUID-shaped: the first four groups random per process, the last a counter. Unique across
// restarts and processes without drawing a random UUID per request.
const boot = crypto.randomUUID().slice(0, 23);
let counter = 0;

export const requestId: Handle = ({ event, resolve }) => {
	const locals = event.locals;
	locals.requestId = `${boot}-${(++counter).toString(16).padStart(12, '0')}`;
	locals.user = null;
	locals.session = null;
	locals.pendingSession = null;
	// A proxy in front without ADDRESS_HEADER: every user would share its address. Warn once and
	// keep the address-wide throttles from locking everybody out (platform/client-address.ts).
	// One header lookup per request; the address is only read when the header is there.
	if (event.request.headers.has('x-forwarded-for') && !config.addressHeader) {
		noteForwardedRequest(event.getClientAddress());
	}
	return resolve(event);
};
