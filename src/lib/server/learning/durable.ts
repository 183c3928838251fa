// The learner's answer actions through the group commit (db/write-queue): each promise settles
// once the transaction holding the answer is durable, so a route acknowledges (303) only then.
// Many learners' answers share one commit; one that is refused does not fail the others. Each
// write touches its learner's records only (enrolment, answers, progress, signal map), so it is
// keyed by the learner: on PostgreSQL different learners' writes run side by side in a batch.
import { durableWrite } from '../db';
import { answerAssessmentItem } from './assessment';
import { answerQuizItem, type AnswerOutcome } from './quiz';
import { chooseInVignette, type ChoiceOutcome } from './vignette';

const learnerKey = (userId: number) => `learner:${userId}`;

/** `answerQuizItem`, resolved once the answer is committed. */
export function recordQuizAnswer(
	...args: Parameters<typeof answerQuizItem>
): Promise<AnswerOutcome> {
	return durableWrite(async () => await answerQuizItem(...args), learnerKey(args[0]));
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
