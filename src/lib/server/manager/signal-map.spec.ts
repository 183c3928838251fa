import { beforeEach, describe, expect, it } from 'vitest';
import { makeLearner, makeMastery, makeTeam } from '../testing/testing';
import { getTeamSignalMap } from './signal-map';
import { getCourse } from '../content/course';
import { twoOrganisations } from './spec-support';

let orgA: number;
let teamA1: number;
let lotte: number;
let sam: number;

beforeEach(async () => {
	({ orgA, teamA1, lotte, sam } = await twoOrganisations());
});

describe('team signal map', () => {
	it('shows a team only when at least five learners contributed', async () => {
		const signal = getCourse().signals[0];
		const small = await makeTeam(orgA, 'Klein team');
		for (let i = 0; i < 4; i++) {
			const id = (await makeLearner({ organisation: orgA, team: teamA1 })).id;
			await makeMastery(id, signal.id, 4, 3);
		}
		await makeMastery(lotte, signal.id, 4, 1);
		for (let i = 0; i < 4; i++) {
			const id = (await makeLearner({ organisation: orgA, team: small })).id;
			await makeMastery(id, signal.id, 2, 2);
		}
		await makeMastery(sam, signal.id, 100, 0);
		const map = await getTeamSignalMap(orgA);
		const big = map.teams.find((t) => t.name === 'Tweede graad')!;
		expect(big.learners).toBe(5);
		expect(big.rates?.[signal.category]).toBe(65);
		const hidden = map.teams.find((t) => t.name === 'Klein team')!;
		expect(hidden.rates).toBeNull();
		expect(map.teams.map((t) => t.name)).not.toContain('Leefgroep');
	});
});
