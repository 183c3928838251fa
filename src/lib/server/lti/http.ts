// The two places where LTI needs the web's defaults loosened, kept narrow and in one file:
// the LMS posts forms cross-site to /lti/login and /lti/launch (their state, nonce and signed ID
// token protect them instead of the origin check), and the LTI pages may be framed by the
// registered platforms only.
import { platformOrigins } from './registrations';

/** Endpoints an LMS posts to from its own origin. */
const crossSiteEndpoints = new Set(['/lti/login', '/lti/launch']);

// The types SvelteKit protects (kit's is_form_content_type), its own binary form type included.
const formTypes = [
	'application/x-www-form-urlencoded',
	'multipart/form-data',
	'text/plain',
	'application/x-sveltekit-formdata'
];

/**
 * SvelteKit's CSRF origin check (kit.csrf), done here so the two LTI endpoints can be exempt:
 * a form POST, PUT, PATCH or DELETE from another origin is refused everywhere else.
 */
export function isForbiddenCrossSiteForm(request: Request, url: URL): boolean {
	if (!['POST', 'PUT', 'PATCH', 'DELETE'].includes(request.method)) return false;
	const type = (request.headers.get('content-type') ?? '').split(';', 1)[0].trim().toLowerCase();
	if (!formTypes.includes(type)) return false;
	const origin = request.headers.get('origin');
	if (origin === url.origin) return false;
	// A page served with `Referrer-Policy: no-referrer` (the token pages: registration, invitation,
	// password reset) makes the browser send `Origin: null` on its own form posts, also to its own
	// site. Those are recognised by the browser's Fetch Metadata, which a page cannot set: without
	// it, on a browser that sends none, or from another site, `null` stays refused.
	if (origin === 'null' && request.headers.get('sec-fetch-site') === 'same-origin') return false;
	return !(request.method === 'POST' && crossSiteEndpoints.has(url.pathname));
}

export function isLtiPath(pathname: string): boolean {
	return pathname === '/lti' || pathname.startsWith('/lti/');
}

/**
 * On LTI pages: frame-ancestors (and form-action, for the deep-linking answer posted back to
 * the LMS) name the registered platforms instead of 'none'. Other pages keep 'none'.
 */
export async function relaxFramingForPlatforms(
	headers: Headers,
	origins?: string[]
): Promise<void> {
	origins ??= await platformOrigins();
	const allowed = ["'self'", ...origins].join(' ');
	const csp = headers.get('content-security-policy');
	const directives = (csp ?? '')
		.split(';')
		.map((d) => d.trim())
		.filter((d) => d && !/^(frame-ancestors|form-action)\b/.test(d));
	directives.push(`frame-ancestors ${allowed}`, `form-action ${allowed}`);
	headers.set('content-security-policy', directives.join('; '));
	// CSP frame-ancestors supersedes X-Frame-Options; drop the DENY so old browsers agree.
	headers.delete('x-frame-options');
}
