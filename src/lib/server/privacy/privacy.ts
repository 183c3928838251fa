// Privacy rights and retention: a learner's data export, erasure of an account and the job that
// removes inactive accounts and old audit and mail rows (GDPR art. 5(1)(e), 15, 17, 20).
import { and, asc, eq, inArray, isNotNull, lt, or, isNull, sql } from 'drizzle-orm';
import { db, transaction } from '../db';
import {
	attempt,
	auditErasure,
	auditEvent,
	auditRetention,
	certificate,
	enrolment,
	invitation,
	mailOutbox,
	membership,
	organisation,
	passwordReset,
	response,
	session,
	signalMastery,
	stepProgress,
	team,
	twoFactor,
	user
} from '../db/schema';
import { config } from '../platform/config';
import { recordAudit } from '../platform/audit';
import { isInSudoMode } from '../accounts/auth/sudo';
import { getStatus } from '../accounts/auth/two-factor';

const iso = (d: Date | null | undefined) => (d ? d.toISOString() : null);

/**
 * Everything stored about one person, as JSON: only rows that belong to `userId`, never
 * another person's. Secrets (password hash, session secrets, TOTP key) are left out.
 */
export function exportUserData(userId: number, requestId?: string) {
	const u = db.select().from(user).where(eq(user.id, userId)).get();
	if (!u) return null;
	const memberships = db
		.select({
			organisation: organisation.name,
			role: membership.role,
			audience: membership.audience,
			team: team.name,
			since: membership.createdAt
		})
		.from(membership)
		.innerJoin(organisation, eq(organisation.id, membership.organisationId))
		.leftJoin(team, eq(team.id, membership.teamId))
		.where(eq(membership.userId, userId))
		.all();
	const enrolments = db.select().from(enrolment).where(eq(enrolment.userId, userId)).all();
	const enrolmentIds = enrolments.map((e) => e.id);
	const progress = enrolmentIds.length
		? db.select().from(stepProgress).where(inArray(stepProgress.enrolmentId, enrolmentIds)).all()
		: [];
	const responses = db.select().from(response).where(eq(response.userId, userId)).all();
	const attempts = db.select().from(attempt).where(eq(attempt.userId, userId)).all();
	const mastery = db.select().from(signalMastery).where(eq(signalMastery.userId, userId)).all();
	const certificates = db.select().from(certificate).where(eq(certificate.userId, userId)).all();
	const sessions = db
		.select({
			createdAt: session.createdAt,
			lastSeenAt: session.lastSeenAt,
			userAgent: session.userAgent
		})
		.from(session)
		.where(eq(session.userId, userId))
		.all();
	const twoFactorStatus = getStatus(userId);
	// Audit events about the person: what they did, and what was done to their account. Who else
	// acted is left out (another person's data); the network addresses of their own events are
	// listed once more on their own.
	const audits = db
		.select()
		.from(auditEvent)
		.where(
			or(
				eq(auditEvent.actorUserId, userId),
				and(eq(auditEvent.targetType, 'user'), eq(auditEvent.targetId, String(userId)))
			)
		)
		.orderBy(asc(auditEvent.id))
		.all();
	const addressOf = (e: (typeof audits)[number]) =>
		e.actorUserId === userId && typeof e.details?.address === 'string'
			? e.details.address
			: undefined;
	recordAudit({
		action: 'privacy.export',
		actorUserId: userId,
		targetType: 'user',
		targetId: userId,
		requestId
	});
	return {
		exportedAt: new Date().toISOString(),
		profile: {
			name: u.name,
			email: u.email,
			audience: u.audience,
			platformAdmin: u.isAdmin,
			createdAt: iso(u.createdAt),
			lastLoginAt: iso(u.lastLoginAt),
			twoFactorEnabled: twoFactorStatus.enabled,
			recoveryCodesLeft: twoFactorStatus.recoveryCodesLeft
		},
		memberships: memberships.map((m) => ({ ...m, since: iso(m.since) })),
		enrolments: enrolments.map((e) => ({
			id: e.id,
			module: e.moduleSlug,
			moduleVersionId: e.moduleVersionId,
			status: e.status,
			currentStep: e.currentStep,
			stepsDone: e.stepsDone,
			stepsTotal: e.stepsTotal,
			startedAt: iso(e.startedAt),
			updatedAt: iso(e.updatedAt),
			completedAt: iso(e.completedAt)
		})),
		stepProgress: progress.map((p) => ({
			enrolmentId: p.enrolmentId,
			step: p.stepSlug,
			status: p.status,
			currentNode: p.currentNode,
			score: p.score,
			maxScore: p.maxScore,
			updatedAt: iso(p.updatedAt)
		})),
		responses: responses.map((r) => ({
			enrolmentId: r.enrolmentId,
			moduleVersionId: r.moduleVersionId,
			step: r.stepSlug,
			item: r.itemId,
			kind: r.kind,
			attemptId: r.attemptId,
			answer: r.answer,
			score: r.score,
			maxScore: r.maxScore,
			signalsHit: r.signalsHit,
			signalsMissed: r.signalsMissed,
			first: r.isFirst,
			at: iso(r.createdAt)
		})),
		attempts: attempts.map((a) => ({
			id: a.id,
			enrolmentId: a.enrolmentId,
			step: a.stepSlug,
			kind: a.kind,
			startedAt: iso(a.startedAt),
			submittedAt: iso(a.submittedAt),
			score: a.score,
			maxScore: a.maxScore,
			passed: a.passed
		})),
		signalMastery: mastery.map((m) => ({
			signal: m.signalId,
			seen: m.seen,
			correct: m.correct,
			updatedAt: iso(m.updatedAt)
		})),
		certificates: certificates.map((c) => ({
			code: c.code,
			module: c.moduleSlug,
			moduleVersionId: c.moduleVersionId,
			issuedAt: iso(c.issuedAt),
			expiresAt: iso(c.expiresAt),
			revokedAt: iso(c.revokedAt),
			revokedReason: c.revokedReason,
			showOrganisation: c.showOrganisation
		})),
		sessions: sessions.map((s) => ({
			createdAt: iso(s.createdAt),
			lastSeenAt: iso(s.lastSeenAt),
			browser: s.userAgent
		})),
		auditEvents: audits.map((e) => ({
			at: iso(e.at),
			action: e.action,
			byYou: e.actorUserId === userId,
			address: addressOf(e) ?? null
		})),
		addresses: [...new Set(audits.map(addressOf).filter((a) => a !== undefined))]
	};
}

