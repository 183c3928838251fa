// Draft validation for the editor: the same schemas and cross-file rules as `npm run
// modules:check`, reported in Dutch with a path per field (for example
// `steps.2.vignette.nodes.n1.choices.0.next`) so the editor can show each message beside its field.
import type { z } from 'zod';
import {
	assessmentSchema,
	ID_PATTERN,
	itemSignalIds,
	moduleMetaSchema,
	quizSchema,
	stepMetaSchema,
	vignetteSchema,
	type Item
} from '$lib/content/schema';
import { MAX_MARKDOWN_LENGTH } from '../content/markdown';
import type { ModuleSnapshot } from '../content/versions';
import { messages } from '$lib/i18n';

const v = messages.authoringValidate;

export interface DraftIssue {
	/** Dotted path into the draft: `meta.title`, `steps.0.markdown`, `steps.3.quiz.items.1.prompt`. */
	path: string;
	message: string;
}

const CUSTOM: [RegExp, (...m: string[]) => string][] = [
	[/^duplicate id "(.*)"/, v.duplicateId],
	[/^id "(.*)" is used by a node and an ending/, v.nodeAndEnding],
	[/^unknown node "(.*)"/, v.unknownNode],
	[/^cannot be reached from start/, () => v.unreachable],
	[/^no ending can be reached/, () => v.deadEnd],
	[/^needs at least (\d+) reachable endings, has (\d+)/, v.endings],
	[
		/^the longest path from start has (\d+) decision points, needs at least (\d+)/,
		v.decisionPoints
	],
	[/^needs at least 2 choices/, () => v.twoChoices],
	[/^needs at least 2 options/, () => v.twoOptions],
	[/^exactly one option must be correct, found (\d+)/, v.exactlyOne],
	[/^at least one option must be correct/, () => v.atLeastOneCorrect],
	[/^needs at least 2 phrases/, () => v.twoPhrases],
	[/^needs at least one phrase with a signal/, () => v.phraseWithSignal],
	[/^needs at least one phrase without a signal/, () => v.phraseDistractor],
	[/^"(.*)" does not occur in the text/, v.phraseMissing],
	[/^"(.*)" occurs more than once in the text/, v.phraseTwice],
	[/^overlaps with phrase "(.*)"/, v.phraseOverlap],
	[/^needs at least 2 statements/, () => v.twoStatements],
	[/^needs at least 2 signals/, () => v.twoSignals],
	[/^pool has (\d+) items, needs at least 2 x draw = (\d+)/, v.poolSize],
	[/^must be between 0 and 1/, () => v.between01],
	[/kebab-case/, () => v.kebabCase]
];

/** One Dutch sentence for a zod issue from the content schemas. */
export function dutchMessage(issue: z.core.$ZodIssue): string {
	switch (issue.code) {
		case 'invalid_type':
			return issue.input === undefined || issue.input === ''
				? v.required
				: issue.expected === 'int' || issue.expected === 'number'
					? v.wholeNumber
					: v.wrongShape;
		case 'too_small': {
			const min = Number(issue.minimum);
			if (issue.origin === 'string') return min <= 1 ? v.required : v.minChars(min);
			if (issue.origin === 'array' || issue.origin === 'set')
				return issue.message.startsWith('Too small') ? v.addAtLeast(min) : custom(issue.message);
			return v.atLeast(min);
		}
		case 'too_big': {
			const max = Number(issue.maximum);
			if (issue.origin === 'string') return v.maxChars(max);
			if (issue.origin === 'array' || issue.origin === 'set') return v.atMostItems(max);
			return v.atMost(max);
		}
		case 'invalid_value':
			return v.oneOf;
		case 'invalid_format':
			if (issue.format === 'url') return v.url;
			return custom(issue.message);
		case 'unrecognized_keys':
			return v.unknownField(issue.keys.join(', '));
		case 'invalid_key':
			return v.kebabCase;
		default:
			return custom(issue.message);
	}
}

