// Assignments: a manager asks the whole organisation, a team or chosen learners to complete a
// module, optionally by a due date. Creating and deleting one is here; who it reaches and the
// lists are in assignment-lists.ts, the reminder for overdue ones in assignment-reminders.ts.
import { and, eq, inArray } from 'drizzle-orm';
import { affected, db, transaction, first } from '../db';
import { assignment, assignmentUser, membership, team } from '../db/schema';
import { getCourse } from '../content/course';
import { assignableAuthoredModules } from '../authoring/published';
import { recordAudit } from '../platform/audit';
import { messages } from '$lib/i18n';

export type AssignmentTarget = 'organisation' | 'team' | 'users';

const t = () => messages.manager.assignments;

/** Shipped modules, and the organisation's own and platform authored modules, may be assigned. */
async function assignable(organisationId: number, slug: string): Promise<boolean> {
	return (
		getCourse().moduleBySlug.has(slug) ||
		(await assignableAuthoredModules(organisationId)).some((m) => m.slug === slug)
	);
}

export type CreateResult = { ok: true; id: number } | { ok: false; field: string; message: string };

/** Creates an assignment after checking that the module, team and learners belong here. */
export async function createAssignment(input: {
	organisationId: number;
	moduleSlug: string;
	target: AssignmentTarget;
	teamId?: number | null;
	userIds?: number[];
	dueAt?: Date | null;
	createdBy: number;
	requestId?: string;
}): Promise<CreateResult> {
	if (!(await assignable(input.organisationId, input.moduleSlug))) {
		return { ok: false, field: 'module', message: t().unknownModule };
	}
	let teamId: number | null = null;
	let userIds: number[] = [];
	if (input.target === 'team') {
		const owned = input.teamId
			? await first(
					db
						.select({ id: team.id })
						.from(team)
						.where(and(eq(team.id, input.teamId), eq(team.organisationId, input.organisationId)))
				)
			: undefined;
		if (!owned) return { ok: false, field: 'teamId', message: t().chooseTeam };
		teamId = owned.id;
	}
	if (input.target === 'users') {
		const wanted = [...new Set(input.userIds ?? [])].slice(0, 5000);
		userIds = wanted.length
			? (
					await db
						.select({ id: membership.userId })
						.from(membership)
						.where(
							and(
								eq(membership.organisationId, input.organisationId),
								eq(membership.role, 'learner'),
								inArray(membership.userId, wanted)
							)
						)
				).map((r) => r.id)
			: [];
		if (userIds.length === 0) return { ok: false, field: 'userIds', message: t().chooseLearners };
	}
	const id = await transaction(async (tx) => {
		const created = await tx
			.insert(assignment)
			.values({
				organisationId: input.organisationId,
				moduleSlug: input.moduleSlug,
				target: input.target,
				teamId,
				dueAt: input.dueAt ?? null,
				createdBy: input.createdBy
			})
			.returning({ id: assignment.id });
		const newId = Number(created[0]?.id);
		for (const userId of userIds) {
			await tx.insert(assignmentUser).values({ assignmentId: newId, userId });
		}
		return newId;
	});
	await recordAudit({
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

export async function deleteAssignment(
	organisationId: number,
	assignmentId: number,
	actorUserId: number,
	requestId?: string
): Promise<boolean> {
	const result = await db
		.delete(assignment)
		.where(and(eq(assignment.id, assignmentId), eq(assignment.organisationId, organisationId)));
	if (affected(result) === 1) {
		await recordAudit({
			action: 'assignment.deleted',
			actorUserId,
			targetType: 'assignment',
			targetId: assignmentId,
			organisationId,
			requestId
		});
	}
	return affected(result) === 1;
}

// Lists and reminders live beside this file; callers may keep importing them from here.
export * from './assignment-lists';
export * from './assignment-reminders';
