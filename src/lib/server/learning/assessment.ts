// The final assessment: drawing an attempt (uniform for a module, adaptive for the refresher),
// saving answers without feedback, and scoring against the pass mark. Passing completes the
// module and issues the certificate in the same transaction.
import { and, asc, desc, eq } from 'drizzle-orm';
import type { Answer } from '$lib/content/views';
import { db, transaction, first } from '../db';
import { attempt, enrolment, response, type Attempt } from '../db/schema';
import type { LoadedVersion, StepSnapshot } from '../content/versions';
import { issueOnPass } from '../certificates/issue';
import { missedSignalWeights } from '../certificates/refresher';
import { getCourse } from '../content/course';
import { itemSignalIds } from '$lib/content/schema';
import { failure } from '../platform/failure';
import { drawAdaptive } from './refresher-draw';
import { drawBalanced } from './balanced-draw';
import { retakePolicy, retakeRefusal, retakeStatus } from './assessment-review';
import { notFound, ProgressError } from './errors';
import { missingForAssessment, moduleContext, refresherLocked, stepOf } from './enrolment';
import { onAssessmentSubmitted } from '../lti/passback';
import {
	attemptAnswers,
	grade,
	insertItemResponse,
	recordMastery,
	refreshEnrolment,
	touchProgress
} from './records';

function randomInt(max: number): number {
	const bytes = new Uint32Array(1);
	crypto.getRandomValues(bytes);
	return bytes[0] % max;
}

/** The final-assessment attempts of one enrolment's step. */
function assessmentAttempts(enrolmentId: number, stepSlug: string) {
	return and(
		eq(attempt.enrolmentId, enrolmentId),
		eq(attempt.stepSlug, stepSlug),
		eq(attempt.kind, 'assessment')
	);
}

/** Draws `count` distinct items from the pool uniformly (Fisher-Yates on a copy). */
export function drawItems(poolIds: readonly string[], count: number, random = randomInt): string[] {
	const ids = [...poolIds];
	for (let i = ids.length - 1; i > 0; i--) {
		const j = random(i + 1);
		[ids[i], ids[j]] = [ids[j], ids[i]];
	}
	return ids.slice(0, Math.min(count, ids.length));
}

// Pre-test attempts (pretest.ts) share the table and the step slug: only kind 'assessment' is
// the final assessment.
export async function openAttempt(
	enrolmentId: number,
	stepSlug: string
): Promise<Attempt | undefined> {
	return await first(
		db
			.select()
			.from(attempt)
			.where(assessmentAttempts(enrolmentId, stepSlug))
			.orderBy(desc(attempt.id))
			.limit(1)
	);
}

export async function listAttempts(enrolmentId: number, stepSlug: string): Promise<Attempt[]> {
	return await db
		.select()
		.from(attempt)
		.where(assessmentAttempts(enrolmentId, stepSlug))
		.orderBy(asc(attempt.id));
}

/**
 * Item ids for a new attempt: balanced by item type for a module, adaptive for the refresher.
 * Both avoid the previous attempt's items where the pool allows (a retake is a fresh draw).
 */
async function drawFor(
	version: LoadedVersion,
	step: StepSnapshot,
	userId: number,
	previous: ReadonlySet<string>
): Promise<string[]> {
	const assessment = step.assessment!;
	if (version.module.meta.refreshes.length === 0) {
		return drawBalanced(assessment.pool, assessment.draw, undefined, previous);
	}
	const fresh = assessment.pool.filter((item) => !previous.has(item.id));
	const items = fresh.length >= assessment.draw ? fresh : assessment.pool;
	const categoryOf = new Map(getCourse().signals.map((sig) => [sig.id, sig.category]));
	const pool = items.map((item) => {
		const signals = [...new Set(itemSignalIds(item).map((ref) => ref.id))];
		return {
			id: item.id,
			signals,
			categories: [
				...new Set(signals.map((sig) => categoryOf.get(sig)).filter((c) => !!c))
			] as string[]
		};
	});
	return drawAdaptive(pool, assessment.draw, await missedSignalWeights(userId), Math.random);
}

/**
 * Opens the final assessment: the required steps must be done (checked here, not only in the
 * page). An open attempt is returned as it is, so a reload shows the same items. A retake must
 * wait out the cool-down after a failed attempt and stay within the allowed attempts.
 */
export async function startAssessment(
	userId: number,
	slug: string,
	stepSlug: string,
	now = Date.now()
): Promise<Attempt> {
	return await transaction(async () => {
		const ctx = await moduleContext(userId, slug);
		const step = stepOf(ctx, stepSlug);
		if (step.meta.kind !== 'assessment' || !step.assessment) throw notFound();
		if (!ctx.enrolment || missingForAssessment(ctx).length > 0)
			throw new ProgressError(403, failure('learning.assessmentLocked'));
		const last = await openAttempt(ctx.enrolment.id, stepSlug);
		if (last && !last.submittedAt) return last;
		if (last?.passed) return last;
		// The step page has always shown the assessment's own closed message here.
		if (await refresherLocked(ctx.version, userId, now))
			throw new ProgressError(403, failure('learning.assessmentLocked'));
		if (last) {
			const refused = retakeRefusal(
				retakeStatus(
					await listAttempts(ctx.enrolment.id, stepSlug),
					now,
					retakePolicy(ctx.enrolment.extraAttempts)
				)
			);
			if (refused) throw new ProgressError(403, refused);
		}
		const itemIds = await drawFor(ctx.version, step, userId, new Set(last?.itemIds));
		const inserted = await db
			.insert(attempt)
			.values({
				enrolmentId: ctx.enrolment.id,
				userId,
				stepSlug,
				kind: 'assessment',
				itemIds,
				startedAt: new Date(now)
			})
			.returning({ id: attempt.id });
		await touchProgress(ctx.enrolment.id, stepSlug, { status: 'started' }, now);
		await refreshEnrolment(ctx.enrolment, stepSlug, now);
		return (await first(
			db
				.select()
				.from(attempt)
				.where(eq(attempt.id, Number(inserted[0]?.id)))
		))!;
	});
}

