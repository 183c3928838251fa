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

beforeEach(() => {
	freshDatabase();
});

describe('organisations', () => {
	it('creates an organisation and audits who did it', async () => {
		const admin = await makeUser({ isAdmin: true });
		const id = createOrganisation('Sint-Jansschool', { id: admin.id, requestId: 'r1' });
		expect(getOrganisation(id)?.name).toBe('Sint-Jansschool');
		expect(listAudit({ action: 'organisation.created', actorUserId: admin.id })[0]).toMatchObject({
			actorUserId: admin.id,
			targetId: String(id),
			organisationId: id,
			requestId: 'r1'
		});
		expect(getOrganisation(id + 100)).toBeUndefined();
	});

	it('lists only the teams of the organisation asked for, by name', () => {
		const a = makeOrganisation();
		const b = makeOrganisation();
		makeTeam(a, 'Tweede graad');
		makeTeam(a, 'Eerste graad');
		makeTeam(b, 'Leefgroep');
		expect(listTeams(a).map((t) => t.name)).toEqual(['Eerste graad', 'Tweede graad']);
		expect(listTeams(b).map((t) => t.name)).toEqual(['Leefgroep']);
	});
});

describe('memberships', () => {
	it('lists the members with one role of one organisation, by name, never twice', async () => {
		const a = makeOrganisation();
		const b = makeOrganisation();
		const team = makeTeam(a);
		const zoe = await makeUser({ name: 'Zoë' });
		const ann = await makeUser({ name: 'Ann' });
		const other = await makeUser({ name: 'Bert' });
		addMembership({ userId: zoe.id, organisationId: a, role: 'learner', audience: 'leerkracht' });
		addMembership({ userId: zoe.id, organisationId: a, role: 'learner', audience: 'leerkracht' });
		addMembership({ userId: ann.id, organisationId: a, role: 'learner', teamId: team });
		addMembership({ userId: ann.id, organisationId: a, role: 'manager' });
		addMembership({ userId: other.id, organisationId: b, role: 'learner' });
		expect(listMembers(a)).toEqual([
			{ id: ann.id, name: 'Ann', email: ann.email, audience: null, teamId: team },
			{ id: zoe.id, name: 'Zoë', email: zoe.email, audience: 'leerkracht', teamId: null }
		]);
		expect(listMembers(a, 'manager').map((m) => m.name)).toEqual(['Ann']);
		expect(listMembers(b).map((m) => m.name)).toEqual(['Bert']);
	});
});
