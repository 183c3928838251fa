// Dutch (nl-BE) messages for domain failure codes (src/lib/server/platform/failure.ts). A code is
// `<domain>.<reason>`; a message that needs values takes one object of parameters.
import { authoringEditor as e } from './authoringEditor';
import { authoringLearner } from './authoringLearner';
import { authoringValidate as v } from './authoringValidate';
import { authoringZip } from './authoringZip';
import { learn } from './learn';
import { pretest } from './pretest';
import { ltiCodes } from './ltiCodes';
import { ssoCodes } from './sso';

const c = authoringZip.content;
type Id = { id: string };
type Text = { text: string };
const s = String;

/** A wrong value as the archive check says it: text quoted, numbers as they are, kinds named. */
function gotValue(p: { got: string; value: string }): string {
	if (p.got === 'text') return c.textValue(p.value);
	if (p.got === 'number' || p.got === 'boolean' || p.got === 'bigint') return p.value;
	return c.types[p.got] ?? (p.value ? `${p.got} ${p.value}` : p.got);
}

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

	// A draft that cannot be published yet, beside its field (src/lib/server/authoring/validate.ts).
	'authoring.duplicateId': (p: Id) => v.duplicateId(p.id),
	'authoring.nodeAndEnding': (p: Id) => v.nodeAndEnding(p.id),
	'authoring.unknownNode': (p: Id) => v.unknownNode(p.id),
	'authoring.unreachable': v.unreachable,
	'authoring.deadEnd': v.deadEnd,
	'authoring.endings': (p: { min: number; has: number }) => v.endings(s(p.min), s(p.has)),
	'authoring.decisionPoints': (p: { has: number; min: number }) =>
		v.decisionPoints(s(p.has), s(p.min)),
	'authoring.twoChoices': v.twoChoices,
	'authoring.twoOptions': v.twoOptions,
	'authoring.exactlyOne': (p: { found: number }) => v.exactlyOne(s(p.found)),
	'authoring.atLeastOneCorrect': v.atLeastOneCorrect,
	'authoring.twoPhrases': v.twoPhrases,
	'authoring.phraseWithSignal': v.phraseWithSignal,
	'authoring.phraseDistractor': v.phraseDistractor,
	'authoring.phraseMissing': (p: Text) => v.phraseMissing(p.text),
	'authoring.phraseTwice': (p: Text) => v.phraseTwice(p.text),
	'authoring.phraseOverlap': (p: Id) => v.phraseOverlap(p.id),
	'authoring.twoStatements': v.twoStatements,
	'authoring.twoSignals': v.twoSignals,
	'authoring.poolSize': (p: { has: number; need: number }) => v.poolSize(s(p.has), s(p.need)),
	'authoring.between01': v.between01,
	'authoring.kebabCase': v.kebabCase,
	'authoring.kebabModule': v.kebabModule,
	'authoring.kebabStep': v.kebabStep,
	'authoring.required': v.required,
	'authoring.wholeNumber': v.wholeNumber,
	'authoring.wrongShape': v.wrongShape,
	'authoring.minChars': (p: { min: number }) => v.minChars(p.min),
	'authoring.addAtLeast': (p: { min: number }) => v.addAtLeast(p.min),
	'authoring.atLeast': (p: { min: number }) => v.atLeast(p.min),
	'authoring.maxChars': (p: { max: number }) => v.maxChars(p.max),
	'authoring.atMostItems': (p: { max: number }) => v.atMostItems(p.max),
	'authoring.atMost': (p: { max: number }) => v.atMost(p.max),
	'authoring.oneOf': v.oneOf,
	'authoring.url': v.url,
	'authoring.unknownField': (p: { keys: string }) => v.unknownField(p.keys),
	'authoring.other': v.other,
	'authoring.slugTaken': v.slugTaken,
	'authoring.noRefresher': v.noRefresher,
	'authoring.noSteps': v.noSteps,
	'authoring.reservedStep': v.reservedStep,
	'authoring.sameStepSlug': v.sameStepSlug,
	'authoring.unknownSignal': (p: Id) => v.unknownSignal(p.id),
	'authoring.pretestTooLarge': (p: { pretest: number; pool: number }) =>
		v.pretestTooLarge(p.pretest, p.pool),
	'authoring.itemIdTaken': (p: Id) => v.itemIdTaken(p.id),
	'authoring.noAssessment': v.noAssessment,
	'authoring.secondAssessment': v.secondAssessment,
	'authoring.assessmentLast': v.assessmentLast,

	// ---- authoring editor (src/lib/server/authoring/editor): a save refused as a whole, and input
	// a field could not take (the old value is kept).
	'authoring.formRefused': e.badForm,
	'authoring.tooManyFields': 'Dit formulier heeft te veel velden.',
	'authoring.fieldTooLong': (p: { max: number }) =>
		`Een tekst is te lang: gebruik hoogstens ${p.max.toLocaleString('nl-BE')} tekens per veld.`,
	'authoring.decimal': 'Geef een getal, bijvoorbeeld 0,7.',
	'authoring.codeTaken': (p: { code: string }) =>
		`De code "${p.code}" komt al voor; kies een andere.`,
	'authoring.slugKept': e.slugTaken,
	'authoring.conflict': e.conflict,
	'authoring.draftTooLarge': e.tooLarge,
	'authoring.forbidden': e.forbidden,
	'authoring.notFound': e.notFound,
	// ---- end of the authoring editor block

	// content (src/lib/content/schema.ts, src/lib/server/content): the module files of an archive
	'content.fileTooLarge': (p: { kb: number; max: number }) => c.fileTooLarge(s(p.kb), s(p.max)),
	'content.bom': c.bom,
	'content.notUtf8': (p: { line: number }) => c.notUtf8(s(p.line)),
	'content.yamlTag': (p: { tag: string }) => c.yamlTag(p.tag),
	'content.yamlAliases': (p: { max: number }) => c.yamlAliases(s(p.max)),
	'content.yamlInvalid': (p: { line?: number; column?: number }) =>
		c.yamlInvalid(p.line === undefined ? '' : c.where(s(p.line), s(p.column))),
	'content.frontMatterMissing': c.frontMatterMissing,
	'content.frontMatterLanguage': (p: { opening: string }) => c.frontMatterLanguage(p.opening),
	'content.frontMatterOpen': c.frontMatterOpen,
	'content.frontMatterMapping': c.frontMatterMapping,
	'content.missing': c.missing,
	'content.unexpectedFile': c.unexpectedFile,
	'content.folderName': c.folderName,
	'content.slugUsed': (p: { slug: string; other: string }) => c.slugUsed(p.slug, p.other),
	'content.numberUsed': (p: { number: string; other: string }) => c.numberUsed(p.number, p.other),
	'content.unknownSignal': (p: Id) => c.unknownSignal(p.id),
	'content.duplicateSignal': (p: Id) => c.duplicateSignal(p.id),
	'content.onlyVignette': (p: { kind: string }) => c.onlyVignette(p.kind),
	'content.onlyQuiz': (p: { kind: string }) => c.onlyQuiz(p.kind),
	'content.needsVignette': c.needsVignette,
	'content.needsQuiz': (p: { kind: string }) => c.needsQuiz(p.kind),
	'content.quizNotPool': c.quizNotPool,
	'content.assessmentNotItems': c.assessmentNotItems,
	'content.duplicateItem': (p: { id: string; other: string }) => c.duplicateItem(p.id, p.other),
	'content.noSteps': c.noSteps,
	'content.pretestTooLarge': (p: { pretest: number; pool: number }) =>
		c.pretestTooLarge(s(p.pretest), s(p.pool)),
	'content.reservedStep': c.reservedStep,
	'content.noAssessment': c.noAssessment,
	'content.secondAssessment': c.secondAssessment,
	'content.assessmentLast': c.assessmentLast,
	'content.kebab': c.kebab,
	'content.between01': c.between01,
	'content.duplicateId': (p: Id) => c.duplicateId(p.id),
	'content.nodeAndEnding': (p: Id) => c.nodeAndEnding(p.id),
	'content.unknownNode': (p: Id) => c.unknownNode(p.id),
	'content.unreachable': c.unreachable,
	'content.deadEnd': c.deadEnd,
	'content.endings': (p: { min: number; has: number }) => c.endings(s(p.min), s(p.has)),
	'content.decisionPoints': (p: { has: number; min: number }) =>
		c.decisionPoints(s(p.has), s(p.min)),
	'content.exactlyOne': (p: { found: number }) => c.exactlyOne(s(p.found)),
	'content.atLeastOneCorrect': c.atLeastOneCorrect,
	'content.phraseWithSignal': c.phraseWithSignal,
	'content.phraseDistractor': c.phraseDistractor,
	'content.phraseMissing': (p: Text) => c.phraseMissing(p.text),
	'content.phraseTwice': (p: Text) => c.phraseTwice(p.text),
	'content.phraseOverlap': (p: Id) => c.phraseOverlap(p.id),
	'content.poolSize': (p: { has: number; need: number }) => c.poolSize(s(p.has), s(p.need)),
	'content.unknownKey': (p: { key: string; guess: string }) =>
		c.unknownKey(p.key, p.guess || undefined),
	'content.required': c.required,
	'content.wrongType': (p: { expected: string; got: string; value: string }) =>
		c.wrongType(c.types[p.expected] ?? p.expected, gotValue(p)),
	'content.notEmpty': c.notEmpty,
	'content.min': (p: { min: number }) => c.min(s(p.min)),
	'content.max': (p: { max: number }) => c.max(s(p.max)),
	'content.tooFew': (p: { min: number; what: string }) =>
		c.atLeast(s(p.min), c.things[p.what] ?? p.what),
	'content.tooLong': (p: { max: number; what: string }) =>
		c.tooLong(s(p.max), c.things[p.what] ?? p.what),
	'content.oneOf': (p: { values: string }) => c.oneOf(p.values),
	'content.invalidId': (p: Id) => c.invalidId(p.id),
	'content.url': c.url,
	/** A problem without its own code keeps its English inside a Dutch frame. */
	'content.other': (p: { message: string }) => c.other(p.message),

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
	'learning.assessmentCooldown': ({ at }: { at: number }) => learn.assessment.cooldown(at),
	'learning.assessmentExhausted': learn.assessment.exhausted,
	'learning.refresherLocked': learn.refresherClosed,
	'learning.vignetteMoved': learn.conflict,
	'learning.pretestClosed': pretest.closed,
	'learning.pretestNotOpen': pretest.errors.notOpen,
	'learning.pretestUnanswered': ({ count }: { count: number }) => pretest.errors.unanswered(count),

	// lti (src/lib/server/lti)
	...ltiCodes,
	...ssoCodes
} as const;
