// Invitations into an organisation, one at a time: invite (the link is mailed), find by token,
// accept (a new account or an existing one), revoke, resend, and the lists managers and admins see.
import { and, desc, eq, gt, isNull, sql } from 'drizzle-orm';
import { config } from '../platform/config';
import { affected, db, transaction, first } from '../db';
import {
	invitation,
	organisation,
	team,
	user,
	type Audience,
	type Invitation,
	type Role
} from '../db/schema';
import { messages } from '$lib/i18n';
import { queueMail } from '../platform/mail';
import { recordAudit } from '../platform/audit';
import { checkPasswordPolicy, hashPassword } from '../accounts/auth/password';
import { digest, randomToken } from '../accounts/auth/tokens';
import { findUserByEmail } from '../accounts/access';
import { addMembership, getOrganisation } from './organisations';

export const invitationLifetimeDays = 14;

export type InviteResult =
	{ ok: true; invitationId: number; link: string } | { ok: false; message: string };

/**
 * Invites someone into an organisation with a role; the link is mailed. A new invitation for
 * the same address replaces an open one, so resending never leaves two working links.
 */
export async function inviteMember(input: {
	organisationId: number;
	email: string;
	name?: string | null;
	role: Role;
	audience: Audience | null;
	teamId?: number | null;
	invitedBy: number;
	requestId?: string;
}): Promise<InviteResult> {
	const org = await getOrganisation(input.organisationId);
	if (!org || org.archivedAt) return { ok: false, message: messages.errors.badRequest };
	if (input.teamId) {
		const owned = await first(
			db
				.select({ id: team.id })
				.from(team)
				.where(and(eq(team.id, input.teamId), eq(team.organisationId, org.id)))
		);
		if (!owned) return { ok: false, message: messages.errors.badRequest };
	}
	const token = randomToken(32);
	const now = Date.now();
	const link = `${config.origin}/uitnodiging/${token}`;
	const id = await transaction(async (tx) => {
		await tx
			.update(invitation)
			.set({ revokedAt: new Date(now) })
			.where(
				and(
					eq(invitation.organisationId, org.id),
					eq(invitation.email, input.email),
					isNull(invitation.acceptedAt),
					isNull(invitation.revokedAt)
				)
			);
		const inserted = await tx
			.insert(invitation)
			.values({
				organisationId: org.id,
				email: input.email,
				name: input.name ?? null,
				role: input.role,
				audience: input.audience,
				teamId: input.teamId ?? null,
				tokenHash: digest(token),
				invitedBy: input.invitedBy,
				createdAt: new Date(now),
				expiresAt: new Date(now + invitationLifetimeDays * 24 * 3600 * 1000)
			})
			.returning({ id: invitation.id });
		await queueMail({
			kind: 'invitation',
			to: input.email,
			subject: messages.mail.inviteSubject(org.name),
			body: `${messages.mail.greeting(input.name ?? input.email)}\n\n${messages.mail.inviteBody(org.name, link, invitationLifetimeDays)}\n\n${messages.mail.signature}`
		});
		return Number(inserted[0]?.id);
	});
	await recordAudit({
		action: 'invitation.created',
		actorUserId: input.invitedBy,
		targetType: 'invitation',
		targetId: id,
		organisationId: org.id,
		requestId: input.requestId,
		details: { role: input.role }
	});
	return { ok: true, invitationId: id, link };
}

export interface OpenInvitation {
	invitation: Invitation;
	organisationName: string;
	accountExists: boolean;
}

/** An invitation that can still be accepted, looked up by the token from the mail. */
export async function findOpenInvitation(token: string): Promise<OpenInvitation | undefined> {
	if (token.length !== 32) return undefined;
	const row = await first(
		db
			.select({ invitation, organisationName: organisation.name })
			.from(invitation)
			.innerJoin(organisation, eq(organisation.id, invitation.organisationId))
			.where(
				and(
					eq(invitation.tokenHash, digest(token)),
					isNull(invitation.acceptedAt),
					isNull(invitation.revokedAt),
					gt(invitation.expiresAt, new Date()),
					isNull(organisation.archivedAt)
				)
			)
	);
	if (!row) return undefined;
	return { ...row, accountExists: !!(await findUserByEmail(row.invitation.email)) };
}

export type AcceptResult =
	| { ok: true; userId: number }
	| { ok: false; reason: 'invalid' | 'exists' }
	| { ok: false; reason: 'policy'; message: string };

