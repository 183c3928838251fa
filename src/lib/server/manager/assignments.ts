// Assignments: a manager asks the whole organisation, a team or chosen learners to complete a
// module, optionally by a due date. Learners see them on /leren; overdue ones get one reminder.
import { and, eq, exists, inArray, isNotNull, isNull, lt, notExists, or, sql } from 'drizzle-orm';
import { config } from '../platform/config';
import { db, transaction } from '../db';
import { epochMsOrNull, prepared } from '../db/prepared';
import {
	assignment,
	assignmentReminder,
	assignmentUser,
	enrolment,
	membership,
	organisation,
	team,
	user
} from '../db/schema';
import { getCourse } from '../content/course';
import { assignableAuthoredModules } from '../authoring/published';
import { latestVersionId, loadVersion } from '../content/versions';
import { queueMail } from '../platform/mail';
import { recordAudit } from '../platform/audit';
import { messages } from '$lib/i18n';

export type AssignmentTarget = 'organisation' | 'team' | 'users';

const t = () => messages.manager.assignments;

function titleOf(slug: string): string {
	const shipped = getCourse().moduleBySlug.get(slug)?.meta.title;
	if (shipped) return shipped;
	const versionId = latestVersionId(slug);
	return (versionId === undefined ? undefined : loadVersion(versionId)?.module.meta.title) ?? slug;
}

/** Shipped modules, and the organisation's own and platform authored modules, may be assigned. */
function assignable(organisationId: number, slug: string): boolean {
	return (
		getCourse().moduleBySlug.has(slug) ||
		assignableAuthoredModules(organisationId).some((m) => m.slug === slug)
	);
}

export type CreateResult = { ok: true; id: number } | { ok: false; field: string; message: string };

/** Creates an assignment after checking that the module, team and learners belong here. */
export function createAssignment(input: {
	organisationId: number;
	moduleSlug: string;
	target: AssignmentTarget;
	teamId?: number | null;
	userIds?: number[];
	dueAt?: Date | null;
	createdBy: number;
	requestId?: string;
}): CreateResult {
	if (!assignable(input.organisationId, input.moduleSlug)) {
		return { ok: false, field: 'module', message: t().unknownModule };
	}
	let teamId: number | null = null;
	let userIds: number[] = [];
	if (input.target === 'team') {
		const owned = input.teamId
			? db
					.select({ id: team.id })
					.from(team)
					.where(and(eq(team.id, input.teamId), eq(team.organisationId, input.organisationId)))
					.get()
			: undefined;
		if (!owned) return { ok: false, field: 'teamId', message: t().chooseTeam };
		teamId = owned.id;
	}
	if (input.target === 'users') {
		const wanted = [...new Set(input.userIds ?? [])].slice(0, 5000);
		userIds = wanted.length
			? db
					.select({ id: membership.userId })
					.from(membership)
					.where(
						and(
							eq(membership.organisationId, input.organisationId),
							eq(membership.role, 'learner'),
							inArray(membership.userId, wanted)
						)
					)
					.all()
					.map((r) => r.id)
			: [];
		if (userIds.length === 0) return { ok: false, field: 'userIds', message: t().chooseLearners };
	}
	const id = transaction((tx) => {
		const created = tx
			.insert(assignment)
			.values({
				organisationId: input.organisationId,
				moduleSlug: input.moduleSlug,
				target: input.target,
				teamId,
				dueAt: input.dueAt ?? null,
				createdBy: input.createdBy
			})
			.run();
		const newId = Number(created.lastInsertRowid);
		for (const userId of userIds) {
			tx.insert(assignmentUser).values({ assignmentId: newId, userId }).run();
		}
		return newId;
	});
	recordAudit({
		action: 'assignment.created',
		actorUserId: input.createdBy,
		targetType: 'assignment',
		targetId: id,
		organisationId: input.organisationId,
		requestId: input.requestId,
		details: { module: input.moduleSlug, target: input.target, users: userIds.length }
	});
	return { ok: true, id };
}

export function deleteAssignment(
	organisationId: number,
	assignmentId: number,
	actorUserId: number,
	requestId?: string
): boolean {
	const result = db
		.delete(assignment)
		.where(and(eq(assignment.id, assignmentId), eq(assignment.organisationId, organisationId)))
		.run();
	if (result.changes === 1) {
		recordAudit({
			action: 'assignment.deleted',
			actorUserId,
			targetType: 'assignment',
			targetId: assignmentId,
			organisationId,
			requestId
		});
	}
	return result.changes === 1;
}

export interface AssignmentView {
	id: number;
	moduleSlug: string;
	title: string;
	target: AssignmentTarget;
	teamName: string | null;
	learners: number;
	dueAt: number | null;
}

const selectAssignments = prepared((database) =>
	database
		.select({
			id: assignment.id,
			moduleSlug: assignment.moduleSlug,
			target: assignment.target,
			teamId: assignment.teamId,
			dueAt: epochMsOrNull(assignment.dueAt),
			teamName: team.name
		})
		.from(assignment)
		.leftJoin(team, eq(team.id, assignment.teamId))
		.where(eq(assignment.organisationId, sql.placeholder('organisationId')))
		.orderBy(sql`${assignment.dueAt} is null`, assignment.dueAt, assignment.id)
		.prepare()
);
const selectAssignmentUsers = prepared((database) =>
	database
		.select({ assignmentId: assignmentUser.assignmentId, userId: assignmentUser.userId })
		.from(assignmentUser)
		.innerJoin(assignment, eq(assignment.id, assignmentUser.assignmentId))
		.where(eq(assignment.organisationId, sql.placeholder('organisationId')))
		.prepare()
);
const selectMembers = prepared((database) =>
	database
		.select({ userId: membership.userId, teamId: membership.teamId })
		.from(membership)
		.where(
			and(
				eq(membership.organisationId, sql.placeholder('organisationId')),
				eq(membership.role, 'learner')
			)
		)
		.prepare()
);

