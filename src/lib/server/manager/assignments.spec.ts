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
	freshDatabase();
	syncCourse();
	sink.clear();
	orgA = makeOrganisation('School A');
	orgB = makeOrganisation('Horizon B');
	team = makeTeam(orgA, 'Tweede graad');
	manager = (await makeLearner({ organisation: orgA })).id;
	inTeam = await makeLearner({ organisation: orgA, team, name: 'Lotte' });
	outside = await makeLearner({ organisation: orgA, name: 'Bram' });
	other = await makeLearner({ organisation: orgB, name: 'Sam' });
});

afterEach(() => {
	delete process.env.SMTP_URL;
});

describe('assignments', () => {
	it('reaches the organisation, a team or chosen learners, and shows on /leren', () => {
		const due = new Date(Date.UTC(2026, 5, 30));
		expect(
			createAssignment({
				organisationId: orgA,
				moduleSlug: 'signalen-op-school',
				target: 'team',
				teamId: team,
				dueAt: due,
				createdBy: manager
			}).ok
		).toBe(true);
		createAssignment({
			organisationId: orgA,
			moduleSlug: 'handelen',
			target: 'users',
			userIds: [outside.id, other.id],
			createdBy: manager
		});
		expect(listAssignmentsForLearner(inTeam.id)).toEqual([
			{ moduleSlug: 'signalen-op-school', title: 'Signalen herkennen op school', dueAt: due }
		]);
		expect(listAssignmentsForLearner(outside.id).map((a) => a.moduleSlug)).toEqual(['handelen']);
		// A learner of another organisation slipped into the list is dropped.
		expect(listAssignmentsForLearner(other.id)).toEqual([]);
		expect(listAssignments(orgA).map((a) => [a.moduleSlug, a.learners])).toEqual([
			['signalen-op-school', 1],
			['handelen', 1]
		]);
		expect(listAssignments(orgB)).toEqual([]);
	});

	it("refuses another organisation's team, unknown modules and foreign learners", () => {
		const teamB = makeTeam(orgB, 'Leefgroep');
		expect(
			createAssignment({
				organisationId: orgA,
				moduleSlug: 'signalen-op-school',
				target: 'team',
				teamId: teamB,
				createdBy: manager
			})
		).toMatchObject({ ok: false, field: 'teamId' });
		expect(
			createAssignment({
				organisationId: orgA,
				moduleSlug: '../../etc/passwd',
				target: 'organisation',
				createdBy: manager
			})
		).toMatchObject({ ok: false, field: 'module' });
		expect(
			createAssignment({
				organisationId: orgA,
				moduleSlug: 'handelen',
				target: 'users',
				userIds: [other.id],
				createdBy: manager
			})
		).toMatchObject({ ok: false, field: 'userIds' });
	});

	it('deletes only within the own organisation', () => {
		const created = createAssignment({
			organisationId: orgA,
			moduleSlug: 'handelen',
			target: 'organisation',
			createdBy: manager
		});
		if (!created.ok) throw new Error('not created');
		expect(deleteAssignment(orgB, created.id, manager)).toBe(false);
		expect(listAssignments(orgA)).toHaveLength(1);
		expect(deleteAssignment(orgA, created.id, manager)).toBe(true);
		expect(listAssignments(orgA)).toHaveLength(0);
	});
});

describe('overdue reminders', () => {
	it('mails each overdue learner once, through a real SMTP exchange, with a fake clock', async () => {
		process.env.SMTP_URL = sink.url;
		const due = new Date(Date.UTC(2026, 5, 30, 22));
		createAssignment({
			organisationId: orgA,
			moduleSlug: 'signalen-op-school',
			target: 'organisation',
			dueAt: due,
			createdBy: manager
		});
		makeEnrolment({
			user: outside.id,
			module: 'signalen-op-school',
			completedAt: new Date(due.getTime() - day)
		});
		makeEnrolment({ user: inTeam.id, module: 'signalen-op-school', stepsDone: 1 });

		expect(sendOverdueAssignmentReminders(new Date(due.getTime() - 1000))).toBe(0);
		const after = new Date(due.getTime() + day);
		// The manager is also a learner here (makeLearner), so two learners are overdue.
		expect(sendOverdueAssignmentReminders(after)).toBe(2);
		await flushMail();
		expect(sink.received.flatMap((r) => r.to).sort()).toContain(inTeam.email);
		expect(sink.received.flatMap((r) => r.to)).not.toContain(outside.email);
		expect(sink.received.flatMap((r) => r.to)).not.toContain(other.email);
		const mail = sink.received.find((r) => r.to.includes(inTeam.email))!;
		expect(mail.raw).toMatch(/Herinnering/);

		expect(sendOverdueAssignmentReminders(new Date(after.getTime() + day))).toBe(0);
		await flushMail();
		expect(sink.received).toHaveLength(2);
	});
});
