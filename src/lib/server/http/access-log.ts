// One access-log line per request, written after every other handle has shaped the response.
import type { Handle } from '@sveltejs/kit';
import type { RequestEvent } from '@sveltejs/kit';
import { log } from '../platform/log';

/** A path segment that may be a secret: 16 or more token characters (reset links use 32). */
const tokenLike = /[A-Za-z0-9_~.%-]{16,}/g;

/**
 * What a log line names a request by: the route id (`/wachtwoord-vergeten/[token]`), never the
 * raw URL, so no query string and no token from a path reaches the logs. A path that matched no
 * route is shortened, with every token-like segment replaced.
 */
export function loggedRoute(event: Pick<RequestEvent, 'route' | 'url'>): string {
	return event.route.id ?? event.url.pathname.slice(0, 120).replace(tokenLike, '[token]');
}

export const accessLog: Handle = async ({ event, resolve }) => {
	const started = performance.now();
	const response = await resolve(event);
	log.info('request', {
		method: event.request.method,
		route: loggedRoute(event),
		status: response.status,
		ms: Math.round(performance.now() - started),
		requestId: event.locals.requestId,
		userId: event.locals.user?.id ?? event.locals.pendingSession?.userId ?? null
	});
	return response;
};
