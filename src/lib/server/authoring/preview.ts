// The trainer's preview of a draft: the learner's module and step pages built from the draft's
// content, with answers graded on the server and shown, and nothing written (no enrolment,
// progress or response). A draft may be invalid while it is edited, so every part that cannot be
// shown becomes a calm notice instead of an error.
import type { Item, Vignette } from '$lib/content/schema';
import type { Answer, ItemResult } from '$lib/content/views';
import { messages } from '$lib/i18n';
import { AuthoringError, type Author } from './access';
import { draftContent, getDraft, type DraftContent } from './drafts';
import type { StepSnapshot } from '../content/versions';
import { AnswerError, answerFromForm, gradeItem } from '../learning/grading';
import { renderMarkdown } from '../content/markdown';
import { drawItems } from '../learning/assessment';
import { itemView, nodeView, paragraphs } from '../learning/views';
import { failure as failureOf, type Failure } from '../platform/failure';

const t = messages.authoringLearner;

/** A vignette path in the URL: choice indexes from the start node, e.g. `0.2.1`. */
export const PATH_PATTERN = /^\d{1,2}(?:\.\d{1,2}){0,199}$/;

/** A refused preview request; a refused answer carries the failure to show beside the item. */
export class PreviewError extends Error {
	constructor(
		readonly code: 'not-found' | 'bad-answer' | 'conflict',
		readonly failure: Failure = failureOf('authoring.previewAnswerInvalid')
	) {
		super(code);
		this.name = 'PreviewError';
	}
}

function safeHtml(markdown: string | undefined): { html: string | null; notice: string | null } {
	if (!markdown) return { html: null, notice: null };
	try {
		return { html: renderMarkdown(markdown), notice: null };
	} catch {
		return { html: null, notice: t.brokenText };
	}
}

function stepsOf(content: DraftContent): StepSnapshot[] {
	return Array.isArray(content.steps) ? content.steps.filter((s) => s && s.slug) : [];
}

function stepTitle(step: StepSnapshot, index: number): string {
	return step.meta?.title || t.untitledStep(index + 1);
}

