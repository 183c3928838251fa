// Quiz steps: the first answer to an item counts for the score and the signal map; answering
// again is practice. Each answer is written in one transaction with the progress it changes.
import { and, eq, isNull, sql } from 'drizzle-orm';
import type { Item } from '$lib/content/schema';
import type { Answer, ItemResult } from '$lib/content/views';
import { transaction } from '../db';
import { prepared } from '../db/prepared';
import { valueAtMax } from '../db/sql';
import { response } from '../db/schema';
import { loadVersion, type StepSnapshot } from '../content/versions';
import { gradeItem } from './grading';
import { notFound } from './errors';
import { startModule, type ModuleContext } from './enrolment';
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
		const version = (await loadVersion(e.moduleVersionId))!;
		const step = version.stepBySlug.get(stepSlug);
		if (!step || step.meta.kind !== 'quiz') throw notFound();
		const item = findItem(step, itemId);
		const graded = grade(item, answer);
		const counted = await insertQuizResponse(e, stepSlug, itemId, answer, graded, now);
		if (counted) {
			await recordMastery(userId, graded.signalsHit, graded.signalsMissed, now);
			const firsts = (await firstQuizScores().get({ enrolmentId: e.id, stepSlug }))!;
			const total = step.quiz!.items.length;
			await touchProgress(
				e.id,
				stepSlug,
				{ status: firsts.n >= total ? 'done' : 'started', score: firsts.score, maxScore: total },
				now
			);
			await refreshEnrolment(e, stepSlug, now);
		} else {
			// Independent statements: on PostgreSQL they share one round trip (pipeline mode).
			await Promise.all([
				prunePractice(e.id, stepSlug, itemId),
				refreshEnrolment(e, stepSlug, now)
			]);
		}
		return { result: graded.result, counted };
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
