// Shared set-up for the manager specs: two organisations, a team in the first, and one learner in
// each (Lotte in school A's team, Sam at Horizon B), on a fresh database with the shipped course.
import {
	freshDatabase,
	makeLearner,
	makeOrganisation,
	makeTeam,
	syncCourse
} from '../testing/testing';

export const day = 24 * 3600 * 1000;
export const now = Date.UTC(2026, 4, 15, 10);
export const school = 'signalen-op-school';

export interface TwoOrganisations {
	orgA: number;
	orgB: number;
	teamA1: number;
	lotte: number;
	sam: number;
}

export async function twoOrganisations(): Promise<TwoOrganisations> {
	await freshDatabase();
	await syncCourse();
	const orgA = await makeOrganisation('School A');
	const orgB = await makeOrganisation('Horizon B');
	const teamA1 = await makeTeam(orgA, 'Tweede graad');
	const lotte = (await makeLearner({ organisation: orgA, team: teamA1, name: 'Lotte Janssens' }))
		.id;
	const sam = (
		await makeLearner({ organisation: orgB, name: 'Sam Peeters', audience: 'hulpverlener' })
	).id;
	return { orgA, orgB, teamA1, lotte, sam };
}