export function previewModule(content: DraftContent) {
	const meta = content.meta ?? ({} as Partial<DraftContent['meta']>);
	const intro = safeHtml(content.markdown);
	return {
		module: {
			slug: content.slug,
			title: meta.title || t.untitled,
			summary: meta.summary ?? '',
			minutes: meta.minutes ?? 0,
			// An unpublished draft is not validated yet: only web links become links.
			sources: (Array.isArray(meta.sources) ? meta.sources : [])
				.filter((s) => s && s.title)
				.map((s) => ({ ...s, url: s.url && /^https?:\/\//i.test(s.url) ? s.url : undefined }))
		},
		introHtml: intro.html,
		notice: intro.notice,
		steps: stepsOf(content).map((s, i) => ({
			slug: s.slug,
			title: stepTitle(s, i),
			kind: s.meta?.kind ?? ('lesson' as const),
			status: 'todo' as const
		}))
	};
}

function findStep(content: DraftContent, stepSlug: string) {
	const steps = stepsOf(content);
	const index = steps.findIndex((s) => s.slug === stepSlug);
	if (index < 0) throw new PreviewError('not-found');
	return { steps, index, step: steps[index] };
}

// ---- vignette: the path is replayed from the start node on every request

interface Walk {
	current: string;
	path: {
		nodeId: string;
		choiceLabel: string;
		feedback: string;
		score: number;
		maxScore: number;
	}[];
	indexes: number[];
	broken: boolean;
}

function walk(vignette: Vignette, pad: string | null): Walk {
	const nodes = vignette.nodes ?? {};
	const endings = vignette.endings ?? {};
	const out: Walk = { current: vignette.start, path: [], indexes: [], broken: false };
	const indexes = pad && PATH_PATTERN.test(pad) ? pad.split('.').map(Number) : [];
	for (const index of indexes) {
		const node = nodes[out.current];
		const choice = node?.choices?.[index];
		if (!choice) break;
		out.path.push({
			nodeId: out.current,
			choiceLabel: choice.label,
			feedback: choice.feedback,
			score: choice.score,
			maxScore: Math.max(...node.choices.map((c) => c.score))
		});
		out.indexes.push(index);
		out.current = choice.next;
		if (out.current in endings) break;
	}
	out.broken = !(out.current in nodes) && !(out.current in endings);
	return out;
}

function vignetteView(vignette: Vignette, pad: string | null) {
	const state = walk(vignette, pad);
	const ending = vignette.endings?.[state.current];
	const node = ending ? null : (nodeView(vignette, state.current) ?? null);
	return {
		vignette: {
			node: node && node.choices.length ? node : null,
			ending: ending ? { title: ending.title, summary: paragraphs(ending.summary ?? '') } : null,
			path: state.path,
			last: state.path.at(-1) ?? null,
			firstRunDone: false
		},
		notice: state.broken || (node && !node.choices.length) ? t.brokenVignette : null,
		query: state.indexes.length ? `pad=${state.indexes.join('.')}&` : ''
	};
}

/** The path after choosing `choice` at `nodeId`; refuses a stale node or an unknown choice. */
export function previewChoose(
	content: DraftContent,
	stepSlug: string,
	pad: string | null,
	nodeId: string,
	choice: number
): { pad: string; ended: boolean } {
	const { step } = findStep(content, stepSlug);
	if (!step.vignette) throw new PreviewError('not-found');
	const state = walk(step.vignette, pad);
	if (state.current !== nodeId) throw new PreviewError('conflict');
	const next = step.vignette.nodes?.[nodeId]?.choices?.[choice];
	if (!Number.isInteger(choice) || !next) throw new PreviewError('bad-answer');
	return {
		pad: [...state.indexes, choice].join('.'),
		ended: next.next in (step.vignette.endings ?? {})
	};
}

// ---- quiz and assessment items

function itemsOf(step: StepSnapshot): Item[] {
	const items = step.quiz?.items ?? step.assessment?.pool ?? [];
	return Array.isArray(items) ? items.filter((i) => i && i.id) : [];
}

/** The draw shown in an assessment preview: from the URL when it is a valid draw, else a new one. */
function drawFor(step: StepSnapshot, wanted: string | null): string[] {
	const pool = itemsOf(step).map((i) => i.id);
	const count = Math.min(step.assessment?.draw ?? pool.length, pool.length);
	const ids = wanted ? wanted.split(',') : [];
	const valid =
		ids.length === count &&
		new Set(ids).size === ids.length &&
		ids.every((id) => pool.includes(id));
	return valid ? ids : drawItems(pool, count);
}

export interface PreviewOptions {
	/** The vignette path (`pad`). */
	pad?: string | null;
	/** The assessment draw (`trekking`), comma-separated item ids. */
	draw?: string | null;
}

export function previewStep(content: DraftContent, stepSlug: string, options: PreviewOptions = {}) {
	const { steps, index, step } = findStep(content, stepSlug);
	const neighbour = (i: number) =>
		steps[i] ? { slug: steps[i].slug, title: stepTitle(steps[i], i) } : null;
	const prose = safeHtml(step.markdown);
	const kind = step.meta?.kind ?? 'lesson';
	const base = {
		module: {
			slug: content.slug,
			title: content.meta?.title || t.untitled,
			passMark: content.meta?.passMark ?? 0
		},
		step: {
			slug: step.slug,
			title: stepTitle(step, index),
			kind,
			index: index + 1,
			total: steps.length,
			status: 'todo' as const
		},
		stepsDone: 0,
		previous: neighbour(index - 1),
		next: neighbour(index + 1),
		html: prose.html,
		notice: prose.notice,
		query: ''
	};
	try {
		if (kind === 'vignette') {
			if (!step.vignette?.nodes) return { ...base, notice: t.brokenVignette };
			const view = vignetteView(step.vignette, options.pad ?? null);
			return {
				...base,
				vignette: view.vignette,
				notice: base.notice ?? view.notice,
				query: view.query
			};
		}
		if (kind === 'quiz') {
			const items = itemsOf(step).map((item) => ({ view: itemView(item), state: null }));
			if (!items.length) return { ...base, notice: base.notice ?? t.brokenQuiz };
			return { ...base, quiz: { items } };
		}
		if (kind === 'assessment') {
			const pool = itemsOf(step);
			if (!pool.length) return { ...base, notice: base.notice ?? t.brokenAssessment };
			const drawn = drawFor(step, options.draw ?? null);
			const byId = new Map(pool.map((i) => [i.id, i]));
			return {
				...base,
				assessmentPreview: {
					draw: drawn.length,
					pool: pool.length,
					items: drawn.map((id) => ({ view: itemView(byId.get(id)!), state: null }))
				},
				query: `trekking=${drawn.join(',')}&`
			};
		}
	} catch {
		// A half-written item or node (a missing list, an option without text) cannot be shown yet.
		return { ...base, notice: t.brokenStep };
	}
	return { ...base, lesson: { done: false } };
}

export interface PreviewAnswer {
	itemId: string;
	answer: Answer;
	result: ItemResult;
}

/** Grades one answer to a quiz or assessment item of the draft; nothing is stored. */
export function previewAnswer(
	content: DraftContent,
	stepSlug: string,
	itemId: string,
	form: FormData
): PreviewAnswer {
	const { step } = findStep(content, stepSlug);
	const item = itemsOf(step).find((i) => i.id === itemId);
	if (!item) throw new PreviewError('not-found');
	try {
		const answer = answerFromForm(item, form);
		return { itemId, answer, result: gradeItem(item, answer).result };
	} catch (e) {
		if (e instanceof AnswerError) {
			throw new PreviewError(
				'bad-answer',
				e.message === 'empty'
					? failureOf('authoring.previewAnswerEmpty', { itemType: item.type })
					: failureOf('authoring.previewAnswerInvalid')
			);
		}
		// A half-written item (an option list still missing) cannot be graded yet.
		throw new PreviewError('bad-answer', failureOf('authoring.previewStepBroken'));
	}
}

/** The content of a draft this trainer may edit, for the preview; not-found otherwise. */
export async function draftForPreview(author: Author, draftParam: string): Promise<DraftContent> {
	try {
		return draftContent(await getDraft(author, Number(draftParam)));
	} catch (e) {
		if (e instanceof AuthoringError) throw new PreviewError('not-found');
		throw e;
	}
}
