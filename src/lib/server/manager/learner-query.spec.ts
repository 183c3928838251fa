import { beforeEach, describe, expect, it } from 'vitest';
import {
	freshDatabase,
	makeLearner,
	makeOrganisation,
	makeTeam,
	syncCourse
} from '../testing/testing';
import { defaultQuery, parseLearnerQuery } from './learner-query';
import { getCourse } from '../content/course';

let orgA: number;
let orgB: number;
let teamA1: number;

beforeEach(async () => {
	await freshDatabase();
	await syncCourse();
	orgA = await makeOrganisation('School A');
	orgB = await makeOrganisation('Horizon B');
	teamA1 = await makeTeam(orgA, 'Tweede graad');
	await makeLearner({ organisation: orgA, team: teamA1, name: 'Lotte Janssens' });
	await makeLearner({ organisation: orgB, name: 'Sam Peeters', audience: 'hulpverlener' });
});

describe('parseLearnerQuery', () => {
	it('falls back to defaults for bad, repeated or unknown values', async () => {
		const q = await parseLearnerQuery(
			new URLSearchParams(
				'sort=password&dir=sideways&page=-1&size=1000000&team=1%20OR%201=1&status=evil&module=x'
			)
		);
		expect(q).toEqual(defaultQuery);
		const twice = await parseLearnerQuery(
			new URLSearchParams('sort=team&sort=name&page=99999999999')
		);
		expect(twice.sort).toBe('name');
		expect(twice.page).toBe(1);
	});

	it('reads valid values and gives a status filter a module', async () => {
		const q = await parseLearnerQuery(
			new URLSearchParams('sort=activity&dir=desc&page=3&size=25&team=7&status=expired&q=%20an%20')
		);
		expect(q).toMatchObject({ sort: 'activity', dir: 'desc', page: 3, size: 25, team: 7 });
		expect(q.status).toBe('expired');
		expect(q.module).toBe(getCourse().modules[0].slug);
		expect(q.q).toBe('an');
	});
});
