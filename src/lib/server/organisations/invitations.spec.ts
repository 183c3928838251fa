import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { eq } from 'drizzle-orm';
import { freshDatabase, makeMember, makeOrganisation } from '../testing/testing';
import * as accounts from '../accounts';
import * as invitations from './invitations';
import { db } from '../db';
import { mailOutbox } from '../db/schema';

let address = 0;
const nextAddress = () => `10.0.0.${++address}`;

async function lastMailTo(email: string) {
	return (await db.select().from(mailOutbox).where(eq(mailOutbox.recipient, email))).at(-1);
}

function linkIn(body: string, path: string): string {
	const match = body.match(new RegExp(`https?://[^\\s]+${path}/([a-z0-9]+)`));
	expect(match, body).not.toBeNull();
	return match![1];
}

beforeEach(async () => {
	await freshDatabase();
});

afterEach(() => {
	vi.useRealTimers();
});

describe('invitations', () => {
	it('lets the invitee choose name and password and join with the invited role', async () => {
		const org = await makeOrganisation('Basisschool De Regenboog');
		const manager = await makeMember({ organisation: org, role: 'manager' });
		const invited = await invitations.inviteMember({
			organisationId: org,
			email: 'nieuw@regenboog.be',
			role: 'learner',
			audience: 'leerkracht',
			invitedBy: manager.id
		});
		expect(invited.ok).toBe(true);
		const token = linkIn((await lastMailTo('nieuw@regenboog.be'))!.body, '/uitnodiging');
		expect((await invitations.findOpenInvitation(token))?.organisationName).toBe(
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
		const org = await makeOrganisation();
		const manager = await makeMember({ organisation: org, role: 'manager' });
		await invitations.inviteMember({
			organisationId: org,
			email: 'a@x.be',
			role: 'learner',
			audience: null,
			invitedBy: manager.id
		});
		const expiring = linkIn((await lastMailTo('a@x.be'))!.body, '/uitnodiging');
		const revoked = await invitations.inviteMember({
			organisationId: org,
			email: 'b@x.be',
			role: 'learner',
			audience: null,
			invitedBy: manager.id
		});
		const revokedToken = linkIn((await lastMailTo('b@x.be'))!.body, '/uitnodiging');
		expect(
			revoked.ok && (await invitations.revokeInvitation(org, revoked.invitationId, manager.id))
		).toBe(true);
		expect(await invitations.findOpenInvitation(revokedToken)).toBeUndefined();
		vi.setSystemTime(new Date('2026-05-16T10:00:00Z'));
		expect(await invitations.findOpenInvitation(expiring)).toBeUndefined();
	});

	it('a revoked invitation cannot be resent, not even after it expired', async () => {
		vi.useFakeTimers({ now: new Date('2026-05-01T10:00:00Z') });
		const org = await makeOrganisation();
		const manager = await makeMember({ organisation: org, role: 'manager' });
		const inv = await invitations.inviteMember({
			organisationId: org,
			email: 'r@x.be',
			role: 'manager',
			audience: null,
			invitedBy: manager.id
		});
		expect(inv.ok && (await invitations.revokeInvitation(org, inv.invitationId, manager.id))).toBe(
			true
		);
		const mails = async () =>
			(await db.select().from(mailOutbox).where(eq(mailOutbox.recipient, 'r@x.be'))).length;
		const before = await mails();
		expect(inv.ok && (await invitations.resendInvitation(org, inv.invitationId, manager.id))).toBe(
			false
		);
		vi.setSystemTime(new Date('2026-05-20T10:00:00Z'));
		expect(inv.ok && (await invitations.resendInvitation(org, inv.invitationId, manager.id))).toBe(
			false
		);
		expect(await mails()).toBe(before);
		expect((await invitations.listInvitationViews(org)).map((i) => i.status)).toEqual(['revoked']);
	});

	it('a manager cannot revoke another organisation’s invitation', async () => {
		const a = await makeOrganisation();
		const b = await makeOrganisation();
		const managerA = await makeMember({ organisation: a, role: 'manager' });
		const managerB = await makeMember({ organisation: b, role: 'manager' });
		const inv = await invitations.inviteMember({
			organisationId: b,
			email: 'c@x.be',
			role: 'learner',
			audience: null,
			invitedBy: managerB.id
		});
		expect(inv.ok && (await invitations.revokeInvitation(a, inv.invitationId, managerA.id))).toBe(
			false
		);
	});

	it('a second invitation replaces the open one', async () => {
		const org = await makeOrganisation();
		const manager = await makeMember({ organisation: org, role: 'manager' });
		await invitations.inviteMember({
			organisationId: org,
			email: 'd@x.be',
			role: 'learner',
			audience: null,
			invitedBy: manager.id
		});
		const first = linkIn((await lastMailTo('d@x.be'))!.body, '/uitnodiging');
		await invitations.inviteMember({
			organisationId: org,
			email: 'd@x.be',
			role: 'learner',
			audience: null,
			invitedBy: manager.id
		});
		expect(await invitations.findOpenInvitation(first)).toBeUndefined();
	});
});
