// The optional pre-test (module front matter `pretest: n`): n items drawn from the assessment pool
// before the first step, ungraded and without feedback, so the learner sees what the module added
// and trainers see the mean learning gain. Stored as an attempt of kind 'pretest' on the
// assessment step; its answers are response rows with is_first = 0, so item statistics (first
// answers and first assessment attempts only) and the signal map never count them.
import { and, asc, desc, eq, gt, isNotNull, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import type { Answer } from '$lib/content/views';
import { db, transaction, first } from '../db';
import { prepared } from '../db/prepared';
import { attempt, enrolment, response, type Attempt } from '../db/schema';
import {
	latestVersionId,
	loadVersion,
	type LoadedVersion,
	type StepSnapshot
} from '../content/versions';
import { gainOf, meanGain, type Gain, type GroupGain, type ScorePair } from './learning-gain';
import { failure } from '../platform/failure';
import { drawItems } from './assessment';
import { moduleContext, startedModuleContext, type ModuleContext } from './enrolment';
import { notFound, ProgressError } from './errors';
import { attemptAnswers, grade, insertItemResponse } from './records';

/**
 * - none: the module (in the learner's version) has no pre-test
 * - offered: not taken yet and nothing else done: the learner may take or skip it
 * - open: drawn, answers being given
 * - submitted / skipped: done with it
 * - closed: the learner started the module without it (or left it half way to work on the
 *   steps); it is never forced on them and no longer measures what they knew beforehand
 */
export type PretestStatus = 'none' | 'offered' | 'open' | 'submitted' | 'skipped' | 'closed';

export function pretestSize(version: LoadedVersion): number {
	return version.module.meta.pretest ?? 0;
}

/** Whether the module's newest version starts with a pre-test. */
export async function hasPretest(slug: string): Promise<boolean> {
	const id = await latestVersionId(slug);
	const version = id === undefined ? undefined : await loadVersion(id);
	return !!version && pretestSize(version) > 0;
}

function assessmentStep(version: LoadedVersion): StepSnapshot & {
	assessment: NonNullable<StepSnapshot['assessment']>;
} {
	const step = version.module.steps.find((s) => s.assessment);
	if (!step?.assessment) throw notFound();
	return { ...step, assessment: step.assessment };
}

export async function pretestAttempt(enrolmentId: number): Promise<Attempt | undefined> {
	return await first(
		db
			.select()
			.from(attempt)
			.where(and(eq(attempt.enrolmentId, enrolmentId), eq(attempt.kind, 'pretest')))
			.orderBy(desc(attempt.id))
			.limit(1)
	);
}

export async function pretestStatus(
	ctx: ModuleContext
): Promise<{ status: PretestStatus; attempt?: Attempt }> {
	if (pretestSize(ctx.version) === 0) return { status: 'none' };
	if (!ctx.enrolment) return { status: 'offered' };
	const found = await pretestAttempt(ctx.enrolment.id);
	const startedSteps = ctx.steps.size > 0;
	if (found?.submittedAt) {
		return { status: found.score === null ? 'skipped' : 'submitted', attempt: found };
	}
	if (startedSteps) return { status: 'closed', attempt: found };
	return found ? { status: 'open', attempt: found } : { status: 'offered' };
}

/** Where the module's start leads: the pre-test when it is offered, else the first step. */
export async function pretestPending(userId: number, slug: string): Promise<boolean> {
	const { status } = await pretestStatus(await moduleContext(userId, slug));
	return status === 'offered' || status === 'open';
}

/** Enrols when needed and draws the pre-test; an open draw is returned as it is (reloads). */
export async function startPretest(
	userId: number,
	slug: string,
	now = Date.now()
): Promise<Attempt> {
	return await transaction(async () => {
		const ctx = await startedModuleContext(userId, slug, now);
		const state = await pretestStatus(ctx);
		if (state.status === 'none') throw notFound();
		if (state.status === 'closed') throw new ProgressError(403, failure('learning.pretestClosed'));
		if (state.attempt) return state.attempt;
		const step = assessmentStep(ctx.version);
		const itemIds = drawItems(
			step.assessment.pool.map((i) => i.id),
			pretestSize(ctx.version)
		);
		const inserted = await db
			.insert(attempt)
			.values({
				enrolmentId: ctx.enrolment.id,
				userId,
				stepSlug: step.slug,
				kind: 'pretest',
				itemIds,
				startedAt: new Date(now)
			})
			.returning({ id: attempt.id });
		return (await first(
			db
				.select()
				.from(attempt)
				.where(eq(attempt.id, Number(inserted[0]?.id)))
		))!;
	});
}

/** Skips the pre-test (a submitted attempt without a score); the module starts as without one. */
export async function skipPretest(userId: number, slug: string, now = Date.now()): Promise<void> {
	await transaction(async () => {
		const ctx = await startedModuleContext(userId, slug, now);
		const e = ctx.enrolment;
		const state = await pretestStatus(ctx);
		if (state.status === 'none') throw notFound();
		if (state.status !== 'offered' && state.status !== 'open') return;
		if (state.attempt) {
			await db
				.update(attempt)
				.set({ submittedAt: new Date(now), score: null, maxScore: null })
				.where(eq(attempt.id, state.attempt.id));
			return;
		}
		await db.insert(attempt).values({
			enrolmentId: e.id,
			userId,
			stepSlug: assessmentStep(ctx.version).slug,
			kind: 'pretest',
			itemIds: [],
			startedAt: new Date(now),
			submittedAt: new Date(now)
		});
	});
}

async function openPretest(userId: number, slug: string) {
	const ctx = await moduleContext(userId, slug);
	const state = await pretestStatus(ctx);
	if (state.status === 'none') throw notFound();
	if (state.status === 'closed') throw new ProgressError(403, failure('learning.pretestClosed'));
	if (state.status !== 'open' || !state.attempt || !ctx.enrolment)
		throw new ProgressError(409, failure('learning.pretestNotOpen'));
	return { ctx, enrolment: ctx.enrolment, open: state.attempt, step: assessmentStep(ctx.version) };
}

/** Saves (or changes) one pre-test answer. Graded for the score, but nothing is shown back. */
export async function answerPretestItem(
	userId: number,
	slug: string,
	itemId: string,
	answer: Answer,
	now = Date.now()
): Promise<void> {
	await transaction(async () => {
		const { enrolment, open, step } = await openPretest(userId, slug);
		if (!open.itemIds.includes(itemId)) throw notFound();
		const item = step.assessment.pool.find((i) => i.id === itemId)!;
		const graded = grade(item, answer);
		await db
			.delete(response)
			.where(and(eq(response.attemptId, open.id), eq(response.itemId, itemId)));
		await insertItemResponse(enrolment, step.slug, itemId, answer, graded, false, now, open.id);
	});
}

/** Scores the pre-test once every item has an answer. Submitting twice changes nothing. */
export async function submitPretest(userId: number, slug: string, now = Date.now()): Promise<void> {
	await transaction(async () => {
		const ctx = await moduleContext(userId, slug);
		if ((await pretestStatus(ctx)).status === 'submitted') return;
		const { open } = await openPretest(userId, slug);
		const answers = await attemptAnswers(open.id);
		const missing = open.itemIds.filter((id) => !answers.has(id));
		if (missing.length > 0)
			throw new ProgressError(
				400,
				failure('learning.pretestUnanswered', { count: missing.length })
			);
		let score = 0;
		for (const a of answers.values()) score += a.score;
		await db
			.update(attempt)
			.set({ submittedAt: new Date(now), score, maxScore: open.itemIds.length })
			.where(eq(attempt.id, open.id));
	});
}

/** The items of the open pre-test with the answers saved so far (never a verdict). */
export async function pretestItems(ctx: ModuleContext, open: Attempt) {
	const pool = new Map(assessmentStep(ctx.version).assessment.pool.map((i) => [i.id, i]));
	const answers = await attemptAnswers(open.id);
	return open.itemIds.map((id) => ({
		item: pool.get(id)!,
		answer: answers.get(id)?.answer ?? null
	}));
}

// The post-test is the first submitted assessment attempt: a retake follows the feedback of the
// first one, so it would measure the retake rather than the module.
async function firstPostTest(enrolmentId: number): Promise<Attempt | undefined> {
	return await first(
		db
			.select()
			.from(attempt)
			.where(
				and(
					eq(attempt.enrolmentId, enrolmentId),
					eq(attempt.kind, 'assessment'),
					isNotNull(attempt.submittedAt)
				)
			)
			.orderBy(asc(attempt.id))
			.limit(1)
	);
}

/** The learner's own gain in this module, once they took both the pre-test and the post-test. */
export async function learnerGain(ctx: ModuleContext): Promise<Gain | null> {
	if (!ctx.enrolment) return null;
	const pre = await pretestAttempt(ctx.enrolment.id);
	if (!pre?.submittedAt || pre.score === null || !pre.maxScore) return null;
	const post = await firstPostTest(ctx.enrolment.id);
	if (!post || post.score === null || !post.maxScore) return null;
	return gainOf(pre.score / pre.maxScore, post.score / post.maxScore);
}

// Per enrolment of the module (all versions): the scored pre-test and the first post-test.
const pre = alias(attempt, 'pre');
const post = alias(attempt, 'post');
const selectPairs = prepared((database) => {
	const firstPost = database
		.select({ ratio: sql<number>`${post.score} * 1.0 / ${post.maxScore}` })
		.from(post)
		.where(
			and(
				eq(post.enrolmentId, enrolment.id),
				eq(post.kind, 'assessment'),
				isNotNull(post.submittedAt),
				gt(post.maxScore, 0)
			)
		)
		.orderBy(asc(post.id))
		.limit(1);
	return database
		.select({
			userId: enrolment.userId,
			enrolmentId: enrolment.id,
			pre: sql<number>`${pre.score} * 1.0 / ${pre.maxScore}`,
			post: sql<number | null>`(${firstPost})`
		})
		.from(enrolment)
		.innerJoin(
			pre,
			and(
				eq(pre.enrolmentId, enrolment.id),
				eq(pre.kind, 'pretest'),
				isNotNull(pre.submittedAt),
				isNotNull(pre.score),
				gt(pre.maxScore, 0)
			)
		)
		.where(eq(enrolment.moduleSlug, sql.placeholder('slug')))
		.prepare();
});

/**
 * The mean gain of a module for trainers, over learners with both tests (their latest enrolment
 * when they took the module more than once), or over these learners only (a trainer's scope).
 * Only the aggregate leaves this function.
 */
export async function moduleGain(
	slug: string,
	learners?: ReadonlySet<number>
): Promise<GroupGain | null> {
	const rows = await selectPairs().all({ slug });
	const latest = new Map<number, { enrolmentId: number; pair: ScorePair }>();
	for (const r of rows) {
		if (r.post === null) continue;
		if (learners && !learners.has(r.userId)) continue;
		const seen = latest.get(r.userId);
		if (!seen || seen.enrolmentId < r.enrolmentId) {
			latest.set(r.userId, { enrolmentId: r.enrolmentId, pair: { pre: r.pre, post: r.post } });
		}
	}
	return meanGain([...latest.values()].map((v) => v.pair));
}
