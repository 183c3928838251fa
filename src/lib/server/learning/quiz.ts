// Quiz steps: the first answer to an item counts for the score and the signal map; answering
// again is practice. Each answer is written in one transaction with the progress it changes.
import { and, eq, isNull, sql } from 'drizzle-orm';
import type { Item } from '$lib/content/schema';
import type { Answer, ItemResult } from '$lib/content/views';
import { transaction } from '../db';
import { prepared } from '../db/prepared';
import { valueAtMax } from '../db/sql';
import { response, type Enrolment } from '../db/schema';
import { loadVersion, type StepSnapshot } from '../content/versions';
import { gradeItem, type Graded } from './grading';
import { notFound } from './errors';
import { lockEnrolmentAtStep, startModule, type ModuleContext } from './enrolment';
import {
	grade,
	insertQuizResponse,
	prunePractice,
	recordMastery,
	refreshEnrolment,
	touchProgress
} from './records';

const firstQuizScores = prepared((database) =>
	database
		.select({
			n: sql<number>`count(*)`.mapWith(Number),
			score: sql<number>`coalesce(sum(${response.score}), 0)`.mapWith(Number)
		})
		.from(response)
		.where(
			and(
				eq(response.enrolmentId, sql.placeholder('enrolmentId')),
				eq(response.stepSlug, sql.placeholder('stepSlug')),
				eq(response.isFirst, true),
				isNull(response.attemptId)
			)
		)
		.prepare()
);

function findItem(step: StepSnapshot, itemId: string): Item {
	const item = step.quiz?.items.find((i) => i.id === itemId);
	if (!item) throw notFound();
	return item;
}

export interface AnswerOutcome {
	result: ItemResult;
	/** The first answer counts for the score; later ones are practice. */
	counted: boolean;
	/** The stored answer's id. */
	responseId: number;
}

/**
 * Thrown by `writeQuizAnswer` when the enrolment the answer was graded for is no longer the
 * learner's once locked (a new one was started, or it was erased). The answer's statements ran
 * on the old one, so its transaction rolls back; the caller records the answer again from the
 * start (`answerQuizItem`).
 */
export class EnrolmentChanged extends Error {
	constructor() {
		super('The enrolment changed before the answer was written');
		this.name = 'EnrolmentChanged';
	}
}

/** A quiz answer graded for an enrolment, ready to be written. */
export interface GradedQuizAnswer {
	enrolment: Enrolment;
	stepSlug: string;
	itemId: string;
	/** How many items the quiz step has (a step is done when each has a counted answer). */
	items: number;
	answer: Answer;
	graded: Graded;
}

/** Grades an answer against the item of the enrolment's version; a 404 or 400 when refused. */
export async function gradeQuizAnswer(
	e: Enrolment,
	stepSlug: string,
	itemId: string,
	answer: Answer
): Promise<GradedQuizAnswer> {
	const version = (await loadVersion(e.moduleVersionId))!;
	const step = version.stepBySlug.get(stepSlug);
	if (!step || step.meta.kind !== 'quiz') throw notFound();
	const item = findItem(step, itemId);
	const graded = grade(item, answer);
	return { enrolment: e, stepSlug, itemId, items: step.quiz!.items.length, answer, graded };
}

/**
 * Writes a graded answer in the caller's transaction. Its first statements go out when it is
 * called, before it awaits anything, in this order: on PostgreSQL they share one round trip
 * (pipeline mode). Most answers are practice (the item answered again) and need nothing more:
 * the response, the prune of old practice answers, the enrolment's position. For a counted
 * first answer the prune finds nothing (there is no earlier answer to the item); its score,
 * progress and signal map follow, and the enrolment is refreshed again after its progress.
 *
 * With `lockFirst` (the enrolment was read before the transaction) the learner's enrolment is
 * locked first, in the same round trip and by the statement that moves its position
 * (`lockEnrolmentAtStep`), and must still be the one graded for: otherwise this throws
 * `EnrolmentChanged`. Without it the caller holds the lock already (`startModule`).
 *
 * Whatever the counted answer writes after the first round trip ends in the same rows when the
 * first statements of another answer of the learner ran in between (the group commit may start
 * that answer early, db/write-queue.ts): practice answers change none of those rows, and a
 * counted answer to another item writes the same step progress from the same counted answers.
 */
