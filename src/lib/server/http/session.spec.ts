import { beforeEach, describe, expect, it } from 'vitest';
import { session } from './session';
import { fakeEvent, fakeResolve } from './fake-event';
import { freshDatabase, makeMember, makeOrganisation } from '../testing/testing';
import { createSession } from '../accounts/auth/session';
import { db } from '../db';
import { twoFactor } from '../db/schema';

function enableTwoFactor(userId: number): void {
	db.insert(twoFactor).values({ userId, keyEncrypted: 'x', enabledAt: new Date() }).run();
}

beforeEach(() => {
	freshDatabase();
});

describe('session handle', () => {
	it('signs in the cookie holder with their roles and organisations', async () => {
		const organisation = makeOrganisation();
		const member = await makeMember({ organisation, role: 'manager' });
		const { token } = createSession(member.id, 'staff');
		const event = fakeEvent({ path: '/beheer', cookies: { session: token } });
		const resolve = fakeResolve();
		await session({ event, resolve });
		expect(event.locals.user?.email).toBe(member.email);
		expect(event.locals.user?.roles).toContain('manager');
		expect(event.locals.user?.memberships[0].organisationId).toBe(organisation);
		expect(event.locals.session).not.toBeNull();
		expect(resolve.calls).toHaveLength(1);
	});

	it('clears a cookie that names no valid session and leaves the visitor signed out', async () => {
		const event = fakeEvent({ path: '/', cookies: { session: 'nep.token' } });
		await session({ event, resolve: fakeResolve() });
		expect(event.locals.user).toBeNull();
		expect(event.setCookies).toEqual(['session=; Max-Age=0']);
	});

	it('reads the __Host- cookie over HTTPS only', async () => {
		const member = await makeMember({ organisation: makeOrganisation() });
		const { token } = createSession(member.id, 'learner');
		const plain = fakeEvent({
			path: '/',
			origin: 'https://signaalwijs.test',
			cookies: { session: token }
		});
		await session({ event: plain, resolve: fakeResolve() });
		expect(plain.locals.user).toBeNull();
		const host = fakeEvent({
			path: '/',
			origin: 'https://signaalwijs.test',
			cookies: { '__Host-session': token }
		});
		await session({ event: host, resolve: fakeResolve() });
		expect(host.locals.user?.id).toBe(member.id);
	});

	it('holds a session whose second factor is still due as pending, not signed in', async () => {
		const member = await makeMember({ organisation: makeOrganisation() });
		enableTwoFactor(member.id);
		const { token } = createSession(member.id, 'staff');
		const event = fakeEvent({ path: '/aanmelden/tweede-stap', cookies: { session: token } });
		await session({ event, resolve: fakeResolve() });
		expect(event.locals.user).toBeNull();
		expect(event.locals.pendingSession?.userId).toBe(member.id);
	});
});
