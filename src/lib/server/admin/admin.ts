// Platform administration: organisations, accounts and their roles, invitations across
// organisations, the mail outbox and the audit log. Every change is audited; a role change or
// a disabled account ends that person's sessions at once.
import { and, asc, desc, eq, gte, inArray, isNull, lte, or, sql, type SQL } from 'drizzle-orm';
import { affected, db, transaction, first } from '../db';
import { equalsIgnoringCase, likeIgnoringCase } from '../db/sql';
import {
	auditEvent,
	membership,
	organisation,
	user,
	type AuditEvent,
	type Role
} from '../db/schema';
import { recordAudit } from '../platform/audit';
import { invalidateUserSessions, listUserSessions } from '../accounts/auth/session';
import { getStatus, removeTwoFactor } from '../accounts/auth/two-factor';
import { countActiveAdmins } from '../privacy/erasure';

export interface Actor {
	id: number;
	requestId?: string;
}

export async function listOrganisations() {
	const members =
		sql<number>`(select count(*) from ${membership} where ${membership.organisationId} = ${organisation.id})`.mapWith(
			Number
		);
	return await db
		.select({
			id: organisation.id,
			name: organisation.name,
			createdAt: organisation.createdAt,
			archivedAt: organisation.archivedAt,
			members
		})
		.from(organisation)
		// Active ones (no archivedAt) first on both engines: PostgreSQL sorts nulls last by default.
		.orderBy(sql`${organisation.archivedAt} asc nulls first`, asc(organisation.name));
}

export async function renameOrganisation(id: number, name: string, actor: Actor): Promise<boolean> {
	const changed = await db.update(organisation).set({ name }).where(eq(organisation.id, id));
	if (affected(changed) !== 1) return false;
	await recordAudit({
		action: 'organisation.renamed',
		actorUserId: actor.id,
		targetType: 'organisation',
		targetId: id,
		organisationId: id,
		requestId: actor.requestId
	});
	return true;
}

/**
 * Archives (or restores) an organisation. Archived organisations grant no roles (getAccess
 * skips them), so their members' sessions end to drop the roles at once.
 */
export async function setOrganisationArchived(
	id: number,
	archived: boolean,
	actor: Actor
): Promise<boolean> {
	return await transaction(async () => {
		const changed = await db
			.update(organisation)
			.set({ archivedAt: archived ? new Date() : null })
			.where(eq(organisation.id, id));
		if (affected(changed) !== 1) return false;
		const members = await db
			.select({ userId: membership.userId })
			.from(membership)
			.where(eq(membership.organisationId, id));
		for (const m of members) await invalidateUserSessions(m.userId);
		await recordAudit({
			action: archived ? 'organisation.archived' : 'organisation.restored',
			actorUserId: actor.id,
			targetType: 'organisation',
			targetId: id,
			organisationId: id,
			requestId: actor.requestId
		});
		return true;
	});
}