/** Creates the invitee's account with the chosen name and password and the invited role. */
export async function acceptInvitation(input: {
	token: string;
	name: string;
	password: string;
	requestId?: string;
}): Promise<AcceptResult> {
	const open = await findOpenInvitation(input.token);
	if (!open) return { ok: false, reason: 'invalid' };
	if (open.accountExists) return { ok: false, reason: 'exists' };
	const inv = open.invitation;
	const policy = checkPasswordPolicy(input.password, {
		email: inv.email,
		name: input.name,
		organisation: open.organisationName
	});
	if (policy) return { ok: false, reason: 'policy', message: policy };
	const passwordHash = await hashPassword(input.password);
	const userId = await transaction(async (tx) => {
		const used = await tx
			.update(invitation)
			.set({ acceptedAt: new Date() })
			.where(
				and(eq(invitation.id, inv.id), isNull(invitation.acceptedAt), isNull(invitation.revokedAt))
			);
		if (affected(used) !== 1) return null;
		const created = await tx
			.insert(user)
			.values({ email: inv.email, name: input.name, passwordHash, audience: inv.audience })
			.onConflictDoNothing()
			.returning({ id: user.id });
		if (affected(created) !== 1) return null;
		const id = Number(created[0]?.id);
		await addMembership({
			userId: id,
			organisationId: inv.organisationId,
			role: inv.role,
			audience: inv.audience,
			teamId: inv.teamId
		});
		return id;
	});
	if (userId === null) return { ok: false, reason: 'invalid' };
	await recordAudit({
		action: 'invitation.accepted',
		actorUserId: userId,
		targetType: 'invitation',
		targetId: inv.id,
		organisationId: inv.organisationId,
		requestId: input.requestId
	});
	return { ok: true, userId };
}

/** Links an open invitation to the signed-in account with the same address. */
export async function attachInvitationToAccount(
	token: string,
	userId: number,
	email: string
): Promise<boolean> {
	const open = await findOpenInvitation(token);
	if (!open || open.invitation.email !== email) return false;
	const inv = open.invitation;
	return await transaction(async (tx) => {
		const used = await tx
			.update(invitation)
			.set({ acceptedAt: new Date() })
			.where(and(eq(invitation.id, inv.id), isNull(invitation.acceptedAt)));
		if (affected(used) !== 1) return false;
		await addMembership({
			userId,
			organisationId: inv.organisationId,
			role: inv.role,
			audience: inv.audience,
			teamId: inv.teamId
		});
		await recordAudit({
			action: 'invitation.accepted',
			actorUserId: userId,
			targetType: 'invitation',
			targetId: inv.id,
			organisationId: inv.organisationId
		});
		return true;
	});
}

export async function revokeInvitation(
	organisationId: number,
	invitationId: number,
	actorUserId: number
): Promise<boolean> {
	const result = await db
		.update(invitation)
		.set({ revokedAt: new Date() })
		.where(
			and(
				eq(invitation.id, invitationId),
				eq(invitation.organisationId, organisationId),
				isNull(invitation.acceptedAt),
				isNull(invitation.revokedAt)
			)
		);
	if (affected(result) === 1) {
		await recordAudit({
			action: 'invitation.revoked',
			actorUserId,
			targetType: 'invitation',
			targetId: invitationId,
			organisationId
		});
	}
	return affected(result) === 1;
}

/**
 * Sends a fresh link for an invitation of this organisation that was neither accepted nor revoked.
 * A revoked invitation stays revoked, also once it expired; an expired one that was never revoked
 * may be renewed (the manager's "send again" on an expired row).
 */
export async function resendInvitation(
	organisationId: number,
	invitationId: number,
	actorUserId: number,
	requestId?: string
): Promise<boolean> {
	const found = await first(
		db
			.select()
			.from(invitation)
			.where(
				and(
					eq(invitation.id, invitationId),
					eq(invitation.organisationId, organisationId),
					isNull(invitation.acceptedAt),
					isNull(invitation.revokedAt)
				)
			)
	);
	if (!found) return false;
	return (
		await inviteMember({
			organisationId,
			email: found.email,
			name: found.name,
			role: found.role,
			audience: found.audience,
			teamId: found.teamId,
			invitedBy: actorUserId,
			requestId
		})
	).ok;
}

/** Invitations of an organisation with a Dutch status, newest first. */
export async function listInvitationViews(organisationId: number, now = Date.now()) {
	return (
		await db
			.select({
				id: invitation.id,
				email: invitation.email,
				name: invitation.name,
				role: invitation.role,
				acceptedAt: invitation.acceptedAt,
				revokedAt: invitation.revokedAt,
				expiresAt: invitation.expiresAt
			})
			.from(invitation)
			.where(eq(invitation.organisationId, organisationId))
			.orderBy(sql`${invitation.id} desc`)
			.limit(300)
	).map((i) => ({
		id: i.id,
		email: i.email,
		name: i.name,
		role: i.role,
		status: i.acceptedAt
			? ('accepted' as const)
			: i.revokedAt
				? ('revoked' as const)
				: i.expiresAt.getTime() < now
					? ('expired' as const)
					: ('open' as const)
	}));
}

export interface PlatformInvitation {
	id: number;
	email: string;
	role: 'learner' | 'trainer' | 'manager';
	organisationId: number;
	organisationName: string;
	createdAt: Date;
	expiresAt: Date;
	acceptedAt: Date | null;
	revokedAt: Date | null;
}

/** Every invitation on the platform, newest first (the platform admin's list). */
export async function listAllInvitations(limit = 200): Promise<PlatformInvitation[]> {
	return await db
		.select({
			id: invitation.id,
			email: invitation.email,
			role: invitation.role,
			organisationId: invitation.organisationId,
			organisationName: organisation.name,
			createdAt: invitation.createdAt,
			expiresAt: invitation.expiresAt,
			acceptedAt: invitation.acceptedAt,
			revokedAt: invitation.revokedAt
		})
		.from(invitation)
		.innerJoin(organisation, eq(organisation.id, invitation.organisationId))
		.orderBy(desc(invitation.id))
		.limit(limit);
}
