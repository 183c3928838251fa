// Storage limitation (GDPR art. 5(1)(e)): the job that removes inactive accounts and old audit
// and mail rows.
import { and, eq, isNotNull, lt, or, isNull, sql } from 'drizzle-orm';
import { affected, db, transaction } from '../db';
import { epochMs } from '../db/prepared';
import {
	auditEvent,
	auditRetention,
	mailOutbox,
	passwordReset,
	session,
	twoFactor,
	user
} from '../db/schema';
import { eraseUser } from './erasure';
import { config } from '../platform/config';
import { recordAudit } from '../platform/audit';

export interface RetentionPolicy {
	inactiveDays: number;
	auditDays: number;
	mailDays: number;
}

export function retentionPolicy(): RetentionPolicy {
	return {
		inactiveDays: config.retentionInactiveDays,
		auditDays: config.retentionAuditDays,
		mailDays: config.retentionMailDays
	};
}

export interface RetentionReport {
	accounts: number;
	auditEvents: number;
	mails: number;
	sessions: number;
	resets: number;
}

const day = 24 * 3600 * 1000;

/**
 * Removes accounts without a sign-in for `inactiveDays` (platform admins excepted, so the
 * platform never loses its last admin), audit events older than `auditDays`, mail older than
 * `mailDays`, and expired sessions and reset links.
 */
export async function runRetention(
	policy: RetentionPolicy = retentionPolicy()
): Promise<RetentionReport> {
	for (const value of Object.values(policy)) {
		if (!Number.isInteger(value) || value < 1)
			throw new Error('retention periods must be >= 1 day');
	}
	const now = Date.now();
	const inactiveBefore = new Date(now - policy.inactiveDays * day);
	const stale = await db
		.select({ id: user.id })
		.from(user)
		.where(
			and(
				eq(user.isAdmin, false),
				or(
					lt(user.lastLoginAt, inactiveBefore),
					and(isNull(user.lastLoginAt), lt(user.createdAt, inactiveBefore))
				)
			)
		);
	let accounts = 0;
	for (const { id } of stale) if (await eraseUser(id)) accounts += 1;

	const auditCutoff = now - policy.auditDays * day;
	const auditEvents = await transaction(async (tx) => {
		// The trigger lets DELETE through only below this cut-off; reset before commit.
		await tx.update(auditRetention).set({ cutoffAt: auditCutoff }).where(eq(auditRetention.id, 1));
		const removed = affected(
			await tx.delete(auditEvent).where(lt(auditEvent.at, new Date(auditCutoff)))
		);
		await tx.update(auditRetention).set({ cutoffAt: 0 }).where(eq(auditRetention.id, 1));
		return removed;
	});

	const mails = affected(
		await db
			.delete(mailOutbox)
			.where(lt(mailOutbox.createdAt, new Date(now - policy.mailDays * day)))
	);

	const sessions = affected(
		await db
			.delete(session)
			.where(
				or(
					sql`${epochMs(session.createdAt)} + ${session.absoluteSeconds} * 1000 <= ${now}`,
					sql`${epochMs(session.lastSeenAt)} + ${session.idleSeconds} * 1000 <= ${now}`
				)
			)
	);
	const resets = affected(
		await db
			.delete(passwordReset)
			.where(or(lt(passwordReset.expiresAt, new Date(now)), isNotNull(passwordReset.usedAt)))
	);
	// Unfinished two-factor enrolments older than a day carry a key nobody confirmed.
	await db
		.delete(twoFactor)
		.where(and(isNull(twoFactor.enabledAt), lt(twoFactor.createdAt, new Date(now - day))));

	const report = { accounts, auditEvents, mails, sessions, resets };
	await recordAudit({ action: 'privacy.retention_run', details: { ...report } });
	return report;
}
