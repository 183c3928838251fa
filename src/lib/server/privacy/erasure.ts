// Erasure of an account (GDPR art. 17): the person's rows go, their audit rows are
// pseudonymised, and the last active admin cannot erase themselves.
import { and, eq, or, isNull, sql } from 'drizzle-orm';
import { db, transaction, first } from '../db';
import { containsIgnoringCase } from '../db/sql';
import {
	auditErasure,
	auditEvent,
	invitation,
	mailOutbox,
	response,
	session,
	user
} from '../db/schema';

import { recordAudit } from '../platform/audit';
import { isInSudoMode } from '../accounts/auth/sudo';

/** Detail keys that name or locate a person: removed from the erased person's audit rows. */
const personalDetailKeys = new Set(['address', 'ip', 'email', 'to', 'recipient', 'name']);

/** The details without anything personal: the keys above and any value holding the address. */
export function redactDetails(
	details: Record<string, unknown> | null,
	email: string
): Record<string, unknown> | null {
	if (!details) return details;
	const needle = email.toLowerCase();
	return Object.fromEntries(
		Object.entries(details).filter(
			([key, value]) =>
				!personalDetailKeys.has(key) &&
				!(typeof value === 'string' && value.toLowerCase().includes(needle)) &&
				!(typeof value === 'object' && JSON.stringify(value).toLowerCase().includes(needle))
		)
	);
}

type Tx = Parameters<Parameters<typeof transaction>[0]>[0];

/**
 * Pseudonymises the audit rows about a person (inside the erasure's transaction): their id as
 * actor or target and their address and e-mail in the details go; what happened and when
 * stays. The trigger of migration 0012 lets exactly this UPDATE through while audit_erasure
 * names the person, and refuses every other change.
 */
async function pseudonymiseAudit(tx: Tx, userId: number, email: string): Promise<number> {
	const rows = await tx
		.select()
		.from(auditEvent)
		.where(
			or(
				eq(auditEvent.actorUserId, userId),
				and(eq(auditEvent.targetType, 'user'), eq(auditEvent.targetId, String(userId))),
				containsIgnoringCase(auditEvent.details, email.toLowerCase())
			)
		);
	await tx.update(auditErasure).set({ userId, email }).where(eq(auditErasure.id, 1));
	for (const row of rows) {
		await tx
			.update(auditEvent)
			.set({
				actorUserId: row.actorUserId === userId ? null : row.actorUserId,
				targetId:
					row.targetType === 'user' && row.targetId === String(userId) ? null : row.targetId,
				details: redactDetails(row.details, email)
			})
			.where(eq(auditEvent.id, row.id));
	}
	await tx.update(auditErasure).set({ userId: null, email: null }).where(eq(auditErasure.id, 1));
	return rows.length;
}

/**
 * Removes an account and everything that identifies its owner. Answers stay, without the link
 * to the person (response.user_id and enrolment_id become NULL), so item statistics keep
 * working. Certificates are deleted with the account: the public verify page then says the
 * code is unknown (the rule on the privacy page). The audit rows about the person stay, without
 * their id, address or e-mail (pseudonymised).
 */
export async function eraseUser(userId: number): Promise<boolean> {
	return await transaction(async (tx) => {
		const u = await first(tx.select({ email: user.email }).from(user).where(eq(user.id, userId)));
		if (!u) return false;
		await tx
			.update(response)
			.set({ userId: null, enrolmentId: null, attemptId: null })
			.where(eq(response.userId, userId));
		await tx.delete(mailOutbox).where(eq(mailOutbox.recipient, u.email));
		await tx.delete(invitation).where(eq(invitation.email, u.email));
		await pseudonymiseAudit(tx, userId, u.email);
		// Cascades: sessions, memberships, resets, two-factor, enrolments (progress, attempts),
		// mastery and certificates.
		await tx.delete(user).where(eq(user.id, userId));
		return true;
	});
}

export type DeleteResult = { ok: true } | { ok: false; reason: 'sudo' | 'last_admin' };

/**
 * Deletes the signed-in user's own account. Sudo mode is required: the password typed in this
 * session within the last 10 minutes (accounts/auth/sudo.ts), so a stolen session alone cannot.
 * The audit row of the deletion itself names nobody.
 */
export async function deleteOwnAccount(input: {
	userId: number;
	sessionId: string;
	requestId?: string;
}): Promise<DeleteResult> {
	const current = await first(
		db
			.select({ reauthenticatedAt: session.reauthenticatedAt })
			.from(session)
			.where(and(eq(session.id, input.sessionId), eq(session.userId, input.userId)))
	);
	if (!isInSudoMode(current)) return { ok: false, reason: 'sudo' };
	const u = await first(db.select().from(user).where(eq(user.id, input.userId)));
	if (!u) return { ok: false, reason: 'sudo' };
	if (u.isAdmin && (await countActiveAdmins()) <= 1) return { ok: false, reason: 'last_admin' };
	await eraseUser(u.id);
	await recordAudit({ action: 'privacy.account_deleted', requestId: input.requestId });
	return { ok: true };
}

export async function countActiveAdmins(): Promise<number> {
	return (
		(
			await first(
				db
					.select({ n: sql<number>`count(*)`.mapWith(Number) })
					.from(user)
					.where(and(eq(user.isAdmin, true), isNull(user.disabledAt)))
			)
		)?.n ?? 0
	);
}
