// Who a user is and what they may reach: look-ups by id or e-mail, and the roles and
// organisations their memberships and the admin flag give them.
import { and, eq, isNull, sql } from 'drizzle-orm';
import { db, first } from '../db';
import { prepared } from '../db/prepared';
import { membership, organisation, user, type Audience, type Role, type User } from '../db/schema';

export type AreaRole = Role | 'admin';

export interface MembershipView {
	organisationId: number;
	organisationName: string;
	role: Role;
	audience: Audience | null;
	teamId: number | null;
}

export interface Access {
	roles: AreaRole[];
	memberships: MembershipView[];
}

const selectMemberships = prepared((database) =>
	database
		.select({
			organisationId: membership.organisationId,
			organisationName: organisation.name,
			role: membership.role,
			audience: membership.audience,
			teamId: membership.teamId
		})
		.from(membership)
		.innerJoin(organisation, eq(organisation.id, membership.organisationId))
		.where(and(eq(membership.userId, sql.placeholder('userId')), isNull(organisation.archivedAt)))
		.prepare()
);

/**
 * What a user may do. Roles come from memberships; self-registered people without a
 * membership are learners; `admin` is a platform role on the user itself.
 */
export async function getAccess(u: { id: number; isAdmin: boolean }): Promise<Access> {
	return accessFrom(u, await selectMemberships().all({ userId: u.id }));
}

/** `getAccess` from memberships already read (of organisations that are not archived). */
export function accessFrom(u: { isAdmin: boolean }, memberships: MembershipView[]): Access {
	const roles = new Set<AreaRole>(memberships.map((m) => m.role));
	if (u.isAdmin) roles.add('admin');
	if (roles.size === 0) roles.add('learner');
	return { roles: [...roles], memberships };
}

export function isStaff(roles: readonly AreaRole[]): boolean {
	return roles.some((r) => r !== 'learner');
}

export async function findUserByEmail(email: string): Promise<User | undefined> {
	return await first(db.select().from(user).where(eq(user.email, email)));
}

export async function getUser(id: number): Promise<User | undefined> {
	return await first(db.select().from(user).where(eq(user.id, id)));
}
