import { beforeEach, describe, expect, it } from 'vitest';
import { freshDatabase, makeMember, makeOrganisation, makeUser } from '../testing/testing';
import * as admin from './admin';
import { createOrganisation } from '../organisations/organisations';
import * as accounts from '../accounts';
import { createSession, validateSessionToken } from '../accounts/auth/session';
import { recordAudit } from '../platform/audit';

beforeEach(async () => {
	await freshDatabase();
});

describe('organisations', () => {
	it('creates, renames and archives; archiving drops the members’ roles and sessions', async () => {
		const actor = await makeUser({ isAdmin: true });
		const id = await createOrganisation('Basisschool De Linde', { id: actor.id });
		expect(await admin.renameOrganisation(id, 'BS De Linde', { id: actor.id })).toBe(true);
		const member = await makeMember({ organisation: id, role: 'manager' });
		const { token } = await createSession(member.id, 'staff');
		expect(await admin.setOrganisationArchived(id, true, { id: actor.id })).toBe(true);
		expect(await validateSessionToken(token)).toBeNull();
		expect((await accounts.getAccess({ id: member.id, isAdmin: false })).roles).toEqual([
			'learner'
		]);
		const listed = (await admin.listOrganisations()).find((o) => o.id === id)!;
		expect(listed).toMatchObject({ name: 'BS De Linde', members: 1 });
		expect(listed.archivedAt).not.toBeNull();
		const actions = (await admin.searchAudit({ actor: String(actor.id) })).map((e) => e.action);
		expect(actions).toEqual([
			'organisation.archived',
			'organisation.renamed',
			'organisation.created'
		]);
	});

	it('lists the active organisations first, by name, then the archived ones', async () => {
		const actor = await makeUser({ isAdmin: true });
		await createOrganisation('Zonnebloem', { id: actor.id });
		await createOrganisation('Klimop', { id: actor.id });
		const archived = await createOrganisation('Akker', { id: actor.id });
		expect(await admin.setOrganisationArchived(archived, true, { id: actor.id })).toBe(true);
		expect((await admin.listOrganisations()).map((o) => o.name)).toEqual([
			'Klimop',
			'Zonnebloem',
			'Akker'
		]);
	});
});

describe('accounts', () => {
	it('a role change or a disabled account ends that person’s sessions at once', async () => {
		const actor = await makeUser({ isAdmin: true });
		const org = await makeOrganisation();
		const member = await makeMember({ organisation: org });
		const first = await createSession(member.id, 'learner');
		const membershipId = (await admin.getUserDetail(member.id))!.memberships[0].id;
		expect(await admin.changeMembershipRole(membershipId, 'manager', { id: actor.id })).toEqual({
			ok: true
		});
		expect(await validateSessionToken(first.token)).toBeNull();
		expect((await accounts.getAccess({ id: member.id, isAdmin: false })).roles).toEqual([
			'manager'
		]);

		const second = await createSession(member.id, 'staff');
		expect(await admin.setUserDisabled(member.id, true, { id: actor.id })).toEqual({ ok: true });
		expect(await validateSessionToken(second.token)).toBeNull();
		const signIn = await accounts.signIn({
			email: member.email,
			password: member.password,
			address: '10.9.0.1',
			userAgent: null
		});
		expect(signIn.ok).toBe(false);
		const audited = (await admin.searchAudit({ action: 'user.' })).map((e) => e.action);
		expect(audited).toEqual(['user.disabled', 'user.role_changed']);
	});

	it('refuses to disable or demote the admin’s own account', async () => {
		const actor = await makeUser({ isAdmin: true });
		expect(await admin.setUserDisabled(actor.id, true, { id: actor.id })).toEqual({
			ok: false,
			reason: 'self'
		});
		expect(await admin.setUserAdmin(actor.id, false, { id: actor.id })).toEqual({
			ok: false,
			reason: 'self'
		});
	});

	it('finds accounts by part of the name or address, treating % and _ as text', async () => {
		await makeUser({ email: 'lotte.janssens@school.be', name: 'Lotte Janssens' });
		await makeUser({ email: 'sam@horizon.be', name: 'Sam Peeters' });
		expect((await admin.searchUsers('janss')).map((u) => u.name)).toEqual(['Lotte Janssens']);
		expect((await admin.searchUsers('HORIZON')).map((u) => u.name)).toEqual(['Sam Peeters']);
		expect(await admin.searchUsers('%')).toEqual([]);
	});
});

describe('audit log', () => {
	it('filters by actor address, action prefix and date', async () => {
		const a = await makeUser({ email: 'a@test.be' });
		const b = await makeUser({ email: 'b@test.be' });
		await recordAudit({ action: 'auth.sign_in', actorUserId: a.id });
		await recordAudit({ action: 'privacy.export', actorUserId: a.id });
		await recordAudit({ action: 'auth.sign_in', actorUserId: b.id });
		expect((await admin.searchAudit({ actor: 'a@test.be' })).map((e) => e.action)).toEqual([
			'privacy.export',
			'auth.sign_in'
		]);
		expect((await admin.searchAudit({ action: 'auth.' })).map((e) => e.actorEmail)).toEqual([
			'b@test.be',
			'a@test.be'
		]);
		expect(await admin.searchAudit({ from: new Date(Date.now() + 86_400_000) })).toEqual([]);
		expect(await admin.searchAudit({ actor: 'niemand@test.be' })).toEqual([]);
	});
});
