import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { eq } from 'drizzle-orm';
import { freshDatabase, makeMember, makeOrganisation } from '../testing/testing';
import * as accounts from '../accounts';
import * as invitations from './invitations';
import { db } from '../db';
import { mailOutbox } from '../db/schema';

let address = 0;
const nextAddress = () => `10.0.0.${++address}`;

function lastMailTo(email: string) {
	return db.select().from(mailOutbox).where(eq(mailOutbox.recipient, email)).all().at(-1);
}

function linkIn(body: string, path: string): string {
	const match = body.match(new RegExp(`https?://[^\\s]+${path}/([a-z0-9]+)`));
	expect(match, body).not.toBeNull();
	return match![1];
}

beforeEach(() => {
	freshDatabase();
});

afterEach(() => {
	vi.useRealTimers();
});

describe('invitations', () => {
	it('lets the invitee choose name and password and join with the invited role', async () => {
		const org = makeOrganisation('Basisschool De Regenboog');
		const manager = await makeMember({ organisation: org, role: 'manager' });
		const invited = invitations.inviteMember({
			organisationId: org,
			email: 'nieuw@regenboog.be',
			role: 'learner',
			audience: 'leerkracht',
			invitedBy: manager.id
		});
		expect(invited.ok).toBe(true);
		const token = linkIn(lastMailTo('nieuw@regenboog.be')!.body, '/uitnodiging');
		expect(invitations.findOpenInvitation(token)?.organisationName).toBe(
			'Basisschool De Regenboog'
		);
		const accepted = await invitations.acceptInvitation({
			token,
			name: 'Nieuwe Collega',
			password: 'een lange zin als wachtwoord'
		});
		expect(accepted.ok).toBe(true);
		const s = await accounts.signIn({
			email: 'nieuw@regenboog.be',
			password: 'een lange zin als wachtwoord',
			address: nextAddress(),
			userAgent: null
		});
		expect(s.ok && s.access.memberships.map((m) => [m.organisationId, m.role])).toEqual([
			[org, 'learner']
		]);
		expect(
			await invitations.acceptInvitation({
				token,
				name: 'X',
				password: 'een lange zin als wachtwoord'
			})
		).toEqual({ ok: false, reason: 'invalid' });
	});

	it('refuses expired and revoked invitations', async () => {
		vi.useFakeTimers({ now: new Date('2026-05-01T10:00:00Z') });
		const org = makeOrganisation();
		const manager = await makeMember({ organisation: org, role: 'manager' });
		invitations.inviteMember({
			organisationId: org,
			email: 'a@x.be',
			role: 'learner',
			audience: null,
			invitedBy: manager.id
		});
		const expiring = linkIn(lastMailTo('a@x.be')!.body, '/uitnodiging');
		const revoked = invitations.inviteMember({
			organisationId: org,
			email: 'b@x.be',
			role: 'learner',
			audience: null,
			invitedBy: manager.id
		});
		const revokedToken = linkIn(lastMailTo('b@x.be')!.body, '/uitnodiging');
		expect(revoked.ok && invitations.revokeInvitation(org, revoked.invitationId, manager.id)).toBe(
			true
		);
		expect(invitations.findOpenInvitation(revokedToken)).toBeUndefined();
		vi.setSystemTime(new Date('2026-05-16T10:00:00Z'));
		expect(invitations.findOpenInvitation(expiring)).toBeUndefined();
	});

	it('a revoked invitation cannot be resent, not even after it expired', async () => {
		vi.useFakeTimers({ now: new Date('2026-05-01T10:00:00Z') });
		const org = makeOrganisation();
		const manager = await makeMember({ organisation: org, role: 'manager' });
		const inv = invitations.inviteMember({
			organisationId: org,
			email: 'r@x.be',
			role: 'manager',
			audience: null,
			invitedBy: manager.id
		});
		expect(inv.ok && invitations.revokeInvitation(org, inv.invitationId, manager.id)).toBe(true);
		const mails = () =>
			db.select().from(mailOutbox).where(eq(mailOutbox.recipient, 'r@x.be')).all().length;
		const before = mails();
		expect(inv.ok && invitations.resendInvitation(org, inv.invitationId, manager.id)).toBe(false);
		vi.setSystemTime(new Date('2026-05-20T10:00:00Z'));
		expect(inv.ok && invitations.resendInvitation(org, inv.invitationId, manager.id)).toBe(false);
		expect(mails()).toBe(before);
		expect(invitations.listInvitationViews(org).map((i) => i.status)).toEqual(['revoked']);
	});

	it('a manager cannot revoke another organisation’s invitation', async () => {
		const a = makeOrganisation();
		const b = makeOrganisation();
		const managerA = await makeMember({ organisation: a, role: 'manager' });
		const managerB = await makeMember({ organisation: b, role: 'manager' });
		const inv = invitations.inviteMember({
			organisationId: b,
			email: 'c@x.be',
			role: 'learner',
			audience: null,
			invitedBy: managerB.id
		});
		expect(inv.ok && invitations.revokeInvitation(a, inv.invitationId, managerA.id)).toBe(false);
	});

	it('a second invitation replaces the open one', async () => {
		const org = makeOrganisation();
		const manager = await makeMember({ organisation: org, role: 'manager' });
		invitations.inviteMember({
			organisationId: org,
			email: 'd@x.be',
			role: 'learner',
			audience: null,
			invitedBy: manager.id
		});
		const first = linkIn(lastMailTo('d@x.be')!.body, '/uitnodiging');
		invitations.inviteMember({
			organisationId: org,
			email: 'd@x.be',
			role: 'learner',
			audience: null,
			invitedBy: manager.id
		});
		expect(invitations.findOpenInvitation(first)).toBeUndefined();
	});
});