function custom(message: string): string {
	for (const [pattern, say] of CUSTOM) {
		const m = pattern.exec(message);
		if (m) return say(...m.slice(1));
	}
	return v.other;
}

function collect(
	out: DraftIssue[],
	prefix: string,
	result: { success: boolean; error?: z.ZodError }
): void {
	if (result.success || !result.error) return;
	for (const issue of result.error.issues) {
		const at = [prefix, ...issue.path.map(String)].filter(Boolean).join('.');
		out.push({ path: at, message: dutchMessage(issue) });
	}
}

export interface ValidateOptions {
	/** Signal ids of the platform taxonomy (modules/signals.yaml). */
	signalIds: ReadonlySet<string>;
	/** True when another module already uses this slug. */
	slugTaken?: (slug: string) => boolean;
}

/** All problems of a draft, in the order of the editor's fields; empty when it can be published. */
export function validateDraft(draft: ModuleSnapshot, options: ValidateOptions): DraftIssue[] {
	const out: DraftIssue[] = [];
	if (!ID_PATTERN.test(draft.slug) || draft.slug.length > 80) {
		out.push({
			path: 'slug',
			message: v.kebabModule
		});
	} else if (options.slugTaken?.(draft.slug)) {
		out.push({ path: 'slug', message: v.slugTaken });
	}
	collect(out, 'meta', moduleMetaSchema.safeParse(draft.meta, { reportInput: true }));
	if (draft.meta?.refresher || (draft.meta?.refreshes?.length ?? 0) > 0) {
		out.push({
			path: 'meta.refresher',
			message: v.noRefresher
		});
	}
	if ((draft.markdown ?? '').length > MAX_MARKDOWN_LENGTH) {
		out.push({
			path: 'markdown',
			message: v.maxChars(MAX_MARKDOWN_LENGTH)
		});
	}

	const steps = draft.steps ?? [];
	if (steps.length === 0) out.push({ path: 'steps', message: v.noSteps });
	const stepSlugs = new Set<string>();
	const itemIds = new Map<string, string>();
	const assessments: number[] = [];
	steps.forEach((step, i) => {
		const at = `steps.${i}`;
		if (!ID_PATTERN.test(step.slug ?? '') || step.slug.length > 80) {
			out.push({
				path: `${at}.slug`,
				message: v.kebabStep
			});
		} else if (step.slug === 'voortoets') {
			out.push({
				path: `${at}.slug`,
				message: v.reservedStep
			});
		} else if (stepSlugs.has(step.slug)) {
			out.push({ path: `${at}.slug`, message: v.sameStepSlug });
		}
		stepSlugs.add(step.slug);
		collect(out, `${at}.meta`, stepMetaSchema.safeParse(step.meta, { reportInput: true }));
		if ((step.markdown ?? '').length > MAX_MARKDOWN_LENGTH) {
			out.push({
				path: `${at}.markdown`,
				message: v.maxChars(MAX_MARKDOWN_LENGTH)
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
								message: v.unknownSignal(id)
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
						message: v.pretestTooLarge(pretest, r.data.pool.length)
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
					message: v.itemIdTaken(item.id)
				});
			} else itemIds.set(item.id, at);
			for (const ref of itemSignalIds(item)) {
				if (!options.signalIds.has(ref.id)) {
					out.push({
						path: [itemsAt, j, ...ref.path].join('.'),
						message: v.unknownSignal(ref.id)
					});
				}
			}
		});
	});
	if (steps.length > 0 && assessments.length === 0) {
		out.push({
			path: 'steps',
			message: v.noAssessment
		});
	}
	assessments
		.slice(1)
		.forEach((i) => out.push({ path: `steps.${i}.meta.kind`, message: v.secondAssessment }));
	if (assessments.length > 0 && assessments[0] !== steps.length - 1) {
		out.push({
			path: `steps.${assessments[0]}.meta.kind`,
			message: v.assessmentLast
		});
	}
	return out;
}
