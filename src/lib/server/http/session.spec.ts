import { beforeEach, describe, expect, it } from 'vitest';
import { session } from './session';
import { fakeEvent, fakeResolve } from './fake-event';
import { freshDatabase, makeMember, makeOrganisation } from '../testing/testing';
import { createSession, lifetimes, validateSessionToken } from '../accounts/auth/session';
import { attachInvitationToAccount, inviteMember } from '../organisations/invitations';
import { mailOutbox } from '../db/schema';
import { eq } from 'drizzle-orm';
import { db } from '../db';
import { membership, organisation, twoFactor } from '../db/schema';

async function enableTwoFactor(userId: number): Promise<void> {
	await db.insert(twoFactor).values({ userId, keyEncrypted: 'x', enabledAt: new Date() });
}

beforeEach(async () => {
	await freshDatabase();
});

describe('session handle', () => {
	it('signs in the cookie holder with their roles and organisations', async () => {
		const organisation = await makeOrganisation();
		const member = await makeMember({ organisation, role: 'manager' });
		const { token } = await createSession(member.id, 'staff');
		const event = fakeEvent({ path: '/beheer', cookies: { session: token } });
		const resolve = fakeResolve();
		await session({ event, resolve });
		expect(event.locals.user?.email).toBe(member.email);
		expect(event.locals.user?.roles).toContain('manager');
		expect(event.locals.user?.memberships[0].organisationId).toBe(organisation);
		expect(event.locals.session).not.toBeNull();
		expect(resolve.calls).toHaveLength(1);
	});

	it('gives every membership of an active organisation, and none of an archived one', async () => {
		const school = await makeOrganisation('Sint-Jans');
		const closed = await makeOrganisation('Gesloten');
		const member = await makeMember({ organisation: school, role: 'learner' });
		await db.insert(membership).values([
			{ userId: member.id, organisationId: school, role: 'trainer' },
			{ userId: member.id, organisationId: closed, role: 'manager' }
		]);
		await db
			.update(organisation)
			.set({ archivedAt: new Date() })
			.where(eq(organisation.id, closed));
		const { token } = await createSession(member.id, 'staff');
		const event = fakeEvent({ path: '/', cookies: { session: token } });
		await session({ event, resolve: fakeResolve() });
		expect(event.locals.user?.roles.sort()).toEqual(['learner', 'trainer']);
		expect(event.locals.user?.memberships.map((m) => [m.organisationName, m.role])).toEqual([
			['Sint-Jans', 'learner'],
			['Sint-Jans', 'trainer']
		]);
	});

	it('clears a cookie that names no valid session and leaves the visitor signed out', async () => {
		const event = fakeEvent({ path: '/', cookies: { session: 'nep.token' } });
		await session({ event, resolve: fakeResolve() });
		expect(event.locals.user).toBeNull();
		expect(event.setCookies).toEqual(['session=; Max-Age=0']);
	});

	it('reads the __Host- cookie over HTTPS only', async () => {
		const member = await makeMember({ organisation: await makeOrganisation() });
		const { token } = await createSession(member.id, 'learner');
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
		const member = await makeMember({ organisation: await makeOrganisation() });
		await enableTwoFactor(member.id);
		const { token } = await createSession(member.id, 'staff');
		const event = fakeEvent({ path: '/aanmelden/tweede-stap', cookies: { session: token } });
		await session({ event, resolve: fakeResolve() });
		expect(event.locals.user).toBeNull();
		expect(event.locals.pendingSession?.userId).toBe(member.id);
	});

	it('swaps a learner session for a staff one with a new token once a staff role is gained', async () => {
		const organisation = await makeOrganisation();
		const learner = await makeMember({ organisation, role: 'learner' });
		const { token } = await createSession(learner.id, 'learner');
		// The learner accepts an invitation as trainer while signed in.
		expect(
			(
				await inviteMember({
					organisationId: organisation,
					email: learner.email,
					role: 'trainer',
					audience: null,
					invitedBy: learner.id
				})
			).ok
		).toBe(true);
		const mail = await db.select().from(mailOutbox).where(eq(mailOutbox.recipient, learner.email));
		const invitationToken = mail.at(-1)!.body.match(/\/uitnodiging\/([a-z0-9]+)/)![1];
		expect(await attachInvitationToAccount(invitationToken, learner.id, learner.email)).toBe(true);

		const event = fakeEvent({ path: '/auteur', cookies: { session: token } });
		await session({ event, resolve: fakeResolve() });
		expect(event.locals.user?.roles).toContain('trainer');
		expect(event.locals.session?.idleSeconds).toBe(lifetimes.staff.idleSeconds);
		expect(event.locals.session?.absoluteSeconds).toBe(lifetimes.staff.absoluteSeconds);
		const cookie = event.setCookies.find((c) => c.startsWith('session='))!;
		const fresh = decodeURIComponent(cookie.split(';')[0].slice('session='.length));
		expect(fresh).not.toBe(token);
		// The old token has ended; the new one carries the staff lifetimes.
		expect(await validateSessionToken(token)).toBeNull();
		expect((await validateSessionToken(fresh))?.session.idleSeconds).toBe(
			lifetimes.staff.idleSeconds
		);
	});

	it('leaves a learner session and a staff session as they are', async () => {
		const organisation = await makeOrganisation();
		const learner = await makeMember({ organisation, role: 'learner' });
		const manager = await makeMember({ organisation, role: 'manager' });
		for (const [id, kind] of [
			[learner.id, 'learner'],
			[manager.id, 'staff']
		] as const) {
			const { token } = await createSession(id, kind);
			const event = fakeEvent({ path: '/', cookies: { session: token } });
			await session({ event, resolve: fakeResolve() });
			expect(event.setCookies).toEqual([]);
			expect((await validateSessionToken(token))?.user.id).toBe(id);
		}
	});
});
