// Who an assignment reaches (the organisation, a team or chosen learners, resolved to user ids)
// and the lists a manager and a learner see.
import { and, eq, exists, or, sql } from 'drizzle-orm';
import { epochMsOrNull, prepared } from '../db/prepared';
import { intParam } from '../db/sql';
import { assignment, assignmentUser, membership, moduleVersion, team } from '../db/schema';
import { getCourse } from '../content/course';
import { latestVersionId, loadVersion } from '../content/versions';
import type { AssignmentTarget } from './assignments';

/**
 * The module title a manager and a learner read: shipped, or the latest authored version
 * (`latest`: its id when the caller read it already, null when the module has none).
 */
export async function titleOf(slug: string, latest?: number | null): Promise<string> {
	const shipped = getCourse().moduleBySlug.get(slug)?.meta.title;
	if (shipped) return shipped;
	const versionId = latest === undefined ? await latestVersionId(slug) : latest;
	return (
		(versionId == null ? undefined : (await loadVersion(versionId))?.module.meta.title) ?? slug
	);
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

const selectAssignments = prepared(
	(database) =>
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
			.prepare(),
	{ report: true }
);
const selectAssignmentUsers = prepared(
	(database) =>
		database
			.select({ assignmentId: assignmentUser.assignmentId, userId: assignmentUser.userId })
			.from(assignmentUser)
			.innerJoin(assignment, eq(assignment.id, assignmentUser.assignmentId))
			.where(eq(assignment.organisationId, sql.placeholder('organisationId')))
			.prepare(),
	{ report: true }
);
const selectMembers = prepared(
	(database) =>
		database
			.select({ userId: membership.userId, teamId: membership.teamId })
			.from(membership)
			.where(
				and(
					eq(membership.organisationId, sql.placeholder('organisationId')),
					eq(membership.role, 'learner')
				)
			)
			.prepare(),
	{ report: true }
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
export async function listAssignmentTargets(
	organisationId: number,
	members?: [userId: number, teamId: number | null, ...rest: unknown[]][]
): Promise<(AssignmentRow & { userIds: number[] })[]> {
	const rows: AssignmentRow[] = await selectAssignments().all({ organisationId });
	if (rows.length === 0) return [];
	const learners =
		members ??
		(await selectMembers().all({ organisationId })).map((m): [number, number | null] => [
			m.userId,
			m.teamId
		]);
	const memberIds = new Set(learners.map((m) => m[0]));
	const chosen = new Map<number, number[]>();
	for (const { assignmentId, userId } of await selectAssignmentUsers().all({ organisationId })) {
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

export async function listAssignments(organisationId: number): Promise<AssignmentView[]> {
	return await Promise.all(
		(await listAssignmentTargets(organisationId)).map(async (row) => ({
			id: row.id,
			moduleSlug: row.moduleSlug,
			title: await titleOf(row.moduleSlug),
			target: row.target,
			teamName: row.teamName,
			learners: row.userIds.length,
			dueAt: row.dueAt
		}))
	);
}

// The newest version of the assigned module, for an authored module's title: read with the
// assignments, not by a query per module after them.
const newestVersionId = sql<number | null>`(select newest.id from ${moduleVersion} newest
	where newest.module_slug = ${assignment.moduleSlug} order by newest.version desc limit 1)`.mapWith(
	Number
);
const selectForLearner = prepared((database) =>
	database
		.select({
			moduleSlug: assignment.moduleSlug,
			dueAt: sql<number | null>`min(${epochMsOrNull(assignment.dueAt)})`,
			latest: newestVersionId
		})
		.from(membership)
		.innerJoin(assignment, eq(assignment.organisationId, membership.organisationId))
		.where(
			and(
				eq(membership.userId, sql.placeholder('user')),
				eq(membership.role, 'learner'),
				sql`(${intParam('org')} is null or ${membership.organisationId} = ${sql.placeholder('org')})`,
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
		.orderBy(sql`min(coalesce(${epochMsOrNull(assignment.dueAt)}, 9e15))`, assignment.moduleSlug)
		.prepare()
);

/**
 * The modules assigned to a learner (through any of their organisations), one per module with
 * the earliest due date. For /leren; a manager passes their organisation to see only theirs.
 */
export async function listAssignmentsForLearner(
	userId: number,
	organisationId: number | null = null
): Promise<{ moduleSlug: string; title: string; dueAt: Date | null }[]> {
	return await Promise.all(
		(await selectForLearner().all({ user: userId, org: organisationId })).map(async (r) => ({
			moduleSlug: r.moduleSlug,
			title: await titleOf(r.moduleSlug, r.latest),
			dueAt: r.dueAt === null ? null : new Date(r.dueAt)
		}))
	);
}