/** The learner's enrolment, the assessment step and its newest attempt; refuses when absent. */
async function latestAttempt(userId: number, slug: string, stepSlug: string) {
	const ctx = await moduleContext(userId, slug);
	const step = stepOf(ctx, stepSlug);
	const enrolment = ctx.enrolment;
	if (!enrolment || !step.assessment) throw notFound();
	const open = await openAttempt(enrolment.id, stepSlug);
	if (!open) throw new ProgressError(409, failure('learning.noAttempt'));
	return { ctx: { ...ctx, enrolment }, step: { ...step, assessment: step.assessment }, open };
}

/** Saves (or changes) the answer to one item of the open attempt; no feedback until submitted. */
export async function answerAssessmentItem(
	userId: number,
	slug: string,
	stepSlug: string,
	itemId: string,
	answer: Answer,
	now = Date.now()
): Promise<void> {
	await transaction(async () => {
		const { ctx, step, open } = await latestAttempt(userId, slug, stepSlug);
		if (open.submittedAt) throw new ProgressError(409, failure('learning.noAttempt'));
		if (!open.itemIds.includes(itemId)) throw notFound();
		const item = step.assessment.pool.find((i) => i.id === itemId)!;
		const graded = grade(item, answer);
		const first = (await listAttempts(ctx.enrolment.id, stepSlug))[0]?.id === open.id;
		await db
			.delete(response)
			.where(and(eq(response.attemptId, open.id), eq(response.itemId, itemId)));
		await insertItemResponse(ctx.enrolment, stepSlug, itemId, answer, graded, first, now, open.id);
		await refreshEnrolment(ctx.enrolment, stepSlug, now);
	});
}

export interface SubmitOutcome {
	attemptId: number;
	score: number;
	maxScore: number;
	passed: boolean;
	/** False when the attempt had already been submitted: nothing changed. */
	changed: boolean;
}

/** Scores the open attempt against the pass mark. Passing completes the module. */
export async function submitAssessment(
	userId: number,
	slug: string,
	stepSlug: string,
	now = Date.now()
): Promise<SubmitOutcome> {
	return await transaction(async () => {
		const { ctx, open } = await latestAttempt(userId, slug, stepSlug);
		if (open.submittedAt) {
			return {
				attemptId: open.id,
				score: open.score ?? 0,
				maxScore: open.maxScore ?? 0,
				passed: !!open.passed,
				changed: false
			};
		}
		const answers = await attemptAnswers(open.id);
		const missing = open.itemIds.filter((id) => !answers.has(id));
		if (missing.length > 0)
			throw new ProgressError(400, failure('learning.unanswered', { count: missing.length }));
		let score = 0;
		for (const a of answers.values()) score += a.score;
		const maxScore = open.itemIds.length;
		const passed = score / maxScore >= ctx.version.module.meta.passMark - 1e-9;
		await db
			.update(attempt)
			.set({ submittedAt: new Date(now), score, maxScore, passed })
			.where(eq(attempt.id, open.id));
		const hit = new Set<string>();
		const missed = new Set<string>();
		const rows = await db
			.select({ hit: response.signalsHit, missed: response.signalsMissed })
			.from(response)
			.where(eq(response.attemptId, open.id));
		for (const r of rows) {
			r.hit.forEach((s) => hit.add(s));
			r.missed.forEach((s) => missed.add(s));
		}
		await recordMastery(
			userId,
			[...hit].filter((s) => !missed.has(s)),
			[...missed],
			now
		);
		if (passed) {
			await touchProgress(ctx.enrolment.id, stepSlug, { status: 'done', score, maxScore }, now);
			await db
				.update(enrolment)
				.set({ status: 'completed', completedAt: new Date(now) })
				.where(eq(enrolment.id, ctx.enrolment.id));
			// The certificate is issued in the same transaction as the pass.
			await issueOnPass({
				userId,
				moduleVersionId: ctx.enrolment.moduleVersionId,
				attemptId: open.id,
				now: new Date(now)
			});
		} else {
			await touchProgress(ctx.enrolment.id, stepSlug, { status: 'started', score, maxScore }, now);
		}
		await refreshEnrolment(ctx.enrolment, stepSlug, now);
		// Learners who came from an LMS: the score is queued for its grade book with the result.
		await onAssessmentSubmitted({ userId, slug, score, maxScore, now });
		return { attemptId: open.id, score, maxScore, passed, changed: true };
	});
}
