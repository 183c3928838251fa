import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startSmtpSink, type SmtpSink } from '../testing/smtp';
import {
	freshDatabase,
	makeEnrolment,
	makeLearner,
	makeOrganisation,
	makeTeam,
	syncCourse
} from '../testing/testing';
import {
	createAssignment,
	deleteAssignment,
	listAssignments,
	listAssignmentsForLearner,
	sendOverdueAssignmentReminders
} from './assignments';
import { flushMail } from '../platform/mail';
import { db } from '../db';
import { assignment, moduleVersion } from '../db/schema';
import { getCourse } from '../content/course';

let sink: SmtpSink;

beforeAll(async () => {
	sink = await startSmtpSink();
});

afterAll(() => sink.close());

const day = 24 * 3600 * 1000;
let orgA: number;
let orgB: number;
let team: number;
let manager: number;
let inTeam: { id: number; email: string };
let outside: { id: number; email: string };
let other: { id: number; email: string };

beforeEach(async () => {
	await freshDatabase();
	await syncCourse();
	sink.clear();
	orgA = await makeOrganisation('School A');
	orgB = await makeOrganisation('Horizon B');
	team = await makeTeam(orgA, 'Tweede graad');
	manager = (await makeLearner({ organisation: orgA })).id;
	inTeam = await makeLearner({ organisation: orgA, team, name: 'Lotte' });
	outside = await makeLearner({ organisation: orgA, name: 'Bram' });
	other = await makeLearner({ organisation: orgB, name: 'Sam' });
});

afterEach(() => {
	delete process.env.SMTP_URL;
});

describe('assignments', () => {
	it('shows an assigned authored module under its newest version’s title', async () => {
		const meta = getCourse().modules[0].meta;
		for (const [version, title] of [
			[1, 'Eerste titel'],
			[2, 'Nieuwe titel']
		] as const)
			await db.insert(moduleVersion).values({
				moduleSlug: 'eigen-module',
				version,
				source: 'authored',
				contentHash: `hash-${version}`,
				title,
				organisationId: orgA,
				content: { slug: 'eigen-module', meta: { ...meta, title }, steps: [] }
			});
		const created = await createAssignment({
			organisationId: orgA,
			moduleSlug: 'eigen-module',
			target: 'organisation',
			createdBy: manager
		});
		expect(created.ok).toBe(true);
		// A module that has no version any more keeps its slug as title.
		await db.insert(assignment).values({
			organisationId: orgA,
			moduleSlug: 'verdwenen-module',
			target: 'organisation',
			createdBy: manager
		});
		expect(await listAssignmentsForLearner(outside.id)).toEqual([
			{ moduleSlug: 'eigen-module', title: 'Nieuwe titel', dueAt: null },
			{ moduleSlug: 'verdwenen-module', title: 'verdwenen-module', dueAt: null }
		]);
	});

	it('reaches the organisation, a team or chosen learners, and shows on /leren', async () => {
		const due = new Date(Date.UTC(2026, 5, 30));
		expect(
			(
				await createAssignment({
					organisationId: orgA,
					moduleSlug: 'signalen-op-school',
					target: 'team',
					teamId: team,
					dueAt: due,
					createdBy: manager
				})
			).ok
		).toBe(true);
		await createAssignment({
			organisationId: orgA,
			moduleSlug: 'handelen',
			target: 'users',
			userIds: [outside.id, other.id],
			createdBy: manager
		});
		expect(await listAssignmentsForLearner(inTeam.id)).toEqual([
			{ moduleSlug: 'signalen-op-school', title: 'Signalen herkennen op school', dueAt: due }
		]);
		expect((await listAssignmentsForLearner(outside.id)).map((a) => a.moduleSlug)).toEqual([
			'handelen'
		]);
		// A learner of another organisation slipped into the list is dropped.
		expect(await listAssignmentsForLearner(other.id)).toEqual([]);
		expect((await listAssignments(orgA)).map((a) => [a.moduleSlug, a.learners])).toEqual([
			['signalen-op-school', 1],
			['handelen', 1]
		]);
		expect(await listAssignments(orgB)).toEqual([]);
	});

	it("refuses another organisation's team, unknown modules and foreign learners", async () => {
		const teamB = await makeTeam(orgB, 'Leefgroep');
		expect(
			await createAssignment({
				organisationId: orgA,
				moduleSlug: 'signalen-op-school',
				target: 'team',
				teamId: teamB,
				createdBy: manager
			})
		).toMatchObject({ ok: false, field: 'teamId' });
		expect(
			await createAssignment({
				organisationId: orgA,
				moduleSlug: '../../etc/passwd',
				target: 'organisation',
				createdBy: manager
			})
		).toMatchObject({ ok: false, field: 'module' });
		expect(
			await createAssignment({
				organisationId: orgA,
				moduleSlug: 'handelen',
				target: 'users',
				userIds: [other.id],
				createdBy: manager
			})
		).toMatchObject({ ok: false, field: 'userIds' });
	});

	it('deletes only within the own organisation', async () => {
		const created = await createAssignment({
			organisationId: orgA,
			moduleSlug: 'handelen',
			target: 'organisation',
			createdBy: manager
		});
		if (!created.ok) throw new Error('not created');
		expect(await deleteAssignment(orgB, created.id, manager)).toBe(false);
		expect(await listAssignments(orgA)).toHaveLength(1);
		expect(await deleteAssignment(orgA, created.id, manager)).toBe(true);
		expect(await listAssignments(orgA)).toHaveLength(0);
	});
});

describe('overdue reminders', () => {
	it('mails each overdue learner once, through a real SMTP exchange, with a fake clock', async () => {
		process.env.SMTP_URL = sink.url;
		const due = new Date(Date.UTC(2026, 5, 30, 22));
		await createAssignment({
			organisationId: orgA,
			moduleSlug: 'signalen-op-school',
			target: 'organisation',
			dueAt: due,
			createdBy: manager
		});
		await makeEnrolment({
			user: outside.id,
			module: 'signalen-op-school',
			completedAt: new Date(due.getTime() - day)
		});
		await makeEnrolment({ user: inTeam.id, module: 'signalen-op-school', stepsDone: 1 });

		expect(await sendOverdueAssignmentReminders(new Date(due.getTime() - 1000))).toBe(0);
		const after = new Date(due.getTime() + day);
		// The manager is also a learner here (makeLearner), so two learners are overdue.
		expect(await sendOverdueAssignmentReminders(after)).toBe(2);
		await flushMail();
		expect(sink.received.flatMap((r) => r.to).sort()).toContain(inTeam.email);
		expect(sink.received.flatMap((r) => r.to)).not.toContain(outside.email);
		expect(sink.received.flatMap((r) => r.to)).not.toContain(other.email);
		const mail = sink.received.find((r) => r.to.includes(inTeam.email))!;
		expect(mail.raw).toMatch(/Herinnering/);

		expect(await sendOverdueAssignmentReminders(new Date(after.getTime() + day))).toBe(0);
		await flushMail();
		expect(sink.received).toHaveLength(2);
	});
});
