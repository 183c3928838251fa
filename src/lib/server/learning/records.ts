// The writes every step kind shares: step progress, the enrolment's position, the signal map
// and answered items. The answer path runs them on every answer, so the statements are
// prepared once per database through Drizzle (stack.md: a built query costs ~36 µs, a prepared
// statement ~6 µs).
import { and, count, eq, isNull, lt, sql, type Placeholder, type SQL } from 'drizzle-orm';
import type { Item } from '$lib/content/schema';
import type { Answer } from '$lib/content/views';
import { db } from '../db';
import { epochParam, prepared } from '../db/prepared';
import {
	enrolment,
	response,
	signalMastery,
	stepProgress,
	type Enrolment,
	type StepProgress
} from '../db/schema';
import { loadVersion, newestVisibleVersionId } from '../content/versions';
import { AnswerError, answerFromForm, gradeItem, type Graded } from './grading';
import { badAnswer, notFound } from './errors';
import { findEnrolment } from './enrolment';

export async function touchProgress(
	enrolmentId: number,
	stepSlug: string,
	values: Partial<Pick<StepProgress, 'status' | 'currentNode' | 'score' | 'maxScore'>>,
	now: number
): Promise<void> {
	await db
		.insert(stepProgress)
		.values({
			enrolmentId,
			stepSlug,
			status: values.status ?? 'started',
			currentNode: values.currentNode ?? null,
			score: values.score ?? 0,
			maxScore: values.maxScore ?? 0,
			updatedAt: new Date(now)
		})
		.onConflictDoUpdate({
			target: [stepProgress.enrolmentId, stepProgress.stepSlug],
			set: { ...values, updatedAt: new Date(now) }
		});
}

// The enrolment's position and its count of finished steps in one statement (on PostgreSQL a
// round trip less per answer than reading the count first).
const updateEnrolmentPosition = prepared((database) =>
	database
		.update(enrolment)
		.set({
			currentStep: sql`${sql.placeholder('currentStep')}`,
			stepsDone: sql`(${database
				.select({ n: count() })
				.from(stepProgress)
				.where(and(eq(stepProgress.enrolmentId, enrolment.id), eq(stepProgress.status, 'done')))})`,
			// Milliseconds since the epoch (db/prepared.ts converts them per engine).
			updatedAt: epochParam('updatedAt')
		})
		.where(eq(enrolment.id, sql.placeholder('id')))
		.prepare()
);

const upsertMastery = prepared((database) =>
	database
		.insert(signalMastery)
		.values({
			userId: sql.placeholder('userId'),
			signalId: sql.placeholder('signalId'),
			seen: 1,
			correct: sql.placeholder('correct'),
			updatedAt: sql.placeholder('updatedAt')
		})
		.onConflictDoUpdate({
			target: [signalMastery.userId, signalMastery.signalId],
			set: {
				seen: sql`${signalMastery.seen} + 1`,
				correct: sql`${signalMastery.correct} + excluded.correct`,
				updatedAt: sql`excluded.updated_at`
			}
		})
		.prepare()
);

/** Moves the enrolment to `stepSlug` and recounts its finished steps. */
export async function refreshEnrolment(e: Enrolment, stepSlug: string, now: number): Promise<void> {
	await updateEnrolmentPosition().run({ currentStep: stepSlug, updatedAt: now, id: e.id });
}

/** Adds a seen signal to the learner's signal map, recognised (`hit`) or not. */
export async function recordMastery(
	userId: number,
	hit: string[],
	missed: string[],
	now: number
): Promise<void> {
	const upsert = upsertMastery();
	const updatedAt = new Date(now);
	// One statement per signal, started together: on PostgreSQL they share one round trip.
	await Promise.all([
		...hit.map((signalId) => upsert.run({ userId, signalId, correct: 1, updatedAt })),
		...missed.map((signalId) => upsert.run({ userId, signalId, correct: 0, updatedAt }))
	]);
}

/** Grades an answer; a refused answer becomes a 400 with the item type's message. */
export function grade(item: Item, answer: Answer): Graded {
	try {
		return gradeItem(item, answer);
	} catch (e) {
		if (e instanceof AnswerError) throw badAnswer(e, item.type);
		throw e;
	}
}

/** An item's response row as statement placeholders, with `attemptId` and `isFirst` as given. */
function itemResponseValues(attemptId: Placeholder | null, isFirst: Placeholder | SQL) {
	return {
		userId: sql.placeholder('userId'),
		enrolmentId: sql.placeholder('enrolmentId'),
		moduleVersionId: sql.placeholder('moduleVersionId'),
		stepSlug: sql.placeholder('stepSlug'),
		itemId: sql.placeholder('itemId'),
		kind: 'item' as const,
		attemptId,
		answer: sql.placeholder('answer'),
		score: sql.placeholder('score'),
		maxScore: sql.placeholder('maxScore'),
		signalsHit: sql.placeholder('signalsHit'),
		signalsMissed: sql.placeholder('signalsMissed'),
		isFirst,
		createdAt: sql.placeholder('createdAt')
	};
}

/** The values for `itemResponseValues`' placeholders (but attemptId and isFirst). */
function itemResponseParams(
	e: Pick<Enrolment, 'id' | 'userId' | 'moduleVersionId'>,
	stepSlug: string,
	itemId: string,
	answer: Answer,
	graded: Graded,
	now: number
) {
	return {
		userId: e.userId,
		enrolmentId: e.id,
		moduleVersionId: e.moduleVersionId,
		stepSlug,
		itemId,
		answer,
		score: graded.result.score,
		maxScore: graded.result.maxScore,
		signalsHit: graded.signalsHit,
		signalsMissed: graded.signalsMissed,
		createdAt: new Date(now)
	};
}

