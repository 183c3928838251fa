// The state cookie that binds an OIDC login to the browser that started it. Over HTTPS it is
// `__Host-` prefixed, SameSite=None and Secure (the launch arrives as a cross-site POST from the
// LMS); over plain HTTP (development, the e2e run on 127.0.0.1) it is SameSite=Lax without the
// prefix, as the session cookie does (platform/cookies.ts).
import type { Cookies } from '@sveltejs/kit';

const lifetimeSeconds = 10 * 60;

/** One cookie per login in flight, so two launches in two tabs do not overwrite each other. */
export function stateCookieName(url: URL, state: string): string {
	const base = `lti-state-${state.slice(0, 12)}`;
	return url.protocol === 'https:' ? `__Host-${base}` : base;
}

function options(url: URL) {
	const secure = url.protocol === 'https:';
	return {
		path: '/',
		httpOnly: true,
		secure,
		sameSite: secure ? ('none' as const) : ('lax' as const)
	};
}

export function setStateCookie(cookies: Cookies, url: URL, state: string): void {
	cookies.set(stateCookieName(url, state), state, { ...options(url), maxAge: lifetimeSeconds });
}

export function readStateCookie(
	cookies: Cookies,
	url: URL,
	state: string | null
): string | undefined {
	if (!state || !/^[a-z0-9]{32}$/.test(state)) return undefined;
	return cookies.get(stateCookieName(url, state));
}

export function clearStateCookie(cookies: Cookies, url: URL, state: string): void {
	cookies.delete(stateCookieName(url, state), options(url));
}