interface AssignmentRow {
	id: number;
	moduleSlug: string;
	target: AssignmentTarget;
	teamId: number | null;
	dueAt: number | null;
	teamName: string | null;
}

/**
 * Every assignment of an organisation with the learners it reaches today (team members change,
 * so targets are resolved when asked). `members` can be passed when the caller has them.
 */
export function listAssignmentTargets(
	organisationId: number,
	members?: [userId: number, teamId: number | null, ...rest: unknown[]][]
): (AssignmentRow & { userIds: number[] })[] {
	const rows: AssignmentRow[] = selectAssignments().all({ organisationId });
	if (rows.length === 0) return [];
	const learners =
		members ??
		selectMembers()
			.all({ organisationId })
			.map((m): [number, number | null] => [m.userId, m.teamId]);
	const memberIds = new Set(learners.map((m) => m[0]));
	const chosen = new Map<number, number[]>();
	for (const { assignmentId, userId } of selectAssignmentUsers().all({ organisationId })) {
		if (!memberIds.has(userId)) continue;
		const list = chosen.get(assignmentId) ?? [];
		list.push(userId);
		chosen.set(assignmentId, list);
	}
	return rows.map((row) => ({
		...row,
		userIds:
			row.target === 'organisation'
				? learners.map((m) => m[0])
				: row.target === 'team'
					? learners.filter((m) => m[1] === row.teamId).map((m) => m[0])
					: (chosen.get(row.id) ?? [])
	}));
}

export function listAssignments(organisationId: number): AssignmentView[] {
	return listAssignmentTargets(organisationId).map((row) => ({
		id: row.id,
		moduleSlug: row.moduleSlug,
		title: titleOf(row.moduleSlug),
		target: row.target,
		teamName: row.teamName,
		learners: row.userIds.length,
		dueAt: row.dueAt
	}));
}

const selectForLearner = prepared((database) =>
	database
		.select({
			moduleSlug: assignment.moduleSlug,
			dueAt: sql<number | null>`min(${assignment.dueAt})`
		})
		.from(membership)
		.innerJoin(assignment, eq(assignment.organisationId, membership.organisationId))
		.where(
			and(
				eq(membership.userId, sql.placeholder('user')),
				eq(membership.role, 'learner'),
				sql`(${sql.placeholder('org')} is null or ${membership.organisationId} = ${sql.placeholder('org')})`,
				or(
					eq(assignment.target, 'organisation'),
					and(eq(assignment.target, 'team'), eq(assignment.teamId, membership.teamId)),
					and(
						eq(assignment.target, 'users'),
						exists(
							database
								.select({ one: sql`1` })
								.from(assignmentUser)
								.where(
									and(
										eq(assignmentUser.assignmentId, assignment.id),
										eq(assignmentUser.userId, sql.placeholder('user'))
									)
								)
						)
					)
				)
			)
		)
		.groupBy(assignment.moduleSlug)
		.orderBy(sql`min(coalesce(${assignment.dueAt}, 9e15))`, assignment.moduleSlug)
		.prepare()
);

/**
 * The modules assigned to a learner (through any of their organisations), one per module with
 * the earliest due date. For /leren; a manager passes their organisation to see only theirs.
 */
export function listAssignmentsForLearner(
	userId: number,
	organisationId: number | null = null
): { moduleSlug: string; title: string; dueAt: Date | null }[] {
	return selectForLearner()
		.all({ user: userId, org: organisationId })
		.map((r) => ({
			moduleSlug: r.moduleSlug,
			title: titleOf(r.moduleSlug),
			dueAt: r.dueAt === null ? null : new Date(r.dueAt)
		}));
}

const selectOverdue = prepared((database) =>
	database
		.select({ id: assignment.id, organisationId: assignment.organisationId })
		.from(assignment)
		.where(and(isNotNull(assignment.dueAt), lt(assignment.dueAt, sql.placeholder('at'))))
		.orderBy(assignment.id)
		.prepare()
);
const selectPending = prepared((database) =>
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
		.prepare()
);
const insertReminder = prepared((database) =>
	database
		.insert(assignmentReminder)
		.values({
			assignmentId: sql.placeholder('assignmentId'),
			userId: sql.placeholder('userId'),
			sentAt: sql.placeholder('sentAt')
		})
		.onConflictDoNothing()
		.prepare()
);
const selectOrganisationName = prepared((database) =>
	database
		.select({ name: organisation.name })
		.from(organisation)
		.where(eq(organisation.id, sql.placeholder('organisationId')))
		.prepare()
);

/**
 * Mails every learner whose assignment is past its due date and not completed, once: the
 * reminder row (primary key assignment + learner) is written in the same transaction as the
 * outbox row, so a second run, or two runs at once, send nothing more. Returns the count.
 */
export function sendOverdueAssignmentReminders(now: Date = new Date()): number {
	const at = now.getTime();
	let sent = 0;
	const overdue = selectOverdue().all({ at });
	for (const { id, organisationId } of overdue) {
		const target = listAssignmentTargets(organisationId).find((a) => a.id === id);
		if (!target || target.dueAt === null) continue;
		const title = titleOf(target.moduleSlug);
		const organisationName = selectOrganisationName().get({ organisationId })?.name ?? '';
		for (const userId of target.userIds) {
			transaction(() => {
				const learner = selectPending().get({
					user: userId,
					module: target.moduleSlug,
					assignment: id
				});
				if (!learner) return;
				const reminder = { assignmentId: id, userId, sentAt: now };
				if (insertReminder().run(reminder).changes !== 1) return;
				queueMail({
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
