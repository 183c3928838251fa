// Teams within an organisation: create, rename and move learners between them. Every change is
// scoped to the manager's organisation and audited.
import { and, eq, ne, sql } from 'drizzle-orm';
import { affected, db, first } from '../db';
import { equalsIgnoringCase } from '../db/sql';
import { membership, team } from '../db/schema';
import { recordAudit } from '../platform/audit';
import { messages } from '$lib/i18n';

export type TeamResult = { ok: true; id: number } | { ok: false; message: string };

const t = () => messages.manager.teams;

export async function listTeamsWithCounts(organisationId: number) {
	return await db
		.select({
			id: team.id,
			name: team.name,
			// Written out: inside the subquery an unqualified "id" would mean the membership's.
			learners: sql<number>`(select count(*) from membership m
				where m.team_id = "team"."id" and m.role = 'learner')`.mapWith(Number)
		})
		.from(team)
		.where(eq(team.organisationId, organisationId))
		.orderBy(team.name);
}

async function nameTaken(
	organisationId: number,
	name: string,
	exceptId?: number
): Promise<boolean> {
	const conditions = [eq(team.organisationId, organisationId), equalsIgnoringCase(team.name, name)];
	if (exceptId) conditions.push(ne(team.id, exceptId));
	return !!(await first(
		db
			.select({ id: team.id })
			.from(team)
			.where(and(...conditions))
	));
}

export async function createTeam(
	organisationId: number,
	name: string,
	actorUserId: number | null,
	requestId?: string
): Promise<TeamResult> {
	if (await nameTaken(organisationId, name)) return { ok: false, message: t().nameTaken(name) };
	const id = Number(
		(await db.insert(team).values({ organisationId, name }).returning({ id: team.id }))[0]?.id
	);
	await recordAudit({
		action: 'team.created',
		actorUserId,
		targetType: 'team',
		targetId: id,
		organisationId,
		requestId
	});
	return { ok: true, id };
}

export async function renameTeam(
	organisationId: number,
	teamId: number,
	name: string,
	actorUserId: number | null,
	requestId?: string
): Promise<TeamResult> {
	if (await nameTaken(organisationId, name, teamId))
		return { ok: false, message: t().nameTaken(name) };
	const result = await db
		.update(team)
		.set({ name })
		.where(and(eq(team.id, teamId), eq(team.organisationId, organisationId)));
	if (affected(result) !== 1) return { ok: false, message: t().unknownTeam };
	await recordAudit({
		action: 'team.renamed',
		actorUserId,
		targetType: 'team',
		targetId: teamId,
		organisationId,
		requestId
	});
	return { ok: true, id: teamId };
}

/** Moves a learner of this organisation into one of its teams, or out of every team (null). */
export async function moveLearner(
	organisationId: number,
	userId: number,
	teamId: number | null,
	actorUserId: number,
	requestId?: string
): Promise<TeamResult> {
	if (teamId !== null) {
		const owned = await first(
			db
				.select({ id: team.id })
				.from(team)
				.where(and(eq(team.id, teamId), eq(team.organisationId, organisationId)))
		);
		if (!owned) return { ok: false, message: t().unknownTeam };
	}
	const result = await db
		.update(membership)
		.set({ teamId })
		.where(
			and(
				eq(membership.organisationId, organisationId),
				eq(membership.userId, userId),
				eq(membership.role, 'learner')
			)
		);
	if (affected(result) !== 1) return { ok: false, message: t().unknownLearner };
	await recordAudit({
		action: 'team.member_moved',
		actorUserId,
		targetType: 'user',
		targetId: userId,
		organisationId,
		requestId,
		details: { teamId }
	});
	return { ok: true, id: userId };
}
