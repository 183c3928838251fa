// Assignments: a manager asks the whole organisation, a team or chosen learners to complete a
// module, optionally by a due date. Learners see them on /leren; overdue ones get one reminder.
import { and, eq, inArray } from 'drizzle-orm';
import { config } from '../platform/config';
import { db, transaction } from '../db';
import { prepared } from '../db/prepared';
import { assignment, assignmentUser, membership, team } from '../db/schema';
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
	database.$client.prepare(
		`select a.id, a.module_slug as moduleSlug, a.target, a.team_id as teamId, a.due_at as dueAt,
			t.name as teamName
		from assignment a left join team t on t.id = a.team_id
		where a.organisation_id = ? order by a.due_at is null, a.due_at, a.id`
	)
);
const selectAssignmentUsers = prepared((database) =>
	database.$client
		.prepare(
			`select au.assignment_id, au.user_id from assignment_user au
			join assignment a on a.id = au.assignment_id
			where a.organisation_id = ?`
		)
		.raw()
);
const selectMembers = prepared((database) =>
	database.$client
		.prepare(
			`select user_id, team_id from membership where organisation_id = ? and role = 'learner'`
		)
		.raw()
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
	const rows = selectAssignments().all(organisationId) as AssignmentRow[];
	if (rows.length === 0) return [];
	const learners = members ?? (selectMembers().all(organisationId) as [number, number | null][]);
	const memberIds = new Set(learners.map((m) => m[0]));
	const chosen = new Map<number, number[]>();
	for (const [assignmentId, userId] of selectAssignmentUsers().all(organisationId) as [
		number,
		number
	][]) {
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
	database.$client.prepare(
		`select a.module_slug as moduleSlug, min(a.due_at) as dueAt, count(*) as n
		from membership m
		join assignment a on a.organisation_id = m.organisation_id
		where m.user_id = @user and m.role = 'learner' and (@org is null or m.organisation_id = @org) and (
			a.target = 'organisation'
			or (a.target = 'team' and a.team_id = m.team_id)
			or (a.target = 'users' and exists (select 1 from assignment_user au
				where au.assignment_id = a.id and au.user_id = @user)))
		group by a.module_slug order by min(coalesce(a.due_at, 9e15)), a.module_slug`
	)
);

/**
 * The modules assigned to a learner (through any of their organisations), one per module with
 * the earliest due date. For /leren; a manager passes their organisation to see only theirs.
 */
export function listAssignmentsForLearner(
	userId: number,
	organisationId: number | null = null
): { moduleSlug: string; title: string; dueAt: Date | null }[] {
	return (
		selectForLearner().all({ user: userId, org: organisationId }) as {
			moduleSlug: string;
			dueAt: number | null;
		}[]
	).map((r) => ({
		moduleSlug: r.moduleSlug,
		title: titleOf(r.moduleSlug),
		dueAt: r.dueAt === null ? null : new Date(r.dueAt)
	}));
}

const selectOverdue = prepared((database) =>
	database.$client.prepare(
		`select id, organisation_id as organisationId from assignment
		where due_at is not null and due_at < ? order by id`
	)
);
const selectPending = prepared((database) =>
	database.$client.prepare(
		`select u.id, u.email, u.name from user u
		where u.id = @user and u.disabled_at is null
			and not exists (select 1 from enrolment e where e.user_id = u.id
				and e.module_slug = @module and e.status = 'completed')
			and not exists (select 1 from assignment_reminder r
				where r.assignment_id = @assignment and r.user_id = u.id)`
	)
);
const insertReminder = prepared((database) =>
	database.$client.prepare(
		`insert into assignment_reminder (assignment_id, user_id, sent_at) values (?, ?, ?)
		on conflict do nothing`
	)
);

/**
 * Mails every learner whose assignment is past its due date and not completed, once: the
 * reminder row (primary key assignment + learner) is written in the same transaction as the
 * outbox row, so a second run, or two runs at once, send nothing more. Returns the count.
 */
export function sendOverdueAssignmentReminders(now: Date = new Date()): number {
	const at = now.getTime();
	let sent = 0;
	const overdue = selectOverdue().all(at) as { id: number; organisationId: number }[];
	for (const { id, organisationId } of overdue) {
		const target = listAssignmentTargets(organisationId).find((a) => a.id === id);
		if (!target || target.dueAt === null) continue;
		const title = titleOf(target.moduleSlug);
		const organisationName =
			(
				db.$client.prepare('select name from organisation where id = ?').get(organisationId) as
					{ name: string } | undefined
			)?.name ?? '';
		for (const userId of target.userIds) {
			transaction(() => {
				const learner = selectPending().get({
					user: userId,
					module: target.moduleSlug,
					assignment: id
				}) as { id: number; email: string; name: string } | undefined;
				if (!learner) return;
				if (insertReminder().run(id, userId, at).changes !== 1) return;
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
