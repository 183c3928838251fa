import { describe, expect, it } from 'vitest';
import { isHttpError, isRedirect, type RequestEvent } from '@sveltejs/kit';
import {
	areaFor,
	homeFor,
	mustEnrolTwoFactor,
	requireRole,
	safeRedirectPath,
	type LocalUser
} from './guards';

function eventFor(user: LocalUser | null, path = '/beheer'): RequestEvent {
	return {
		locals: { user, session: null, requestId: 'test' },
		url: new URL(`http://x.be${path}`)
	} as unknown as RequestEvent;
}

const learner: LocalUser = {
	id: 1,
	email: 'a@x.be',
	name: 'A',
	isAdmin: false,
	twoFactorEnabled: false,
	roles: ['learner'],
	memberships: []
};

function thrown(fn: () => unknown): unknown {
	try {
		fn();
	} catch (e) {
		return e;
	}
	return undefined;
}

describe('guards', () => {
	it('maps paths to areas, including sub-paths but not look-alikes', () => {
		expect(areaFor('/beheer')).toBe('manager');
		expect(areaFor('/beheer/deelnemers/3')).toBe('manager');
		expect(areaFor('/beheerder')).toBeNull();
		expect(areaFor('/leren/x/y')).toBe('learner');
		expect(areaFor('/admin')).toBe('admin');
		expect(areaFor('/profiel')).toBe('signedIn');
		expect(areaFor('/')).toBeNull();
	});

	it('sends anonymous visitors to sign in and back', () => {
		const e = thrown(() => requireRole(eventFor(null, '/beheer?x=1'), 'manager'));
		expect(isRedirect(e) && e.location).toBe('/aanmelden?redirectTo=%2Fbeheer%3Fx%3D1');
	});

	it('answers 403 to a signed-in user without the role', () => {
		const e = thrown(() => requireRole(eventFor(learner), 'manager'));
		expect(isHttpError(e) && e.status).toBe(403);
		expect(requireRole(eventFor(learner, '/leren'), 'learner')).toBe(learner);
	});

	it('accepts only same-site relative paths after sign-in', () => {
		expect(safeRedirectPath('/leren/wat-en-hoe?stap=2')).toBe('/leren/wat-en-hoe?stap=2');
		for (const bad of [
			'//evil.example',
			'/\\evil.example',
			'javascript:alert(1)',
			'https://evil.example/',
			'/%0d%0aLocation:x'.replace('%0d%0a', '\r\n'),
			'leren',
			''
		]) {
			expect(safeRedirectPath(bad, '/'), bad).toBe('/');
		}
	});

	it('sends each role to its own home', () => {
		expect(homeFor(['admin'])).toBe('/admin');
		expect(homeFor(['manager'])).toBe('/beheer');
		expect(homeFor(['trainer'])).toBe('/auteur');
		expect(homeFor(['learner'])).toBe('/leren');
	});
});

describe('mustEnrolTwoFactor', () => {
	const manager: LocalUser = { ...learner, id: 2, roles: ['manager'] };

	it('sends staff without a second factor to enrolment, unless the provider did multi-factor', () => {
		const before = process.env.REQUIRE_STAFF_2FA;
		process.env.REQUIRE_STAFF_2FA = 'true';
		try {
			expect(mustEnrolTwoFactor(manager)).toBe(true);
			expect(mustEnrolTwoFactor({ ...manager, providerMfa: true })).toBe(false);
			expect(mustEnrolTwoFactor({ ...manager, twoFactorEnabled: true })).toBe(false);
			expect(mustEnrolTwoFactor(learner)).toBe(false);
		} finally {
			if (before === undefined) delete process.env.REQUIRE_STAFF_2FA;
			else process.env.REQUIRE_STAFF_2FA = before;
		}
	});
});
