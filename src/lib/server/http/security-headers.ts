// The security headers and the request id on every response: pages, data requests, endpoints,
// redirects and error answers (the handle below this one turns throws into responses first).
import type { Handle } from '@sveltejs/kit';
import { applySecurityHeaders } from '../platform/headers';
import { config } from '../platform/config';
import { areaFor } from '../accounts/guards';

/** Paths that carry a secret token: it never leaks to another site through the Referer header. */
const tokenPath = /^\/(wachtwoord-vergeten|uitnodiging|registreren)\/[^/]/;

export const securityHeaders: Handle = async ({ event, resolve }) => {
	const response = await resolve(event);
	const { locals, url } = event;
	if (tokenPath.test(url.pathname)) response.headers.set('referrer-policy', 'no-referrer');
	applySecurityHeaders(response.headers, {
		production: config.isProduction,
		https: url.protocol === 'https:',
		noStore: !!(locals.user || locals.pendingSession || areaFor(url.pathname))
	});
	response.headers.set('x-request-id', locals.requestId);
	return response;
};
