// Organisations and their memberships: who belongs where, with which role, team and audience.
import { and, eq } from 'drizzle-orm';
import { db, first } from '../db';
import {
	membership,
	organisation,
	team,
	user,
	type Audience,
	type Organisation,
	type Role
} from '../db/schema';
import { recordAudit } from '../platform/audit';

/** Creates an organisation; audited, with no actor for the demo seed and tests. */
export async function createOrganisation(
	name: string,
	actor: { id: number | null; requestId?: string } = { id: null }
): Promise<number> {
	const id = Number(
		(await db.insert(organisation).values({ name }).returning({ id: organisation.id }))[0]?.id
	);
	await recordAudit({
		action: 'organisation.created',
		actorUserId: actor.id,
		targetType: 'organisation',
		targetId: id,
		organisationId: id,
		requestId: actor.requestId
	});
	return id;
}

export async function getOrganisation(id: number): Promise<Organisation | undefined> {
	return await first(db.select().from(organisation).where(eq(organisation.id, id)));
}

export async function listTeams(organisationId: number) {
	return await db
		.select({ id: team.id, name: team.name })
		.from(team)
		.where(eq(team.organisationId, organisationId))
		.orderBy(team.name);
}

export async function addMembership(input: {
	userId: number;
	organisationId: number;
	role: Role;
	audience?: Audience | null;
	teamId?: number | null;
}): Promise<void> {
	await db
		.insert(membership)
		.values({
			userId: input.userId,
			organisationId: input.organisationId,
			role: input.role,
			audience: input.audience ?? null,
			teamId: input.teamId ?? null
		})
		.onConflictDoNothing();
}

/** Members of an organisation with a given role, for the manager area. */
export async function listMembers(organisationId: number, role: Role = 'learner') {
	return await db
		.select({
			id: user.id,
			name: user.name,
			email: user.email,
			audience: membership.audience,
			teamId: membership.teamId
		})
		.from(membership)
		.innerJoin(user, eq(user.id, membership.userId))
		.where(and(eq(membership.organisationId, organisationId), eq(membership.role, role)))
		.orderBy(user.name);
}
