// The security headers and the request id on every response: pages, data requests, endpoints,
// redirects and error answers (the handle below this one turns throws into responses first).
import type { Handle } from '@sveltejs/kit';
import { applySecurityHeaders, hsts } from '../platform/headers';
import { config } from '../platform/config';
import { areaFor } from '../accounts/guards';
import { isLtiPath, relaxFramingForPlatforms } from '../lti';

/**
 * server.js (the production entry) puts the fixed security headers on every Node response,
 * static files included, and sets this mark; behind it the handle adds only what depends on the
 * request, instead of writing the same five headers a second time on every Web response.
 */
const atEdge = Symbol.for('signaalwijs.securityHeadersAtEdge');
function headersAtEdge(): boolean {
	return (globalThis as Record<symbol, unknown>)[atEdge] === true;
}

/** Paths that carry a secret token: it never leaks to another site through the Referer header. */
const tokenPath = /^\/(wachtwoord-vergeten|uitnodiging|registreren)\/[^/]/;

export const securityHeaders: Handle = async ({ event, resolve }) => {
	const response = await resolve(event);
	const { locals, url } = event;
	if (tokenPath.test(url.pathname)) response.headers.set('referrer-policy', 'no-referrer');
	const https = url.protocol === 'https:';
	const noStore = !!(locals.user || locals.pendingSession || areaFor(url.pathname));
	if (!headersAtEdge()) {
		applySecurityHeaders(response.headers, { production: config.isProduction, https, noStore });
	} else {
		// config.isProduction reads process.env, which is slow enough to skip on plain HTTP.
		if (https && config.isProduction) response.headers.set('strict-transport-security', hsts);
		if (noStore) response.headers.set('cache-control', 'no-store');
	}
	// Only the LTI pages may be framed, and only by the registered LMS platforms.
	if (isLtiPath(url.pathname)) await relaxFramingForPlatforms(response.headers);
	response.headers.set('x-request-id', locals.requestId);
	return response;
};
