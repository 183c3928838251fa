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
	await freshDatabase();
	orgA = await makeOrganisation('School A');
	orgB = await makeOrganisation('Horizon B');
	await makeTeam(orgA, 'Tweede graad');
	await makeTeam(orgB, 'Leefgroep');
	manager = (await makeUser()).id;
});
describe('teams', () => {
	it('creates, renames and moves learners within the organisation only', async () => {
		const created = await createTeam(orgA, 'Derde graad', manager);
		expect(created.ok).toBe(true);
		expect(await createTeam(orgA, 'derde GRAAD', manager)).toMatchObject({ ok: false });
		// The same name in another organisation is fine.
		expect((await createTeam(orgB, 'Derde graad', manager)).ok).toBe(true);
		if (!created.ok) return;
		expect(await renameTeam(orgB, created.id, 'Gekaapt', manager)).toMatchObject({ ok: false });
		expect((await renameTeam(orgA, created.id, 'Derde graad A', manager)).ok).toBe(true);

		const learner = (await makeLearner({ organisation: orgA, name: 'Lotte' })).id;
		const foreign = (await makeLearner({ organisation: orgB, name: 'Sam' })).id;
		const teamB = (await listTeamsWithCounts(orgB))[0].id;
		expect(await moveLearner(orgA, learner, teamB, manager)).toMatchObject({ ok: false });
		expect(await moveLearner(orgA, foreign, created.id, manager)).toMatchObject({ ok: false });
		expect((await moveLearner(orgA, learner, created.id, manager)).ok).toBe(true);
		expect((await listLearners(orgA, defaultQuery)).rows[0].team).toBe('Derde graad A');
		expect((await listTeamsWithCounts(orgA)).find((t) => t.id === created.id)?.learners).toBe(1);
		expect((await moveLearner(orgA, learner, null, manager)).ok).toBe(true);
		expect((await listLearners(orgA, defaultQuery)).rows[0].team).toBeNull();
	});
});
