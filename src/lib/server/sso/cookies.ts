// The browser's half of a sign-in in flight: the state (and later the first-sign-in token) in a
// short-lived http-only cookie. SameSite=Lax: the provider sends the person back with a
// top-level GET, which carries Lax cookies. `__Host-` prefixed over HTTPS.
import type { Cookies } from '@sveltejs/kit';

const lifetimeSeconds = 10 * 60;

function name(url: URL, base: string): string {
	return url.protocol === 'https:' ? `__Host-${base}` : base;
}

function options(url: URL) {
	return { path: '/', httpOnly: true, secure: url.protocol === 'https:', sameSite: 'lax' as const };
}

export function setLoginCookie(cookies: Cookies, url: URL, state: string): void {
	cookies.set(name(url, 'sso-state'), state, { ...options(url), maxAge: lifetimeSeconds });
}

export function takeLoginCookie(cookies: Cookies, url: URL): string | undefined {
	const value = cookies.get(name(url, 'sso-state'));
	cookies.delete(name(url, 'sso-state'), options(url));
	return value;
}

export function setPendingCookie(cookies: Cookies, url: URL, token: string): void {
	cookies.set(name(url, 'sso-pending'), token, { ...options(url), maxAge: lifetimeSeconds });
}

export function readPendingCookie(cookies: Cookies, url: URL): string | undefined {
	return cookies.get(name(url, 'sso-pending'));
}

export function clearPendingCookie(cookies: Cookies, url: URL): void {
	cookies.delete(name(url, 'sso-pending'), options(url));
}
