// The public face of the learning domain: routes import only this file.
export { ProgressError, type ProgressStatus } from './errors';
export {
	findEnrolment,
	missingForAssessment,
	moduleContext,
	resumeStep,
	startModule,
	stepOf,
	type ModuleContext
} from './enrolment';
export { answerFromSubmission, attemptAnswers } from './records';
export { completeLesson } from './lesson';
export {
	recordAssessmentAnswer,
	recordQuizAnswer,
	recordVignetteChoice,
	submitQuizAnswer
} from './durable';
export { answerQuizItem, quizState, type AnswerOutcome, type QuizItemState } from './quiz';
export {
	chooseInVignette,
	restartVignette,
	vignetteState,
	type ChoiceOutcome,
	type PathEntry,
	type VignetteState
} from './vignette';
export {
	answerAssessmentItem,
	drawItems,
	listAttempts,
	openAttempt,
	startAssessment,
	submitAssessment,
	type SubmitOutcome
} from './assessment';
export { correctAnswer, wrongAnswer } from './grading';
export {
	isLessonSlug,
	modulePage,
	notFoundOr,
	pretestPage,
	startTarget,
	stepPage
} from './learner-pages';
export { answerPretestItem, hasPretest, skipPretest, startPretest, submitPretest } from './pretest';