/** Accounts whose name or e-mail contains `query` (at most 100), newest first. */
export async function searchUsers(query: string) {
	const pattern = `%${query.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
	return await db
		.select({
			id: user.id,
			name: user.name,
			email: user.email,
			isAdmin: user.isAdmin,
			disabledAt: user.disabledAt,
			lastLoginAt: user.lastLoginAt
		})
		.from(user)
		.where(
			query
				? or(likeIgnoringCase(user.name, pattern), likeIgnoringCase(user.email, pattern))
				: undefined
		)
		.orderBy(desc(user.id))
		.limit(100);
}

export async function getUserDetail(id: number) {
	const u = await first(
		db
			.select({
				id: user.id,
				name: user.name,
				email: user.email,
				isAdmin: user.isAdmin,
				disabledAt: user.disabledAt,
				createdAt: user.createdAt,
				lastLoginAt: user.lastLoginAt
			})
			.from(user)
			.where(eq(user.id, id))
	);
	if (!u) return null;
	const memberships = await db
		.select({
			id: membership.id,
			organisationId: membership.organisationId,
			organisationName: organisation.name,
			role: membership.role,
			archived: sql<boolean>`${organisation.archivedAt} is not null`
		})
		.from(membership)
		.innerJoin(organisation, eq(organisation.id, membership.organisationId))
		.where(eq(membership.userId, id))
		.orderBy(asc(organisation.name));
	return {
		...u,
		memberships,
		sessions: (await listUserSessions(id)).length,
		twoFactor: await getStatus(id)
	};
}

async function audit(
	action: string,
	actor: Actor,
	targetUserId: number,
	details?: object
): Promise<void> {
	await recordAudit({
		action,
		actorUserId: actor.id,
		targetType: 'user',
		targetId: targetUserId,
		requestId: actor.requestId,
		details: details as Record<string, unknown> | undefined
	});
}

export type AdminResult = { ok: true } | { ok: false; reason: 'not_found' | 'self' | 'duplicate' };

/** Disables or re-enables an account. Disabling ends every session of the account. */
export async function setUserDisabled(
	userId: number,
	disabled: boolean,
	actor: Actor
): Promise<AdminResult> {
	if (userId === actor.id) return { ok: false, reason: 'self' };
	const changed = await db
		.update(user)
		.set({ disabledAt: disabled ? new Date() : null })
		.where(eq(user.id, userId));
	if (affected(changed) !== 1) return { ok: false, reason: 'not_found' };
	if (disabled) await invalidateUserSessions(userId);
	await audit(disabled ? 'user.disabled' : 'user.enabled', actor, userId);
	return { ok: true };
}

/** Grants or withdraws the platform admin role; the account's sessions end either way. */
export async function setUserAdmin(
	userId: number,
	isAdmin: boolean,
	actor: Actor
): Promise<AdminResult> {
	if (userId === actor.id) return { ok: false, reason: 'self' };
	const changed = await db.update(user).set({ isAdmin }).where(eq(user.id, userId));
	if (affected(changed) !== 1) return { ok: false, reason: 'not_found' };
	await invalidateUserSessions(userId);
	await audit('user.role_changed', actor, userId, { role: 'admin', granted: isAdmin });
	return { ok: true };
}

export async function addUserMembership(
	userId: number,
	organisationId: number,
	role: Role,
	actor: Actor
): Promise<AdminResult> {
	const target = await first(db.select({ id: user.id }).from(user).where(eq(user.id, userId)));
	const org = await first(
		db
			.select({ id: organisation.id })
			.from(organisation)
			.where(and(eq(organisation.id, organisationId), isNull(organisation.archivedAt)))
	);
	if (!target || !org) return { ok: false, reason: 'not_found' };
	const inserted = await db
		.insert(membership)
		.values({ userId, organisationId, role })
		.onConflictDoNothing();
	if (affected(inserted) !== 1) return { ok: false, reason: 'duplicate' };
	await invalidateUserSessions(userId);
	await audit('user.role_changed', actor, userId, { organisationId, role, granted: true });
	return { ok: true };
}

export async function changeMembershipRole(
	membershipId: number,
	role: Role,
	actor: Actor
): Promise<AdminResult> {
	const found = await first(db.select().from(membership).where(eq(membership.id, membershipId)));
	if (!found) return { ok: false, reason: 'not_found' };
	if (found.role === role) return { ok: true };
	const clash = await first(
		db
			.select({ id: membership.id })
			.from(membership)
			.where(
				and(
					eq(membership.userId, found.userId),
					eq(membership.organisationId, found.organisationId),
					eq(membership.role, role)
				)
			)
	);
	if (clash) return { ok: false, reason: 'duplicate' };
	await db.update(membership).set({ role }).where(eq(membership.id, membershipId));
	await invalidateUserSessions(found.userId);
	await audit('user.role_changed', actor, found.userId, {
		organisationId: found.organisationId,
		from: found.role,
		role
	});
	return { ok: true };
}

export async function removeMembership(membershipId: number, actor: Actor): Promise<AdminResult> {
	const found = await first(db.select().from(membership).where(eq(membership.id, membershipId)));
	if (!found) return { ok: false, reason: 'not_found' };
	await db.delete(membership).where(eq(membership.id, membershipId));
	await invalidateUserSessions(found.userId);
	await audit('user.role_changed', actor, found.userId, {
		organisationId: found.organisationId,
		role: found.role,
		granted: false
	});
	return { ok: true };
}

export async function endUserSessions(userId: number, actor: Actor): Promise<number> {
	const ended = await invalidateUserSessions(userId);
	await audit('user.sessions_ended', actor, userId, { count: ended });
	return ended;
}

/** After a lost phone: the account signs in with its password only and may enrol again. */
export async function resetUserTwoFactor(userId: number, actor: Actor): Promise<AdminResult> {
	if (userId === actor.id) return { ok: false, reason: 'self' };
	await removeTwoFactor(userId);
	await invalidateUserSessions(userId);
	await audit('two_factor.reset_by_admin', actor, userId);
	return { ok: true };
}

export { countActiveAdmins };

/** Every invitation on the platform (newest first), with its organisation and state. */
export interface AuditFilter {
	actor?: string;
	action?: string;
	from?: Date;
	to?: Date;
}

export interface AuditRow extends AuditEvent {
	actorEmail: string | null;
}

/** The audit log, newest first. `actor` is an e-mail address (exact) or a user id. */
export async function searchAudit(filter: AuditFilter, limit = 200): Promise<AuditRow[]> {
	const conditions: SQL[] = [];
	if (filter.actor) {
		if (/^[0-9]{1,12}$/.test(filter.actor)) {
			conditions.push(eq(auditEvent.actorUserId, Number(filter.actor)));
		} else {
			const ids = (
				await db
					.select({ id: user.id })
					.from(user)
					.where(equalsIgnoringCase(user.email, filter.actor))
			).map((r) => r.id);
			conditions.push(inArray(auditEvent.actorUserId, ids.length ? ids : [-1]));
		}
	}
	if (filter.action) {
		const pattern = `${filter.action.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
		conditions.push(likeIgnoringCase(auditEvent.action, pattern));
	}
	if (filter.from) conditions.push(gte(auditEvent.at, filter.from));
	if (filter.to) conditions.push(lte(auditEvent.at, filter.to));
	return await db
		.select({
			id: auditEvent.id,
			at: auditEvent.at,
			actorUserId: auditEvent.actorUserId,
			action: auditEvent.action,
			targetType: auditEvent.targetType,
			targetId: auditEvent.targetId,
			organisationId: auditEvent.organisationId,
			requestId: auditEvent.requestId,
			details: auditEvent.details,
			actorEmail: user.email
		})
		.from(auditEvent)
		.leftJoin(user, eq(user.id, auditEvent.actorUserId))
		.where(and(...conditions))
		.orderBy(desc(auditEvent.id))
		.limit(limit);
}
