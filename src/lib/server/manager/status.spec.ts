import { beforeEach, describe, expect, it } from 'vitest';
import {
	freshDatabase,
	makeLearner,
	makeOrganisation,
	makeTeam,
	syncCourse
} from '../testing/testing';
import { statusLabel, statusOf } from './status';

const day = 24 * 3600 * 1000;
const now = Date.UTC(2026, 4, 15, 10);

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

describe('statusOf', () => {
	it('prefers a certificate, then a completion, then progress', () => {
		const enrolled = { completed: false, stepsDone: 1, stepsTotal: 4, updatedAt: 0 };
		expect(statusOf([], undefined, now)).toEqual({ kind: 'not_started' });
		expect(statusOf([enrolled], undefined, now)).toEqual({ kind: 'in_progress', percent: 25 });
		expect(statusOf([{ ...enrolled, completed: true }], undefined, now).kind).toBe('completed');
		expect(statusOf([enrolled], now + day, now).kind).toBe('certified');
		expect(statusOf([enrolled], now - day, now).kind).toBe('expired');
		expect(statusLabel({ kind: 'certified', expiresAt: Date.UTC(2027, 0, 31) })).toBe(
			'certificaat geldig tot 31 januari 2027'
		);
		expect(statusLabel({ kind: 'in_progress', percent: 40 })).toBe('bezig 40 %');
	});
});
