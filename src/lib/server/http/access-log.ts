// One access-log line per request, written after every other handle has shaped the response.
import type { Handle } from '@sveltejs/kit';
import { log } from '../platform/log';

export const accessLog: Handle = async ({ event, resolve }) => {
	const started = performance.now();
	const response = await resolve(event);
	log.info('request', {
		method: event.request.method,
		// The route id, never the raw URL: no query strings or tokens from paths in the logs.
		route: event.route.id ?? event.url.pathname.slice(0, 120),
		status: response.status,
		ms: Math.round(performance.now() - started),
		requestId: event.locals.requestId,
		userId: event.locals.user?.id ?? event.locals.pendingSession?.userId ?? null
	});
	return response;
};
