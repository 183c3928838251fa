// Dutch (nl-BE) messages for domain failure codes (src/lib/server/platform/failure.ts). A code is
// `<domain>.<reason>`; a message that needs values takes one object of parameters.
import { authoringLearner } from './authoringLearner';
import { learn } from './learn';
import { pretest } from './pretest';
import { ltiCodes } from './ltiCodes';

export const codes = {
	'request.invalid': 'Dit verzoek klopt niet. Laad de pagina opnieuw en probeer het nog eens.',
	'request.notFound': 'Niet gevonden',

	// authoring (src/lib/server/authoring)
	'authoring.previewStepBroken': authoringLearner.brokenStep,
	'authoring.previewAnswerEmpty': (p: { itemType: string }) =>
		p.itemType === 'classify'
			? learn.errors.emptyClassify
			: p.itemType === 'judge'
				? learn.errors.emptyJudge
				: learn.errors.empty,
	'authoring.previewAnswerInvalid': learn.errors.invalid,

	// learning: refusals on the learner's path (steps, answers, assessment, pre-test)
	'learning.answerEmpty': ({ itemType }: { itemType: string }) =>
		itemType === 'classify'
			? learn.errors.emptyClassify
			: itemType === 'judge'
				? learn.errors.emptyJudge
				: learn.errors.empty,
	'learning.answerInvalid': learn.errors.invalid,
	'learning.unanswered': ({ count }: { count: number }) => learn.errors.unanswered(count),
	'learning.noAttempt': learn.errors.noAttempt,
	'learning.assessmentLocked': learn.assessment.lockedTitle,
	'learning.refresherLocked': learn.refresherClosed,
	'learning.vignetteMoved': learn.conflict,
	'learning.pretestClosed': pretest.closed,
	'learning.pretestNotOpen': pretest.errors.notOpen,
	'learning.pretestUnanswered': ({ count }: { count: number }) => pretest.errors.unanswered(count),

	// lti (src/lib/server/lti)
	...ltiCodes
} as const;
