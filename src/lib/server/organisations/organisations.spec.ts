import { beforeEach, describe, expect, it } from 'vitest';
import { freshDatabase, makeOrganisation, makeTeam, makeUser } from '../testing/testing';
import {
	addMembership,
	createOrganisation,
	getOrganisation,
	listMembers,
	listTeams
} from './organisations';
import { listAudit } from '../platform/audit';

beforeEach(async () => {
	await freshDatabase();
});

describe('organisations', () => {
	it('creates an organisation and audits who did it', async () => {
		const admin = await makeUser({ isAdmin: true });
		const id = await createOrganisation('Sint-Jansschool', { id: admin.id, requestId: 'r1' });
		expect((await getOrganisation(id))?.name).toBe('Sint-Jansschool');
		expect(
			(await listAudit({ action: 'organisation.created', actorUserId: admin.id }))[0]
		).toMatchObject({
			actorUserId: admin.id,
			targetId: String(id),
			organisationId: id,
			requestId: 'r1'
		});
		expect(await getOrganisation(id + 100)).toBeUndefined();
	});

	it('lists only the teams of the organisation asked for, by name', async () => {
		const a = await makeOrganisation();
		const b = await makeOrganisation();
		await makeTeam(a, 'Tweede graad');
		await makeTeam(a, 'Eerste graad');
		await makeTeam(b, 'Leefgroep');
		expect((await listTeams(a)).map((t) => t.name)).toEqual(['Eerste graad', 'Tweede graad']);
		expect((await listTeams(b)).map((t) => t.name)).toEqual(['Leefgroep']);
	});
});

describe('memberships', () => {
	it('lists the members with one role of one organisation, by name, never twice', async () => {
		const a = await makeOrganisation();
		const b = await makeOrganisation();
		const team = await makeTeam(a);
		const zoe = await makeUser({ name: 'Zoë' });
		const ann = await makeUser({ name: 'Ann' });
		const other = await makeUser({ name: 'Bert' });
		await addMembership({
			userId: zoe.id,
			organisationId: a,
			role: 'learner',
			audience: 'leerkracht'
		});
		await addMembership({
			userId: zoe.id,
			organisationId: a,
			role: 'learner',
			audience: 'leerkracht'
		});
		await addMembership({ userId: ann.id, organisationId: a, role: 'learner', teamId: team });
		await addMembership({ userId: ann.id, organisationId: a, role: 'manager' });
		await addMembership({ userId: other.id, organisationId: b, role: 'learner' });
		expect(await listMembers(a)).toEqual([
			{ id: ann.id, name: 'Ann', email: ann.email, audience: null, teamId: team },
			{ id: zoe.id, name: 'Zoë', email: zoe.email, audience: 'leerkracht', teamId: null }
		]);
		expect((await listMembers(a, 'manager')).map((m) => m.name)).toEqual(['Ann']);
		expect((await listMembers(b)).map((m) => m.name)).toEqual(['Bert']);
	});
});