export async function writeQuizAnswer(
	userId: number,
	slug: string,
	a: GradedQuizAnswer,
	now: number,
	lockFirst: boolean
): Promise<AnswerOutcome> {
	const e = a.enrolment;
	// Everything up to the first await runs when the function is called: the first statements.
	// With the lock comes the position (one statement); without it the position goes last.
	const [locked, inserted, ...others] = await Promise.allSettled([
		lockFirst ? lockEnrolmentAtStep(userId, slug, a.stepSlug, now) : e,
		insertQuizResponse(e, a.stepSlug, a.itemId, a.answer, a.graded, now),
		prunePractice(e.id, a.stepSlug, a.itemId),
		lockFirst ? undefined : refreshEnrolment(e, a.stepSlug, now)
	]);
	// A changed enrolment explains any failure of the writes (an erased one fails the insert).
	const current = locked.status === 'fulfilled' ? locked.value : e;
	if (current?.id !== e.id || current.moduleVersionId !== e.moduleVersionId)
		throw new EnrolmentChanged();
	if (locked.status === 'rejected') throw locked.reason;
	if (inserted.status === 'rejected') throw inserted.reason;
	for (const outcome of others) if (outcome.status === 'rejected') throw outcome.reason;
	const { id: responseId, counted } = inserted.value;
	if (counted) {
		await recordMastery(userId, a.graded.signalsHit, a.graded.signalsMissed, now);
		const firsts = (await firstQuizScores().get({ enrolmentId: e.id, stepSlug: a.stepSlug }))!;
		await touchProgress(
			e.id,
			a.stepSlug,
			{ status: firsts.n >= a.items ? 'done' : 'started', score: firsts.score, maxScore: a.items },
			now
		);
		await refreshEnrolment(e, a.stepSlug, now);
	}
	return { result: a.graded.result, counted, responseId };
}

/**
 * Records a quiz answer. The first answer to an item counts for the score and the signal map;
 * answering again is practice and changes neither.
 */
export async function answerQuizItem(
	userId: number,
	slug: string,
	stepSlug: string,
	itemId: string,
	answer: Answer,
	now = Date.now()
): Promise<AnswerOutcome> {
	return await transaction(async () => {
		const e = await startModule(userId, slug, now);
		const graded = await gradeQuizAnswer(e, stepSlug, itemId, answer);
		return await writeQuizAnswer(userId, slug, graded, now, false);
	});
}

export interface QuizItemState {
	itemId: string;
	answer: Answer;
	result: ItemResult;
	counted: boolean;
	attempts: number;
}

// Every quiz step view runs this: one row per item (the latest practice answer and how many
// there were), not every answer ever given, and prepared (stack.md). The answer is the one of
// the row that holds max(id) (valueAtMax: on SQLite the bare column).
const latestQuizAnswers = prepared((database) =>
	database
		.select({
			itemId: response.itemId,
			answer: valueAtMax(response.answer, response.id).mapWith(response.answer),
			lastId: sql<number>`max(${response.id})`,
			attempts: sql<number>`count(*)`.mapWith(Number)
		})
		.from(response)
		.where(
			and(
				eq(response.enrolmentId, sql.placeholder('enrolmentId')),
				eq(response.stepSlug, sql.placeholder('stepSlug')),
				isNull(response.attemptId)
			)
		)
		.groupBy(response.itemId)
		.prepare()
);

/** The learner's latest answer per item of a quiz step, with its feedback. */
export async function quizState(
	ctx: ModuleContext,
	step: StepSnapshot
): Promise<Map<string, QuizItemState>> {
	const out = new Map<string, QuizItemState>();
	if (!ctx.enrolment || !step.quiz) return out;
	const rows = await latestQuizAnswers().all({
		enrolmentId: ctx.enrolment.id,
		stepSlug: step.slug
	});
	for (const row of rows) {
		const item = step.quiz.items.find((i) => i.id === row.itemId);
		if (!item) continue;
		const answer = row.answer as Answer;
		out.set(row.itemId, {
			itemId: row.itemId,
			answer,
			result: gradeItem(item, answer).result,
			// Only the first answer counts; a later one is practice.
			counted: row.attempts === 1,
			attempts: row.attempts
		});
	}
	return out;
}
