import { beforeEach, describe, expect, it } from 'vitest';
import {
	freshDatabase,
	makeCertificate,
	makeLearner,
	makeOrganisation,
	makeTeam,
	syncCourse
} from '../testing/testing';
import { csvCell, csvChunkSize, exportLearnersCsv } from './csv';
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

	it('gives every learner of a file longer than one chunk their own row and status', async () => {
		for (let i = 0; i < csvChunkSize; i++) {
			await makeLearner({ organisation: orgA, name: `Leerling ${String(i).padStart(3, '0')}` });
		}
		// Sorted by name, Zeger is the last row: in the second chunk.
		const zeger = (await makeLearner({ organisation: orgA, name: 'Zeger Zomer' })).id;
		await makeCertificate({
			user: zeger,
			module: school,
			expiresAt: new Date(Date.UTC(2027, 0, 31))
		});
		const { csv, rows } = await exportLearnersCsv(orgA, defaultQuery, now);
		expect(rows).toBe(csvChunkSize + 2);
		const [header, ...lines] = csv.slice(1).split('\r\n').slice(0, -1);
		expect(lines).toHaveLength(csvChunkSize + 2);
		const columns = header.split(';').length;
		for (const line of lines) expect(line.split(';')).toHaveLength(columns);
		expect(lines.at(-1)).toMatch(/^Zeger Zomer;.*certificaat geldig tot 31\/01\/2027/);
		expect(lines.filter((line) => line.includes('certificaat geldig'))).toHaveLength(1);
	});
});
