// Security headers added to every response that passes through the server hook (pages, data
// requests, endpoints, redirects and error pages). The CSP itself comes from kit.csp.
export const securityHeaders: Readonly<Record<string, string>> = {
	'x-content-type-options': 'nosniff',
	'referrer-policy': 'strict-origin-when-cross-origin',
	'permissions-policy':
		'camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()',
	'x-frame-options': 'DENY',
	'cross-origin-opener-policy': 'same-origin'
};

export const hsts = 'max-age=31536000; includeSubDomains';

/**
 * Sets the headers on `headers` without overriding a stricter value a route chose (the reset
 * page's Referrer-Policy: no-referrer). HSTS only in production over HTTPS: over plain HTTP it
 * means nothing, and on localhost it would pin a developer's browser to HTTPS.
 */
export function applySecurityHeaders(
	headers: Headers,
	options: { production: boolean; https: boolean; noStore: boolean }
): void {
	for (const [name, value] of Object.entries(securityHeaders)) {
		if (!headers.has(name)) headers.set(name, value);
	}
	if (options.production && options.https) headers.set('strict-transport-security', hsts);
	if (options.noStore) headers.set('cache-control', 'no-store');
}
