import { beforeEach, describe, expect, it } from 'vitest';
import {
	freshDatabase,
	makeLearner,
	makeOrganisation,
	makeTeam,
	makeUser
} from '../testing/testing';

import { createTeam, moveLearner, renameTeam, listTeamsWithCounts } from './teams';
import { listLearners, defaultQuery } from '../manager';

let orgA: number;
let orgB: number;
let manager: number;

beforeEach(async () => {
	freshDatabase();
	orgA = makeOrganisation('School A');
	orgB = makeOrganisation('Horizon B');
	makeTeam(orgA, 'Tweede graad');
	makeTeam(orgB, 'Leefgroep');
	manager = (await makeUser()).id;
});
describe('teams', () => {
	it('creates, renames and moves learners within the organisation only', async () => {
		const created = createTeam(orgA, 'Derde graad', manager);
		expect(created.ok).toBe(true);
		expect(createTeam(orgA, 'derde GRAAD', manager)).toMatchObject({ ok: false });
		// The same name in another organisation is fine.
		expect(createTeam(orgB, 'Derde graad', manager).ok).toBe(true);
		if (!created.ok) return;
		expect(renameTeam(orgB, created.id, 'Gekaapt', manager)).toMatchObject({ ok: false });
		expect(renameTeam(orgA, created.id, 'Derde graad A', manager).ok).toBe(true);

		const learner = (await makeLearner({ organisation: orgA, name: 'Lotte' })).id;
		const foreign = (await makeLearner({ organisation: orgB, name: 'Sam' })).id;
		const teamB = listTeamsWithCounts(orgB)[0].id;
		expect(moveLearner(orgA, learner, teamB, manager)).toMatchObject({ ok: false });
		expect(moveLearner(orgA, foreign, created.id, manager)).toMatchObject({ ok: false });
		expect(moveLearner(orgA, learner, created.id, manager).ok).toBe(true);
		expect(listLearners(orgA, defaultQuery).rows[0].team).toBe('Derde graad A');
		expect(listTeamsWithCounts(orgA).find((t) => t.id === created.id)?.learners).toBe(1);
		expect(moveLearner(orgA, learner, null, manager).ok).toBe(true);
		expect(listLearners(orgA, defaultQuery).rows[0].team).toBeNull();
	});
});
