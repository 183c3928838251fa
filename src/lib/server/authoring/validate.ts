// Draft validation for the editor: the same schemas and cross-file rules as `npm run
// modules:check`, reported as failure codes with a path per field (for example
// `steps.2.vignette.nodes.n1.choices.0.next`) so the editor can show each message beside its field;
// the route edge says them in Dutch (`issuesFor`, `describeFailure`).
import type { z } from 'zod';
import {
	assessmentSchema,
	ID_PATTERN,
	itemSignalIds,
	moduleMetaSchema,
	quizSchema,
	stepMetaSchema,
	vignetteSchema,
	type ContentCode,
	type ContentParams,
	type Item
} from '$lib/content/schema';
import { MAX_MARKDOWN_LENGTH } from '../content/markdown';
import type { ModuleSnapshot } from '../content/versions';
import { failure, type Failure, type FailureCode } from '../platform/failure';

/** One problem of a draft: where (a dotted path into the draft) and what (a failure code). */
export type DraftIssue = Failure & {
	/** Dotted path into the draft: `meta.title`, `steps.0.markdown`, `steps.3.quiz.items.1.prompt`. */
	path: string;
};

/** The content schemas' refinement codes the editor says in its own words. */
const REFINEMENTS: Partial<Record<ContentCode, FailureCode>> = {
	'content.duplicateId': 'authoring.duplicateId',
	'content.nodeAndEnding': 'authoring.nodeAndEnding',
	'content.unknownNode': 'authoring.unknownNode',
	'content.unreachable': 'authoring.unreachable',
	'content.deadEnd': 'authoring.deadEnd',
	'content.endings': 'authoring.endings',
	'content.decisionPoints': 'authoring.decisionPoints',
	'content.exactlyOne': 'authoring.exactlyOne',
	'content.atLeastOneCorrect': 'authoring.atLeastOneCorrect',
	'content.phraseWithSignal': 'authoring.phraseWithSignal',
	'content.phraseDistractor': 'authoring.phraseDistractor',
	'content.phraseMissing': 'authoring.phraseMissing',
	'content.phraseTwice': 'authoring.phraseTwice',
	'content.phraseOverlap': 'authoring.phraseOverlap',
	'content.poolSize': 'authoring.poolSize'
};

/** Lists whose minimum the editor names ("Geef minstens 2 keuzes."). */
const TOO_FEW: Record<string, FailureCode> = {
	choices: 'authoring.twoChoices',
	options: 'authoring.twoOptions',
	phrases: 'authoring.twoPhrases',
	statements: 'authoring.twoStatements',
	signals: 'authoring.twoSignals'
};

const other = failure('authoring.other');

/** The editor's failure code for a zod issue of the content schemas: the one place they map. */
export function draftFailure(issue: z.core.$ZodIssue): Failure {
	const key = issue.path.at(-1);
	switch (issue.code) {
		case 'invalid_type':
			return issue.input === undefined || issue.input === ''
				? failure('authoring.required')
				: issue.expected === 'int' || issue.expected === 'number'
					? failure('authoring.wholeNumber')
					: failure('authoring.wrongShape');
		case 'too_small': {
			const min = Number(issue.minimum);
			if (issue.origin === 'string')
				return min <= 1 ? failure('authoring.required') : failure('authoring.minChars', { min });
			if (issue.origin === 'array' || issue.origin === 'set') {
				const named = typeof key === 'string' ? TOO_FEW[key] : undefined;
				return named
					? ({ code: named, params: {} } as Failure)
					: failure('authoring.addAtLeast', { min });
			}
			return failure('authoring.atLeast', { min });
		}
		case 'too_big': {
			const max = Number(issue.maximum);
			if (issue.origin === 'string') return failure('authoring.maxChars', { max });
			if (issue.origin === 'array' || issue.origin === 'set')
				return failure('authoring.atMostItems', { max });
			return failure('authoring.atMost', { max });
		}
		case 'invalid_value':
			return failure('authoring.oneOf');
		case 'invalid_format':
			if (issue.format === 'url') return failure('authoring.url');
			if (issue.format === 'regex' && issue.pattern === String(ID_PATTERN))
				return failure('authoring.kebabCase');
			return other;
		case 'unrecognized_keys':
			return failure('authoring.unknownField', { keys: issue.keys.join(', ') });
		case 'invalid_key':
			return failure('authoring.kebabCase');
		case 'custom': {
			const { code, ...params } = (issue.params ?? {}) as ContentParams & { code?: ContentCode };
			const mapped = code && REFINEMENTS[code];
			return mapped ? ({ code: mapped, params } as Failure) : other;
		}
		default:
			return other;
	}
}

function collect(
	out: DraftIssue[],
	prefix: string,
	result: { success: boolean; error?: z.ZodError }
): void {
	if (result.success || !result.error) return;
	for (const issue of result.error.issues) {
		const at = [prefix, ...issue.path.map(String)].filter(Boolean).join('.');
		out.push({ path: at, ...draftFailure(issue) });
	}
}

