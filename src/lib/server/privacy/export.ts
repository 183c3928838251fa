// A person's data export (GDPR art. 15, 20): everything stored about them, as JSON.
import { and, asc, eq, inArray, or } from 'drizzle-orm';
import { db, first } from '../db';
import {
	attempt,
	auditEvent,
	certificate,
	enrolment,
	membership,
	organisation,
	response,
	session,
	signalMastery,
	stepProgress,
	team,
	user
} from '../db/schema';

import { recordAudit } from '../platform/audit';

import { getStatus } from '../accounts/auth/two-factor';

const iso = (d: Date | null | undefined) => (d ? d.toISOString() : null);

/**
 * Everything stored about one person, as JSON: only rows that belong to `userId`, never
 * another person's. Secrets (password hash, session secrets, TOTP key) are left out.
 */
export async function exportUserData(userId: number, requestId?: string) {
	const u = await first(db.select().from(user).where(eq(user.id, userId)));
	if (!u) return null;
	const memberships = await db
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
		.where(eq(membership.userId, userId));
	const enrolments = await db.select().from(enrolment).where(eq(enrolment.userId, userId));
	const enrolmentIds = enrolments.map((e) => e.id);
	const progress = enrolmentIds.length
		? await db.select().from(stepProgress).where(inArray(stepProgress.enrolmentId, enrolmentIds))
		: [];
	const responses = await db.select().from(response).where(eq(response.userId, userId));
	const attempts = await db.select().from(attempt).where(eq(attempt.userId, userId));
	const mastery = await db.select().from(signalMastery).where(eq(signalMastery.userId, userId));
	const certificates = await db.select().from(certificate).where(eq(certificate.userId, userId));
	const sessions = await db
		.select({
			createdAt: session.createdAt,
			lastSeenAt: session.lastSeenAt,
			userAgent: session.userAgent
		})
		.from(session)
		.where(eq(session.userId, userId));
	const twoFactorStatus = await getStatus(userId);
	// Audit events about the person: what they did, and what was done to their account. Who else
	// acted is left out (another person's data); the network addresses of their own events are
	// listed once more on their own.
	const audits = await db
		.select()
		.from(auditEvent)
		.where(
			or(
				eq(auditEvent.actorUserId, userId),
				and(eq(auditEvent.targetType, 'user'), eq(auditEvent.targetId, String(userId)))
			)
		)
		.orderBy(asc(auditEvent.id));
	const addressOf = (e: (typeof audits)[number]) =>
		e.actorUserId === userId && typeof e.details?.address === 'string'
			? e.details.address
			: undefined;
	await recordAudit({
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

export type UserExport = NonNullable<Awaited<ReturnType<typeof exportUserData>>>;