const insertResponseRow = prepared((database) =>
	database
		.insert(response)
		.values(itemResponseValues(sql.placeholder('attemptId'), sql.placeholder('isFirst')))
		.prepare()
);

/** One answered item (quiz or assessment): the graded result as a response row. */
export async function insertItemResponse(
	e: Pick<Enrolment, 'id' | 'userId' | 'moduleVersionId'>,
	stepSlug: string,
	itemId: string,
	answer: Answer,
	graded: Graded,
	isFirst: boolean,
	now: number,
	attemptId: number | null = null
): Promise<void> {
	await insertResponseRow().run({
		...itemResponseParams(e, stepSlug, itemId, answer, graded, now),
		attemptId,
		isFirst
	});
}

/** The enrolment's answers to one item outside assessments (parameters enrolmentId, stepSlug, itemId). */
const itemAnswersOutsideAssessments = () =>
	and(
		eq(response.enrolmentId, sql.placeholder('enrolmentId')),
		eq(response.stepSlug, sql.placeholder('stepSlug')),
		eq(response.itemId, sql.placeholder('itemId')),
		isNull(response.attemptId)
	);

// A quiz answer: the response row, counted (is_first) when the learner has no earlier answer
// to the item outside an assessment. The check and the insert are one statement: on PostgreSQL
// a round trip less per answer. The caller holds the enrolment's lock (startModule, or the lock
// sent just before it in the same round trip: learning/quiz.ts), so two answers of one learner
// cannot both find no earlier answer.
const insertQuizResponseRow = prepared((database) =>
	database
		.insert(response)
		.values(
			itemResponseValues(
				null,
				sql`not exists ${database
					.select({ one: sql`1` })
					.from(response)
					.where(itemAnswersOutsideAssessments())}`
			)
		)
		.returning({ id: response.id, isFirst: response.isFirst })
		.prepare()
);

/** A quiz item's answer as a response row: its id, and whether it is the first (it counts). */
export async function insertQuizResponse(
	...answered: Parameters<typeof itemResponseParams>
): Promise<{ id: number; counted: boolean }> {
	const row = (await insertQuizResponseRow().get(itemResponseParams(...answered)))!;
	return { id: row.id, counted: !!row.isFirst };
}

/**
 * Practice answers (quiz items answered again, vignette replays) kept per learner and item or
 * node: the newest ones. The first answer, which counts, and assessment answers are never
 * pruned. Without a cap a script could add rows without limit (issue 16, finding 12).
 */
export const practiceKept = 20;

// One indexed range delete (response_enrolment_step) in the answer's own transaction: the
// rows older than the newest `practiceKept` practice rows of this item. Nothing when there are
// fewer (the subquery is then null).
const prunePracticeRows = prepared((database) =>
	database
		.delete(response)
		.where(
			and(
				itemAnswersOutsideAssessments(),
				eq(response.isFirst, false),
				lt(
					response.id,
					sql`(select ${response.id} from ${response} where ${response.enrolmentId} = ${sql.placeholder('enrolmentId')} and ${response.stepSlug} = ${sql.placeholder('stepSlug')} and ${response.itemId} = ${sql.placeholder('itemId')} and ${response.attemptId} is null and not ${response.isFirst} order by ${response.id} desc limit 1 offset ${practiceKept - 1})`
				)
			)
		)
		.prepare()
);

/** Drops the practice answers of one item beyond the newest `practiceKept`. */
export async function prunePractice(
	enrolmentId: number,
	stepSlug: string,
	itemId: string
): Promise<void> {
	await prunePracticeRows().run({ enrolmentId, stepSlug, itemId });
}

/** The answers given in one attempt (assessment or pre-test), by item id. */
export async function attemptAnswers(
	attemptId: number
): Promise<Map<string, { answer: Answer; score: number; maxScore: number }>> {
	const rows = await db
		.select({
			itemId: response.itemId,
			answer: response.answer,
			score: response.score,
			maxScore: response.maxScore
		})
		.from(response)
		.where(eq(response.attemptId, attemptId));
	return new Map(
		rows.map((r) => [
			r.itemId,
			{ answer: r.answer as Answer, score: r.score, maxScore: r.maxScore }
		])
	);
}

/** Reads the answer for a quiz or assessment item from its form; a refused one becomes a 400. */
export async function answerFromSubmission(
	userId: number,
	slug: string,
	stepSlug: string,
	itemId: string,
	form: FormData
): Promise<Answer> {
	return (await readSubmission(userId, slug, stepSlug, itemId, form)).answer;
}

/** `answerFromSubmission` with the enrolment it read (none before the module's first write). */
export async function readSubmission(
	userId: number,
	slug: string,
	stepSlug: string,
	itemId: string,
	form: FormData
): Promise<{ answer: Answer; enrolment: Enrolment | undefined }> {
	const enrolment = await findEnrolment(userId, slug);
	const versionId = enrolment?.moduleVersionId ?? (await newestVisibleVersionId(slug, userId));
	const step =
		versionId === undefined ? undefined : (await loadVersion(versionId))?.stepBySlug.get(stepSlug);
	if (!step) throw notFound();
	const item = (step.quiz?.items ?? step.assessment?.pool ?? []).find((i) => i.id === itemId);
	if (!item) throw notFound();
	try {
		return { answer: answerFromForm(item, form), enrolment };
	} catch (e) {
		if (e instanceof AnswerError) throw badAnswer(e, item.type);
		throw e;
	}
}
