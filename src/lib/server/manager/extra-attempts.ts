// A learner who has used every attempt at a final assessment without passing is told to ask their
// trainer or manager how to go on (the assessment page's message). The manager of their
// organisation can give one more attempt for a module of that organisation the learner is still
// working on (the modules the learner's page lists). The manager
// never sees the attempts themselves (the privacy page promises that): the choice of module is
// every module in progress with a final assessment, and the answer is the same whether the
// learner had attempts left or not. The learner's enrolment keeps the count (`extra_attempts`,
// added to ASSESSMENT_MAX_ATTEMPTS in assessment-review.ts); the audit log keeps who gave it.
import { and, desc, eq, sql } from 'drizzle-orm';
import { messages } from '$lib/i18n';
import { db, first, transaction } from '../db';
import { forUpdate } from '../db/sql';
import { enrolment, membership } from '../db/schema';
import { loadVersion } from '../content/versions';
import { recordAudit } from '../platform/audit';
import { reportModules } from './status';

const t = () => messages.manager.learnerDetail;

export type ExtraAttemptResult = { ok: true; message: string } | { ok: false; message: string };

async function hasAssessment(moduleVersionId: number): Promise<boolean> {
	const version = await loadVersion(moduleVersionId);
	return !!version?.module.steps.some((s) => s.meta.kind === 'assessment' && s.assessment);
}

/**
 * The modules (slugs) for which a manager may give this learner an extra attempt: the learner's
 * newest enrolment in the module is in progress and its version has a final assessment.
 */
export async function modulesForExtraAttempt(userId: number): Promise<Set<string>> {
	const rows = await db
		.select({
			id: enrolment.id,
			slug: enrolment.moduleSlug,
			status: enrolment.status,
			versionId: enrolment.moduleVersionId
		})
		.from(enrolment)
		.where(eq(enrolment.userId, userId))
		.orderBy(enrolment.id);
	// The newest enrolment per module is the one the learner works in (ordered by id: later wins).
	const newest = new Map(rows.map((r) => [r.slug, r]));
	const slugs = new Set<string>();
	for (const e of newest.values()) {
		if (e.status === 'in_progress' && (await hasAssessment(e.versionId))) slugs.add(e.slug);
	}
	return slugs;
}

/**
 * Gives the learner one more attempt at the final assessment of `slug`, when the learner belongs
 * to the manager's organisation and is still working on that module. Audited.
 */
export async function giveExtraAttempt(
	organisationId: number,
	learnerId: number,
	slug: string,
	actorUserId: number,
	requestId?: string
): Promise<ExtraAttemptResult> {
	return await transaction(async () => {
		const member = await first(
			db
				.select({ id: membership.userId })
				.from(membership)
				.where(
					and(
						eq(membership.organisationId, organisationId),
						eq(membership.userId, learnerId),
						eq(membership.role, 'learner')
					)
				)
		);
		if (!member) return { ok: false, message: messages.manager.teams.unknownLearner };
		// Only a module this organisation sees (its learner page lists): never another
		// organisation's private module the same learner works on there.
		if (!(await reportModules(organisationId)).some((m) => m.slug === slug)) {
			return { ok: false, message: t().extraAttemptNotPossible };
		}
		// Locked like every write for a learner's module, so a grant and an attempt take turns.
		const e = await first(
			forUpdate(
				db
					.select({
						id: enrolment.id,
						status: enrolment.status,
						versionId: enrolment.moduleVersionId,
						extraAttempts: enrolment.extraAttempts
					})
					.from(enrolment)
					.where(and(eq(enrolment.userId, learnerId), eq(enrolment.moduleSlug, slug)))
					.orderBy(desc(enrolment.id))
			)
		);
		if (!e || e.status !== 'in_progress' || !(await hasAssessment(e.versionId))) {
			return { ok: false, message: t().extraAttemptNotPossible };
		}
		await db
			.update(enrolment)
			.set({ extraAttempts: sql`${enrolment.extraAttempts} + 1` })
			.where(eq(enrolment.id, e.id));
		await recordAudit({
			action: 'assessment.extra_attempt_given',
			actorUserId,
			targetType: 'user',
			targetId: learnerId,
			organisationId,
			requestId,
			details: { module: slug, extraAttempts: e.extraAttempts + 1 }
		});
		return { ok: true, message: t().extraAttemptGiven };
	});
}
