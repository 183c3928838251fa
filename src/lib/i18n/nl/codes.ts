// Dutch (nl-BE) messages for domain failure codes (src/lib/server/platform/failure.ts). A code is
// `<domain>.<reason>`; a message that needs values takes one object of parameters.
import { authoringLearner } from './authoringLearner';
import { learn } from './learn';

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
	'authoring.previewAnswerInvalid': learn.errors.invalid
} as const;