export type UserExport = NonNullable<ReturnType<typeof exportUserData>>;

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
function pseudonymiseAudit(tx: Tx, userId: number, email: string): number {
	const rows = tx
		.select()
		.from(auditEvent)
		.where(
			or(
				eq(auditEvent.actorUserId, userId),
				and(eq(auditEvent.targetType, 'user'), eq(auditEvent.targetId, String(userId))),
				sql`instr(lower(coalesce(${auditEvent.details}, '')), ${email.toLowerCase()}) > 0`
			)
		)
		.all();
	tx.update(auditErasure).set({ userId, email }).where(eq(auditErasure.id, 1)).run();
	for (const row of rows) {
		tx.update(auditEvent)
			.set({
				actorUserId: row.actorUserId === userId ? null : row.actorUserId,
				targetId:
					row.targetType === 'user' && row.targetId === String(userId) ? null : row.targetId,
				details: redactDetails(row.details, email)
			})
			.where(eq(auditEvent.id, row.id))
			.run();
	}
	tx.update(auditErasure).set({ userId: null, email: null }).where(eq(auditErasure.id, 1)).run();
	return rows.length;
}

/**
 * Removes an account and everything that identifies its owner. Answers stay, without the link
 * to the person (response.user_id and enrolment_id become NULL), so item statistics keep
 * working. Certificates are deleted with the account: the public verify page then says the
 * code is unknown (the rule on the privacy page). The audit rows about the person stay, without
 * their id, address or e-mail (pseudonymised).
 */
