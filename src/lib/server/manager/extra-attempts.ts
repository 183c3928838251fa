// A learner who has used every attempt at a final assessment without passing is told to ask their
// trainer or manager how to go on (the assessment page's message). The manager of their
// organisation can give one more attempt for a module the organisation sees and the learner is
// still working on. The manager never sees the attempts themselves (the privacy page promises
// that): every such module with a final assessment is offered, and the answer is the same whether
// the learner had attempts left or not. The learner's enrolment keeps the count (`extra_attempts`,
// added to ASSESSMENT_MAX_ATTEMPTS in assessment-review.ts); the audit log keeps who gave it,
// and the learner gets a mail.
import { and, desc, eq, sql } from 'drizzle-orm';
import { messages } from '$lib/i18n';
import { db, first, transaction } from '../db';
import { forUpdate } from '../db/sql';
import { enrolment, membership, organisation, user, type Enrolment } from '../db/schema';
import { loadVersion } from '../content/versions';
import { recordAudit } from '../platform/audit';
import { config } from '../platform/config';
import { queueMail } from '../platform/mail';
import { modulesSeenBy } from './status';

const t = () => messages.manager.learnerDetail;

export type ExtraAttemptResult = { ok: true; message: string } | { ok: false; message: string };

export interface ExtraAttemptModule {
	slug: string;
	title: string;
}

/**
 * The rule, for the newest enrolment of a module: the manager may give an extra attempt when the
 * organisation sees the module, the learner is still working on it and its version has a final
 * assessment.
 */
async function offeredFor(
	e: { slug: string; status: Enrolment['status']; versionId: number },
	titles: Map<string, string>
): Promise<ExtraAttemptModule | undefined> {
	const title = titles.get(e.slug);
	if (!title || e.status !== 'in_progress') return undefined;
	const version = await loadVersion(e.versionId);
	const assessed = version?.module.steps.some((s) => s.meta.kind === 'assessment' && s.assessment);
	return assessed ? { slug: e.slug, title } : undefined;
}

/**
 * The modules for which this organisation's manager may give the learner an extra attempt
 * (`offeredFor` on the newest enrolment of each). Callers have checked that the learner belongs
 * to the organisation; `seen` is `modulesSeenBy(organisationId)` when the caller has it already.
 */
export async function extraAttemptModules(
	organisationId: number,
	userId: number,
	seen?: Map<string, string>
): Promise<ExtraAttemptModule[]> {
	const rows = await db
		.select({
			slug: enrolment.moduleSlug,
			status: enrolment.status,
			versionId: enrolment.moduleVersionId
		})
		.from(enrolment)
		.where(eq(enrolment.userId, userId))
		.orderBy(enrolment.id);
	// The newest enrolment per module is the one the learner works in (ordered by id: later wins).
	const newest = new Map(rows.map((r) => [r.slug, r]));
	const titles = seen ?? (await modulesSeenBy(organisationId));
	const modules: ExtraAttemptModule[] = [];
	for (const e of newest.values()) {
		const offered = await offeredFor(e, titles);
		if (offered) modules.push(offered);
	}
	return modules;
}

/**
 * Gives the learner one more attempt at the final assessment of `slug`, when the learner belongs
 * to the manager's organisation and `offeredFor` admits the module. Audited, and mailed to the
 * learner.
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
				.select({ email: user.email, name: user.name, organisation: organisation.name })
				.from(membership)
				.innerJoin(user, eq(user.id, membership.userId))
				.innerJoin(organisation, eq(organisation.id, membership.organisationId))
				.where(
					and(
						eq(membership.organisationId, organisationId),
						eq(membership.userId, learnerId),
						eq(membership.role, 'learner')
					)
				)
		);
		if (!member) return { ok: false, message: messages.manager.teams.unknownLearner };
		// Locked like every write for a learner's module, so a grant and an attempt take turns, and
		// checked with the same rule as the list on the learner's page.
		const e = await first(
			forUpdate(
				db
					.select({
						id: enrolment.id,
						slug: enrolment.moduleSlug,
						status: enrolment.status,
						versionId: enrolment.moduleVersionId,
						extraAttempts: enrolment.extraAttempts
					})
					.from(enrolment)
					.where(and(eq(enrolment.userId, learnerId), eq(enrolment.moduleSlug, slug)))
					.orderBy(desc(enrolment.id))
			)
		);
		const offered = e && (await offeredFor(e, await modulesSeenBy(organisationId)));
		if (!e || !offered) return { ok: false, message: t().extraAttemptNotPossible };
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
		// The learner asked for it, but may not look at the assessment again until told.
		await queueMail({
			kind: 'extra-attempt',
			to: member.email,
			subject: t().extraAttemptMailSubject(offered.title),
			body: `${messages.mail.greeting(member.name)}\n\n${t().extraAttemptMailBody(
				member.organisation,
				offered.title,
				`${config.origin}/leren/${slug}`
			)}\n\n${messages.mail.signature}`
		});
		return { ok: true, message: t().extraAttemptGiven };
	});
}
