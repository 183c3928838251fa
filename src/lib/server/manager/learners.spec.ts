import { beforeEach, describe, expect, it } from 'vitest';
import { makeCertificate, makeEnrolment, makeLearner, makeTeam } from '../testing/testing';
import { defaultQuery } from './learner-query';
import { listLearners } from './learners';
import { day, now, school, twoOrganisations } from './spec-support';

let orgA: number;
let orgB: number;
let teamA1: number;
let lotte: number;
let sam: number;

beforeEach(async () => {
	({ orgA, orgB, teamA1, lotte, sam } = await twoOrganisations());
});

describe('learners table', () => {
	it('lists only the own organisation, with status per module', async () => {
		await makeEnrolment({ user: lotte, module: school, stepsDone: 2, stepsTotal: 4 });
		await makeEnrolment({ user: sam, module: school, completedAt: new Date(now - day) });
		const page = await listLearners(orgA, defaultQuery, now);
		expect(page.rows.map((r) => r.name)).toEqual(['Lotte Janssens']);
		expect(page.rows[0].team).toBe('Tweede graad');
		expect(page.rows[0].statuses[school]).toEqual({ kind: 'in_progress', percent: 50 });
		expect((await listLearners(orgB, defaultQuery, now)).rows.map((r) => r.name)).toEqual([
			'Sam Peeters'
		]);
	});

	it('ignores a team id of another organisation instead of showing its learners', async () => {
		const teamB = await makeTeam(orgB, 'Leefgroep');
		const page = await listLearners(orgA, { ...defaultQuery, team: teamB }, now);
		expect(page.total).toBe(0);
		expect(page.rows).toEqual([]);
	});

	it('filters by team, status and search, sorts and pages on the server', async () => {
		const other = await makeTeam(orgA, 'Eerste graad');
		for (let i = 0; i < 30; i++) {
			const id = (
				await makeLearner({
					organisation: orgA,
					team: other,
					name: `Leerling ${String(i).padStart(2, '0')}`
				})
			).id;
			if (i % 3 === 0)
				await makeEnrolment({ user: id, module: school, completedAt: new Date(now - i * day) });
			if (i % 5 === 0)
				await makeCertificate({ user: id, module: school, expiresAt: new Date(now - day) });
		}
		const all = await listLearners(orgA, { ...defaultQuery, size: 25 }, now);
		expect(all.total).toBe(31);
		expect(all.pages).toBe(2);
		expect(all.rows).toHaveLength(25);
		const second = await listLearners(orgA, { ...defaultQuery, size: 25, page: 2 }, now);
		expect(second.rows).toHaveLength(6);
		const tooFar = await listLearners(orgA, { ...defaultQuery, size: 25, page: 40 }, now);
		expect(tooFar.page).toBe(2);

		const expired = await listLearners(
			orgA,
			{ ...defaultQuery, module: school, status: 'expired' },
			now
		);
		expect(expired.total).toBe(6);
		const completed = await listLearners(
			orgA,
			{ ...defaultQuery, module: school, status: 'completed' },
			now
		);
		// 10 completed, of whom 2 (0 and 15) also hold an expired certificate and count as expired.
		expect(completed.total).toBe(8);
		expect(
			(await listLearners(orgA, { ...defaultQuery, team: teamA1 }, now)).rows.map((r) => r.name)
		).toEqual(['Lotte Janssens']);
		expect((await listLearners(orgA, { ...defaultQuery, q: 'ling 1' }, now)).total).toBe(10);
		expect((await listLearners(orgA, { ...defaultQuery, q: '%' }, now)).total).toBe(0);
		const desc = await listLearners(orgA, { ...defaultQuery, dir: 'desc' }, now);
		expect(desc.rows[0].name).toBe('Lotte Janssens');
		const byActivity = await listLearners(
			orgA,
			{ ...defaultQuery, sort: 'activity', dir: 'desc' },
			now
		);
		expect(byActivity.rows[0].name).toBe('Leerling 00');
	});
});
