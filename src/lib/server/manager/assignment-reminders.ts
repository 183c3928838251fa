// One reminder per learner for an overdue assignment: mailed once, recorded so it is never sent
// twice (`npm run jobs:assignments`).
import { and, eq, isNotNull, isNull, lt, notExists, sql } from 'drizzle-orm';
import { config } from '../platform/config';
import { affected, transaction } from '../db';
import { epochParam, prepared } from '../db/prepared';
import { assignment, assignmentReminder, enrolment, organisation, user } from '../db/schema';
import { queueMail } from '../platform/mail';
import { messages } from '$lib/i18n';
import { listAssignmentTargets, titleOf } from './assignment-lists';

const t = () => messages.manager.assignments;

const selectOverdue = prepared(
	(database) =>
		database
			.select({ id: assignment.id, organisationId: assignment.organisationId })
			.from(assignment)
			.where(and(isNotNull(assignment.dueAt), lt(assignment.dueAt, epochParam('at'))))
			.orderBy(assignment.id)
			.prepare(),
	{ report: true }
);
const selectPending = prepared(
	(database) =>
		database
			.select({ id: user.id, email: user.email, name: user.name })
			.from(user)
			.where(
				and(
					eq(user.id, sql.placeholder('user')),
					isNull(user.disabledAt),
					notExists(
						database
							.select({ one: sql`1` })
							.from(enrolment)
							.where(
								and(
									eq(enrolment.userId, user.id),
									eq(enrolment.moduleSlug, sql.placeholder('module')),
									eq(enrolment.status, 'completed')
								)
							)
					),
					notExists(
						database
							.select({ one: sql`1` })
							.from(assignmentReminder)
							.where(
								and(
									eq(assignmentReminder.assignmentId, sql.placeholder('assignment')),
									eq(assignmentReminder.userId, user.id)
								)
							)
					)
				)
			)
			.prepare(),
	{ report: true }
);
const insertReminder = prepared(
	(database) =>
		database
			.insert(assignmentReminder)
			.values({
				assignmentId: sql.placeholder('assignmentId'),
				userId: sql.placeholder('userId'),
				sentAt: sql.placeholder('sentAt')
			})
			.onConflictDoNothing()
			.prepare(),
	{ report: true }
);
const selectOrganisationName = prepared(
	(database) =>
		database
			.select({ name: organisation.name })
			.from(organisation)
			.where(eq(organisation.id, sql.placeholder('organisationId')))
			.prepare(),
	{ report: true }
);

/**
 * Mails every learner whose assignment is past its due date and not completed, once: the
 * reminder row (primary key assignment + learner) is written in the same transaction as the
 * outbox row, so a second run, or two runs at once, send nothing more. Returns the count.
 */
export async function sendOverdueAssignmentReminders(now: Date = new Date()): Promise<number> {
	const at = now.getTime();
	let sent = 0;
	const overdue = await selectOverdue().all({ at });
	for (const { id, organisationId } of overdue) {
		const target = (await listAssignmentTargets(organisationId)).find((a) => a.id === id);
		if (!target || target.dueAt === null) continue;
		const title = await titleOf(target.moduleSlug);
		const organisationName = (await selectOrganisationName().get({ organisationId }))?.name ?? '';
		for (const userId of target.userIds) {
			await transaction(async () => {
				const learner = await selectPending().get({
					user: userId,
					module: target.moduleSlug,
					assignment: id
				});
				if (!learner) return;
				const reminder = { assignmentId: id, userId, sentAt: now };
				if (affected(await insertReminder().run(reminder)) !== 1) return;
				await queueMail({
					kind: 'assignment-overdue',
					to: learner.email,
					subject: t().reminderSubject(title),
					body: `${messages.mail.greeting(learner.name)}\n\n${t().reminderBody(
						organisationName,
						title,
						new Date(target.dueAt!),
						`${config.origin}/leren`
					)}\n\n${messages.mail.signature}`
				});
				sent += 1;
			});
		}
	}
	return sent;
}
