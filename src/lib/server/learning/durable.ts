// The learner's answer actions through the group commit (db/write-queue): each promise settles
// once the transaction holding the answer is durable, so a route acknowledges (303) only then.
// Many learners' answers share one commit; one that is refused does not fail the others. Each
// write touches its learner's records only (enrolment, answers, progress, signal map), so it is
// keyed by the learner: on PostgreSQL different learners' writes run side by side in a batch.
import type { Answer } from '$lib/content/views';
import { durableWrite } from '../db';
import type { Enrolment } from '../db/schema';
import { answerAssessmentItem } from './assessment';
import {
	answerQuizItem,
	EnrolmentChanged,
	gradeQuizAnswer,
	writeQuizAnswer,
	type AnswerOutcome
} from './quiz';
import { readSubmission } from './records';
import { chooseInVignette, type ChoiceOutcome } from './vignette';

const learnerKey = (userId: number) => `learner:${userId}`;

/**
 * `answerQuizItem`, resolved once the answer is committed. `seen` is the learner's enrolment as
 * read before (the route reads it to check the form): the answer is then graded before it is
 * queued, and its write locks the enrolment in the round trip of its first statements and
 * starts without waiting for the learner's earlier answers in the batch (on PostgreSQL's
 * pipeline their statements run first; see `writeQuizAnswer`). When the enrolment changed in
 * between, the answer is recorded again from the start.
 */
export async function recordQuizAnswer(
	userId: number,
	slug: string,
	stepSlug: string,
	itemId: string,
	answer: Answer,
	seen?: Enrolment
): Promise<AnswerOutcome> {
	const key = learnerKey(userId);
	if (seen) {
		const graded = await gradeQuizAnswer(seen, stepSlug, itemId, answer);
		try {
			return await durableWrite(
				() => writeQuizAnswer(userId, slug, graded, Date.now(), true),
				key,
				{
					pipelined: true
				}
			);
		} catch (error) {
			if (!(error instanceof EnrolmentChanged)) throw error;
		}
	}
	return await durableWrite(
		async () => await answerQuizItem(userId, slug, stepSlug, itemId, answer),
		key
	);
}

/** A quiz item's answer as the learner's form submits it: read, checked, then recorded. */
export async function submitQuizAnswer(
	userId: number,
	slug: string,
	stepSlug: string,
	itemId: string,
	form: FormData
): Promise<AnswerOutcome> {
	const { answer, enrolment } = await readSubmission(userId, slug, stepSlug, itemId, form);
	return await recordQuizAnswer(userId, slug, stepSlug, itemId, answer, enrolment);
}

/** `chooseInVignette`, resolved once the choice is committed. */
export function recordVignetteChoice(
	...args: Parameters<typeof chooseInVignette>
): Promise<ChoiceOutcome> {
	return durableWrite(async () => await chooseInVignette(...args), learnerKey(args[0]));
}

/** `answerAssessmentItem`, resolved once the answer is committed. */
export function recordAssessmentAnswer(
	...args: Parameters<typeof answerAssessmentItem>
): Promise<void> {
	return durableWrite(async () => await answerAssessmentItem(...args), learnerKey(args[0]));
}