export interface ValidateOptions {
	/** Signal ids of the platform taxonomy (modules/signals.yaml). */
	signalIds: ReadonlySet<string>;
	/** True when another module already uses this slug. */
	slugTaken?: (slug: string) => boolean | Promise<boolean>;
}

/** All problems of a draft, in the order of the editor's fields; empty when it can be published. */
export async function validateDraft(
	draft: ModuleSnapshot,
	options: ValidateOptions
): Promise<DraftIssue[]> {
	const out: DraftIssue[] = [];
	if (!ID_PATTERN.test(draft.slug) || draft.slug.length > 80) {
		out.push({ path: 'slug', ...failure('authoring.kebabModule') });
	} else if (await options.slugTaken?.(draft.slug)) {
		out.push({ path: 'slug', ...failure('authoring.slugTaken') });
	}
	collect(out, 'meta', moduleMetaSchema.safeParse(draft.meta, { reportInput: true }));
	if (draft.meta?.refresher || (draft.meta?.refreshes?.length ?? 0) > 0) {
		out.push({ path: 'meta.refresher', ...failure('authoring.noRefresher') });
	}
	if ((draft.markdown ?? '').length > MAX_MARKDOWN_LENGTH) {
		out.push({ path: 'markdown', ...failure('authoring.maxChars', { max: MAX_MARKDOWN_LENGTH }) });
	}

	const steps = draft.steps ?? [];
	if (steps.length === 0) out.push({ path: 'steps', ...failure('authoring.noSteps') });
	const stepSlugs = new Set<string>();
	const itemIds = new Map<string, string>();
	const assessments: number[] = [];
	steps.forEach((step, i) => {
		const at = `steps.${i}`;
		if (!ID_PATTERN.test(step.slug ?? '') || step.slug.length > 80) {
			out.push({ path: `${at}.slug`, ...failure('authoring.kebabStep') });
		} else if (step.slug === 'voortoets') {
			out.push({ path: `${at}.slug`, ...failure('authoring.reservedStep') });
		} else if (stepSlugs.has(step.slug)) {
			out.push({ path: `${at}.slug`, ...failure('authoring.sameStepSlug') });
		}
		stepSlugs.add(step.slug);
		collect(out, `${at}.meta`, stepMetaSchema.safeParse(step.meta, { reportInput: true }));
		if ((step.markdown ?? '').length > MAX_MARKDOWN_LENGTH) {
			out.push({
				path: `${at}.markdown`,
				...failure('authoring.maxChars', { max: MAX_MARKDOWN_LENGTH })
			});
		}
		const kind = step.meta?.kind;
		let items: Item[] = [];
		let itemsAt = '';
		if (kind === 'vignette') {
			const r = vignetteSchema.safeParse(step.vignette, { reportInput: true });
			collect(out, `${at}.vignette`, r);
			if (r.success) {
				for (const [nodeId, node] of Object.entries(r.data.nodes)) {
					node.signals?.forEach((id, j) => {
						if (!options.signalIds.has(id))
							out.push({
								path: `${at}.vignette.nodes.${nodeId}.signals.${j}`,
								...failure('authoring.unknownSignal', { id })
							});
					});
				}
			}
		} else if (kind === 'quiz') {
			const r = quizSchema.safeParse(step.quiz, { reportInput: true });
			collect(out, `${at}.quiz`, r);
			if (r.success) items = r.data.items;
			itemsAt = `${at}.quiz.items`;
		} else if (kind === 'assessment') {
			assessments.push(i);
			const r = assessmentSchema.safeParse(step.assessment, { reportInput: true });
			collect(out, `${at}.assessment`, r);
			if (r.success) {
				items = r.data.pool;
				const pretest = draft.meta?.pretest;
				if (pretest !== undefined && pretest > r.data.pool.length) {
					out.push({
						path: 'meta.pretest',
						...failure('authoring.pretestTooLarge', { pretest, pool: r.data.pool.length })
					});
				}
			}
			itemsAt = `${at}.assessment.pool`;
		}
		items.forEach((item, j) => {
			const first = itemIds.get(item.id);
			if (first && first !== at) {
				out.push({
					path: `${itemsAt}.${j}.id`,
					...failure('authoring.itemIdTaken', { id: item.id })
				});
			} else itemIds.set(item.id, at);
			for (const ref of itemSignalIds(item)) {
				if (!options.signalIds.has(ref.id)) {
					out.push({
						path: [itemsAt, j, ...ref.path].join('.'),
						...failure('authoring.unknownSignal', { id: ref.id })
					});
				}
			}
		});
	});
	if (steps.length > 0 && assessments.length === 0) {
		out.push({ path: 'steps', ...failure('authoring.noAssessment') });
	}
	assessments
		.slice(1)
		.forEach((i) =>
			out.push({ path: `steps.${i}.meta.kind`, ...failure('authoring.secondAssessment') })
		);
	if (assessments.length > 0 && assessments[0] !== steps.length - 1) {
		out.push({ path: `steps.${assessments[0]}.meta.kind`, ...failure('authoring.assessmentLast') });
	}
	return out;
}