export function eraseUser(userId: number): boolean {
	return transaction((tx) => {
		const u = tx.select({ email: user.email }).from(user).where(eq(user.id, userId)).get();
		if (!u) return false;
		tx.update(response)
			.set({ userId: null, enrolmentId: null, attemptId: null })
			.where(eq(response.userId, userId))
			.run();
		tx.delete(mailOutbox).where(eq(mailOutbox.recipient, u.email)).run();
		tx.delete(invitation).where(eq(invitation.email, u.email)).run();
		pseudonymiseAudit(tx, userId, u.email);
		// Cascades: sessions, memberships, resets, two-factor, enrolments (progress, attempts),
		// mastery and certificates.
		tx.delete(user).where(eq(user.id, userId)).run();
		return true;
	});
}

export type DeleteResult = { ok: true } | { ok: false; reason: 'sudo' | 'last_admin' };

/**
 * Deletes the signed-in user's own account. Sudo mode is required: the password typed in this
 * session within the last 10 minutes (accounts/auth/sudo.ts), so a stolen session alone cannot.
 * The audit row of the deletion itself names nobody.
 */
export function deleteOwnAccount(input: {
	userId: number;
	sessionId: string;
	requestId?: string;
}): DeleteResult {
	const current = db
		.select({ reauthenticatedAt: session.reauthenticatedAt })
		.from(session)
		.where(and(eq(session.id, input.sessionId), eq(session.userId, input.userId)))
		.get();
	if (!isInSudoMode(current)) return { ok: false, reason: 'sudo' };
	const u = db.select().from(user).where(eq(user.id, input.userId)).get();
	if (!u) return { ok: false, reason: 'sudo' };
	if (u.isAdmin && countActiveAdmins() <= 1) return { ok: false, reason: 'last_admin' };
	eraseUser(u.id);
	recordAudit({ action: 'privacy.account_deleted', requestId: input.requestId });
	return { ok: true };
}

export function countActiveAdmins(): number {
	return (
		db
			.select({ n: sql<number>`count(*)` })
			.from(user)
			.where(and(eq(user.isAdmin, true), isNull(user.disabledAt)))
			.get()?.n ?? 0
	);
}

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
export function runRetention(policy: RetentionPolicy = retentionPolicy()): RetentionReport {
	for (const value of Object.values(policy)) {
		if (!Number.isInteger(value) || value < 1)
			throw new Error('retention periods must be >= 1 day');
	}
	const now = Date.now();
	const inactiveBefore = new Date(now - policy.inactiveDays * day);
	const stale = db
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
		)
		.all();
	let accounts = 0;
	for (const { id } of stale) if (eraseUser(id)) accounts += 1;

	const auditCutoff = now - policy.auditDays * day;
	const auditEvents = transaction((tx) => {
		// The trigger lets DELETE through only below this cut-off; reset before commit.
		tx.update(auditRetention).set({ cutoffAt: auditCutoff }).where(eq(auditRetention.id, 1)).run();
		const removed = tx
			.delete(auditEvent)
			.where(lt(auditEvent.at, new Date(auditCutoff)))
			.run().changes;
		tx.update(auditRetention).set({ cutoffAt: 0 }).where(eq(auditRetention.id, 1)).run();
		return removed;
	});

	const mails = db
		.delete(mailOutbox)
		.where(lt(mailOutbox.createdAt, new Date(now - policy.mailDays * day)))
		.run().changes;

	const sessions = db
		.delete(session)
		.where(
			or(
				sql`${session.createdAt} + ${session.absoluteSeconds} * 1000 <= ${now}`,
				sql`${session.lastSeenAt} + ${session.idleSeconds} * 1000 <= ${now}`
			)
		)
		.run().changes;
	const resets = db
		.delete(passwordReset)
		.where(or(lt(passwordReset.expiresAt, new Date(now)), isNotNull(passwordReset.usedAt)))
		.run().changes;
	// Unfinished two-factor enrolments older than a day carry a key nobody confirmed.
	db.delete(twoFactor)
		.where(and(isNull(twoFactor.enabledAt), lt(twoFactor.createdAt, new Date(now - day))))
		.run();

	const report = { accounts, auditEvents, mails, sessions, resets };
	recordAudit({ action: 'privacy.retention_run', details: { ...report } });
	return report;
}
