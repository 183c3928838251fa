import { beforeEach, describe, expect, it } from 'vitest';
import {
	freshDatabase,
	makeCertificate,
	makeEnrolment,
	makeLearner,
	makeMastery,
	makeOrganisation,
	makeTeam,
	syncCourse
} from '../testing/testing';
import {
	csvCell,
	exportLearnersCsv,
	getDashboard,
	getLearnerDetail,
	getTeamSignalMap,
	listLearners,
	parseLearnerQuery,
	statusLabel,
	statusOf,
	defaultQuery
} from './index';
import { createAssignment } from './assignments';
import { getCourse } from '../content/course';

const day = 24 * 3600 * 1000;
const now = Date.UTC(2026, 4, 15, 10);
const school = 'signalen-op-school';

let orgA: number;
let orgB: number;
let teamA1: number;
let lotte: number;
let sam: number;

beforeEach(async () => {
	freshDatabase();
	syncCourse();
	orgA = makeOrganisation('School A');
	orgB = makeOrganisation('Horizon B');
	teamA1 = makeTeam(orgA, 'Tweede graad');
	lotte = (await makeLearner({ organisation: orgA, team: teamA1, name: 'Lotte Janssens' })).id;
	sam = (await makeLearner({ organisation: orgB, name: 'Sam Peeters', audience: 'hulpverlener' }))
		.id;
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

describe('parseLearnerQuery', () => {
	it('falls back to defaults for bad, repeated or unknown values', () => {
		const q = parseLearnerQuery(
			new URLSearchParams(
				'sort=password&dir=sideways&page=-1&size=1000000&team=1%20OR%201=1&status=evil&module=x'
			)
		);
		expect(q).toEqual(defaultQuery);
		const twice = parseLearnerQuery(new URLSearchParams('sort=team&sort=name&page=99999999999'));
		expect(twice.sort).toBe('name');
		expect(twice.page).toBe(1);
	});

	it('reads valid values and gives a status filter a module', () => {
		const q = parseLearnerQuery(
			new URLSearchParams('sort=activity&dir=desc&page=3&size=25&team=7&status=expired&q=%20an%20')
		);
		expect(q).toMatchObject({ sort: 'activity', dir: 'desc', page: 3, size: 25, team: 7 });
		expect(q.status).toBe('expired');
		expect(q.module).toBe(getCourse().modules[0].slug);
		expect(q.q).toBe('an');
	});
});

describe('learners table', () => {
	it('lists only the own organisation, with status per module', () => {
		makeEnrolment({ user: lotte, module: school, stepsDone: 2, stepsTotal: 4 });
		makeEnrolment({ user: sam, module: school, completedAt: new Date(now - day) });
		const page = listLearners(orgA, defaultQuery, now);
		expect(page.rows.map((r) => r.name)).toEqual(['Lotte Janssens']);
		expect(page.rows[0].team).toBe('Tweede graad');
		expect(page.rows[0].statuses[school]).toEqual({ kind: 'in_progress', percent: 50 });
		expect(listLearners(orgB, defaultQuery, now).rows.map((r) => r.name)).toEqual(['Sam Peeters']);
	});

	it('ignores a team id of another organisation instead of showing its learners', () => {
		const teamB = makeTeam(orgB, 'Leefgroep');
		const page = listLearners(orgA, { ...defaultQuery, team: teamB }, now);
		expect(page.total).toBe(0);
		expect(page.rows).toEqual([]);
	});

	it('filters by team, status and search, sorts and pages on the server', async () => {
		const other = makeTeam(orgA, 'Eerste graad');
		for (let i = 0; i < 30; i++) {
			const id = (
				await makeLearner({
					organisation: orgA,
					team: other,
					name: `Leerling ${String(i).padStart(2, '0')}`
				})
			).id;
			if (i % 3 === 0)
				makeEnrolment({ user: id, module: school, completedAt: new Date(now - i * day) });
			if (i % 5 === 0)
				makeCertificate({ user: id, module: school, expiresAt: new Date(now - day) });
		}
		const all = listLearners(orgA, { ...defaultQuery, size: 25 }, now);
		expect(all.total).toBe(31);
		expect(all.pages).toBe(2);
		expect(all.rows).toHaveLength(25);
		const second = listLearners(orgA, { ...defaultQuery, size: 25, page: 2 }, now);
		expect(second.rows).toHaveLength(6);
		const tooFar = listLearners(orgA, { ...defaultQuery, size: 25, page: 40 }, now);
		expect(tooFar.page).toBe(2);

		const expired = listLearners(orgA, { ...defaultQuery, module: school, status: 'expired' }, now);
		expect(expired.total).toBe(6);
		const completed = listLearners(
			orgA,
			{ ...defaultQuery, module: school, status: 'completed' },
			now
		);
		// 10 completed, of whom 2 (0 and 15) also hold an expired certificate and count as expired.
		expect(completed.total).toBe(8);
		expect(
			listLearners(orgA, { ...defaultQuery, team: teamA1 }, now).rows.map((r) => r.name)
		).toEqual(['Lotte Janssens']);
		expect(listLearners(orgA, { ...defaultQuery, q: 'ling 1' }, now).total).toBe(10);
		expect(listLearners(orgA, { ...defaultQuery, q: '%' }, now).total).toBe(0);
		const desc = listLearners(orgA, { ...defaultQuery, dir: 'desc' }, now);
		expect(desc.rows[0].name).toBe('Lotte Janssens');
		const byActivity = listLearners(orgA, { ...defaultQuery, sort: 'activity', dir: 'desc' }, now);
		expect(byActivity.rows[0].name).toBe('Leerling 00');
	});
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
		makeCertificate({ user: lotte, module: school, expiresAt: new Date(Date.UTC(2027, 0, 31)) });
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

describe('learner detail', () => {
	it('shows modules and certificates of the own learners and refuses others', () => {
		makeEnrolment({ user: lotte, module: school, completedAt: new Date(now - 10 * day) });
		makeCertificate({ user: lotte, module: school, expiresAt: new Date(now + 30 * day) });
		const detail = getLearnerDetail(orgA, lotte, now)!;
		expect(detail.name).toBe('Lotte Janssens');
		expect(detail.modules.find((m) => m.slug === school)?.status.kind).toBe('certified');
		expect(detail.certificates).toHaveLength(1);
		expect(detail.certificates[0].state).toBe('valid');
		expect(Object.keys(detail).sort()).toEqual(
			['audience', 'certificates', 'email', 'id', 'modules', 'name', 'team'].sort()
		);
		expect(getLearnerDetail(orgA, sam, now)).toBeUndefined();
		expect(getLearnerDetail(orgB, lotte, now)).toBeUndefined();
	});
});

describe('dashboard', () => {
	it('counts learners, completion of assigned modules, expiring certificates and overdue', async () => {
		const second = (await makeLearner({ organisation: orgA, name: 'Bram' })).id;
		makeEnrolment({ user: lotte, module: school, completedAt: new Date(now - 40 * day) });
		makeEnrolment({ user: sam, module: school, completedAt: new Date(now - 40 * day) });
		makeCertificate({ user: lotte, module: school, expiresAt: new Date(now + 20 * day) });
		makeCertificate({ user: second, module: 'handelen', expiresAt: new Date(now + 90 * day) });
		makeCertificate({ user: sam, module: school, expiresAt: new Date(now + 20 * day) });
		createAssignment({
			organisationId: orgA,
			moduleSlug: school,
			target: 'organisation',
			dueAt: new Date(now - day),
			createdBy: lotte
		});
		const d = getDashboard(orgA, now);
		expect(d.learners).toBe(2);
		expect(d.assigned).toEqual([
			{
				slug: school,
				title: 'Signalen herkennen op school',
				targeted: 2,
				completed: 1,
				percent: 50
			}
		]);
		expect(d.expiringCertificates).toBe(1);
		expect(d.overdue).toBe(1);
		expect(d.completionsByMonth).toHaveLength(12);
		expect(d.completionsByMonth.reduce((s, m) => s + m.count, 0)).toBe(1);
		expect(d.byGroup).toContainEqual(
			expect.objectContaining({ slug: school, group: 'Tweede graad', learners: 1, percent: 100 })
		);
		expect(d.byGroup.some((g) => g.group.includes('Horizon'))).toBe(false);
		const byAudience = getDashboard(orgA, now, 'audience');
		expect(byAudience.byGroup).toContainEqual(
			expect.objectContaining({ slug: school, group: 'Leerkracht', learners: 2, percent: 50 })
		);
	});

	it('counts a certificate renewed later as not expiring', () => {
		makeCertificate({ user: lotte, module: school, expiresAt: new Date(now + 20 * day) });
		makeCertificate({ user: lotte, module: school, expiresAt: new Date(now + 700 * day) });
		expect(getDashboard(orgA, now).expiringCertificates).toBe(0);
	});
});

describe('team signal map', () => {
	it('shows a team only when at least five learners contributed', async () => {
		const signal = getCourse().signals[0];
		const small = makeTeam(orgA, 'Klein team');
		for (let i = 0; i < 4; i++) {
			const id = (await makeLearner({ organisation: orgA, team: teamA1 })).id;
			makeMastery(id, signal.id, 4, 3);
		}
		makeMastery(lotte, signal.id, 4, 1);
		for (let i = 0; i < 4; i++) {
			const id = (await makeLearner({ organisation: orgA, team: small })).id;
			makeMastery(id, signal.id, 2, 2);
		}
		makeMastery(sam, signal.id, 100, 0);
		const map = getTeamSignalMap(orgA);
		const big = map.teams.find((t) => t.name === 'Tweede graad')!;
		expect(big.learners).toBe(5);
		expect(big.rates?.[signal.category]).toBe(65);
		const hidden = map.teams.find((t) => t.name === 'Klein team')!;
		expect(hidden.rates).toBeNull();
		expect(map.teams.map((t) => t.name)).not.toContain('Leefgroep');
	});
});
