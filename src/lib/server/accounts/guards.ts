// Who may be where: the area each path belongs to, and the guard every protected load, action
// and endpoint calls (a layout load alone protects nothing).
import { error, redirect, type RequestEvent } from '@sveltejs/kit';
import { messages } from '$lib/i18n';
import { isStaff, type AreaRole, type MembershipView } from './access';
import { config } from '../platform/config';
import type { SessionUser } from './auth/session';

export interface LocalUser extends SessionUser {
	roles: AreaRole[];
	memberships: MembershipView[];
	/** This session's sign-in was multi-factor at the organisation's identity provider (`amr`). */
	providerMfa?: boolean;
}

/** Path prefixes and the role each requires; `signedIn` means any signed-in account. */
export const areas: ReadonlyArray<readonly [prefix: string, role: AreaRole | 'signedIn']> = [
	['/leren', 'learner'],
	['/certificaten', 'learner'],
	['/beheer', 'manager'],
	['/auteur', 'trainer'],
	['/admin', 'admin'],
	['/profiel', 'signedIn']
];

export function areaFor(pathname: string): AreaRole | 'signedIn' | null {
	for (const [prefix, role] of areas) {
		if (pathname === prefix || pathname.startsWith(prefix + '/')) return role;
	}
	return null;
}

/** Same-site relative paths only: `//evil`, `/\evil`, `javascript:` and absolute URLs fall back. */
export function safeRedirectPath(value: string | null | undefined, fallback = '/'): string {
	if (
		!value ||
		value.length > 500 ||
		!value.startsWith('/') ||
		value.startsWith('//') ||
		value.includes('\\')
	) {
		return fallback;
	}
	// eslint-disable-next-line no-control-regex
	if (/[\u0000-\u001f\u007f]/.test(value)) return fallback;
	try {
		const base = 'http://signaalwijs.invalid';
		const url = new URL(value, base);
		if (url.origin !== base) return fallback;
		return url.pathname + url.search;
	} catch {
		return fallback;
	}
}

export function signInPath(event: Pick<RequestEvent, 'url'>): string {
	const target = event.url.pathname.replace(/\/__data\.json$/, '') + event.url.search;
	return `/aanmelden?redirectTo=${encodeURIComponent(safeRedirectPath(target))}`;
}

/** The signed-in user, or a redirect to the sign-in page that comes back here afterwards. */
export function requireUser(event: RequestEvent): LocalUser {
	const user = event.locals.user;
	if (!user) redirect(303, signInPath(event));
	return user;
}

/** The signed-in user holding `role`; anyone else gets a redirect (anonymous) or a 403. */
export function requireRole(event: RequestEvent, role: AreaRole): LocalUser {
	const user = requireUser(event);
	if (!user.roles.includes(role)) error(403, { message: messages.errors.noAccess });
	if (mustEnrolTwoFactor(user)) redirect(303, enrolmentPath);
	return user;
}

/** The first organisation where the user holds `role` (managers act within this one). */
export function organisationFor(user: LocalUser, role: AreaRole): MembershipView {
	const found = user.memberships.find((m) => m.role === role);
	if (!found) error(403, { message: messages.errors.noAccess });
	return found;
}

/** Where a user lands after signing in, by their main role. */
export function homeFor(roles: readonly AreaRole[]): string {
	if (roles.includes('admin')) return '/admin';
	if (roles.includes('manager')) return '/beheer';
	if (roles.includes('trainer')) return '/auteur';
	return '/leren';
}

/** Where staff enrol in two-factor sign-in (and anyone may turn it on). */
export const enrolmentPath = '/profiel/tweestapsverificatie';

/**
 * Staff (admin, manager, trainer) without two-factor while REQUIRE_STAFF_2FA is on: they may
 * reach /profiel (to enrol) but no area until they have enrolled. A sign-in that was already
 * multi-factor at the organisation's identity provider counts as the second factor.
 */
export function mustEnrolTwoFactor(user: LocalUser): boolean {
	return (
		config.requireStaff2fa && !user.twoFactorEnabled && !user.providerMfa && isStaff(user.roles)
	);
}
