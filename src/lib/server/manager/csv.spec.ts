import { beforeEach, describe, expect, it } from 'vitest';
import {
	freshDatabase,
	makeCertificate,
	makeLearner,
	makeOrganisation,
	makeTeam,
	syncCourse
} from '../testing/testing';
import { csvCell, exportLearnersCsv } from './csv';
import { defaultQuery } from './learner-query';

const now = Date.UTC(2026, 4, 15, 10);
const school = 'signalen-op-school';

let orgA: number;
let orgB: number;
let teamA1: number;
let lotte: number;

beforeEach(async () => {
	await freshDatabase();
	await syncCourse();
	orgA = await makeOrganisation('School A');
	orgB = await makeOrganisation('Horizon B');
	teamA1 = await makeTeam(orgA, 'Tweede graad');
	lotte = (await makeLearner({ organisation: orgA, team: teamA1, name: 'Lotte Janssens' })).id;
	await makeLearner({ organisation: orgB, name: 'Sam Peeters', audience: 'hulpverlener' });
});

describe('CSV export', () => {
	it('neutralises formulas and quotes separators', () => {
		expect(csvCell('=HYPERLINK("https://evil","x")')).toBe(`"'=HYPERLINK(""https://evil"",""x"")"`);
		for (const start of ['+', '-', '@', '\t', '\r']) expect(csvCell(`${start}1`)).toMatch(/^"?'/);
		expect(csvCell('De Smet; Jan')).toBe('"De Smet; Jan"');
		expect(csvCell('gewoon')).toBe('gewoon');
	});

	it('writes BOM, semicolons and CRLF for the own organisation only', async () => {
		await makeLearner({ organisation: orgA, name: '=cmd|calc', team: teamA1 });
		await makeCertificate({
			user: lotte,
			module: school,
			expiresAt: new Date(Date.UTC(2027, 0, 31))
		});
		const { csv, rows } = await exportLearnersCsv(orgA, defaultQuery, now);
		expect(rows).toBe(2);
		expect(csv.startsWith('\uFEFFNaam;E-mailadres;Team;Beroep;')).toBe(true);
		const lines = csv.slice(1).split('\r\n');
		expect(lines.at(-1)).toBe('');
		expect(lines).toHaveLength(4);
		expect(csv).toContain("'=cmd|calc;");
		expect(csv).toContain('Lotte Janssens;');
		expect(csv).toContain('certificaat geldig tot 31/01/2027');
		expect(csv).not.toContain('Sam Peeters');
		expect(csv.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
	});
});
