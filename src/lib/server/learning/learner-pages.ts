// Page data for the learner's module and step pages, built from progress (what the route shows).
import { error } from '@sveltejs/kit';
import type { ItemView } from '$lib/content/views';
import type { ItemResult } from '$lib/content/views';
import { describeFailure, failure } from '../platform/failure';
import { ProgressError } from './errors';
import { missingForAssessment, moduleContext, resumeStep, stepOf } from './enrolment';
import { quizState, type QuizItemState } from './quiz';
import { vignetteState } from './vignette';
import { listAttempts, openAttempt } from './assessment';
import { attemptView, retakePolicy } from './assessment-review';
import * as pretest from './pretest';
import { refresherStatus } from '../certificates/refresher';
import { itemView, nodeView, paragraphs } from './views';
import { caseTimeline } from './timeline';
import { getCourse } from '../content/course';
import type { Gain } from './learning-gain';
import { renderMarkdown } from '../content/markdown';

/** Authored modules hold Markdown: rendered and sanitised here, printed only by SafeHtml. */
function authoredHtml(snapshot: { indexPath?: string; markdown?: string }): string | null {
	return !snapshot.indexPath && snapshot.markdown ? renderMarkdown(snapshot.markdown) : null;
}

export async function notFoundOr<T>(fn: () => T | Promise<T>): Promise<T> {
	try {
		return await fn();
	} catch (e) {
		if (e instanceof ProgressError && e.status === 404)
			error(404, { message: describeFailure(e.failure) });
		throw e;
	}
}

export async function modulePage(userId: number, slug: string) {
	const ctx = await notFoundOr(async () => await moduleContext(userId, slug));
	const mod = ctx.version.module;
	return {
		module: {
			slug,
			title: mod.meta.title,
			summary: mod.meta.summary,
			minutes: mod.meta.minutes,
			audience: mod.meta.audience,
			sources: mod.meta.sources
		},
		introPath: mod.indexPath ?? null,
		introHtml: authoredHtml(mod),
		steps: mod.steps.map((s) => ({
			slug: s.slug,
			title: s.meta.title,
			kind: s.meta.kind,
			status: ctx.steps.get(s.slug)?.status ?? ('todo' as const)
		})),
		enrolled: !!ctx.enrolment,
		// The refresher opens only when a certificate it renews is in its window.
		refresherClosed:
			!ctx.enrolment && mod.meta.refreshes.length > 0 && !(await refresherStatus(userId)).open,
		completed: ctx.enrolment?.status === 'completed',
		resumeStep: ctx.enrolment ? await resumeStep(ctx.enrolment) : null,
		pretest: {
			status: (await pretest.pretestStatus(ctx)).status,
			count: pretest.pretestSize(ctx.version)
		},
		gain: gainView(await pretest.learnerGain(ctx))
	};
}

export interface GainView {
	/** Whole percentages and points, as the learner reads them. */
	pre: number;
	post: number;
	points: number;
	normalised: number | null;
}

function gainView(gain: Gain | null): GainView | null {
	if (!gain) return null;
	return {
		pre: Math.round(gain.pre * 100),
		post: Math.round(gain.post * 100),
		points: Math.round(gain.points),
		normalised: gain.normalised === null ? null : Math.round(gain.normalised * 100)
	};
}

/** Where starting a module leads: its pre-test when one is offered, else the first step. */
export async function startTarget(
	userId: number,
	slug: string,
	currentStep: string | null
): Promise<string> {
	return (await pretest.pretestPending(userId, slug))
		? `/leren/${slug}/voortoets`
		: `/leren/${slug}/${currentStep ?? ''}`;
}

/** The pre-test page: its state and, while open, the drawn items without any answer key. */
export async function pretestPage(userId: number, slug: string) {
	const ctx = await notFoundOr(async () => await moduleContext(userId, slug));
	const state = await pretest.pretestStatus(ctx);
	if (state.status === 'none')
		error(404, { message: describeFailure(failure('request.notFound')) });
	const items =
		state.status === 'open' && state.attempt
			? (await pretest.pretestItems(ctx, state.attempt)).map(({ item, answer }) => ({
					view: itemView(item),
					answer
				}))
			: [];
	return {
		module: { slug, title: ctx.version.module.meta.title },
		status: state.status,
		count: pretest.pretestSize(ctx.version),
		items,
		next: ctx.enrolment
			? await resumeStep(ctx.enrolment)
			: (ctx.version.module.steps[0]?.slug ?? null)
	};
}

export interface QuizEntry {
	view: ItemView;
	state: { answer: QuizItemState['answer']; result: ItemResult; counted: boolean } | null;
}

export async function stepPage(userId: number, slug: string, stepSlug: string) {
	const ctx = await notFoundOr(async () => await moduleContext(userId, slug));
	const step = await notFoundOr(() => stepOf(ctx, stepSlug));
	const steps = ctx.version.module.steps;
	const index = steps.findIndex((s) => s.slug === stepSlug);
	const neighbour = (i: number) =>
		steps[i] ? { slug: steps[i].slug, title: steps[i].meta.title } : null;
	const base = {
		module: {
			slug,
			title: ctx.version.module.meta.title,
			passMark: ctx.version.module.meta.passMark
		},
		step: {
			slug: stepSlug,
			title: step.meta.title,
			kind: step.meta.kind,
			index: index + 1,
			total: steps.length,
			status: ctx.steps.get(stepSlug)?.status ?? ('todo' as const)
		},
		stepsDone: steps.filter((s) => ctx.steps.get(s.slug)?.status === 'done').length,
		previous: neighbour(index - 1),
		next: neighbour(index + 1),
		indexPath: step.indexPath ?? null,
		html: authoredHtml(step)
	};

	if (step.meta.kind === 'vignette' && step.vignette) {
		const v = step.vignette;
		const state = await vignetteState(ctx, step);
		const ending = state.ended ? v.endings[state.current] : null;
		return {
			...base,
			vignette: {
				node: state.ended ? null : (nodeView(v, state.current) ?? null),
				ending: ending ? { title: ending.title, summary: paragraphs(ending.summary) } : null,
				path: state.path,
				last: state.path.at(-1) ?? null,
				firstRunDone: state.firstRunDone,
				header: v.header ?? null,
				// Signals and the acted/passed marks only after the ending.
				timeline: state.ended
					? caseTimeline(v, state.path, new Map(getCourse().signals.map((s) => [s.id, s.label])))
					: null
			}
		};
	}

	if (step.meta.kind === 'quiz' && step.quiz) {
		const answered = await quizState(ctx, step);
		const items: QuizEntry[] = step.quiz.items.map((item) => {
			const s = answered.get(item.id);
			return {
				view: itemView(item),
				state: s ? { answer: s.answer, result: s.result, counted: s.attempts === 1 } : null
			};
		});
		return { ...base, quiz: { items } };
	}

	if (step.meta.kind === 'assessment' && step.assessment) {
		const missing = missingForAssessment(ctx).map((s) => ({ slug: s.slug, title: s.meta.title }));
		const last = ctx.enrolment ? await openAttempt(ctx.enrolment.id, stepSlug) : undefined;
		// What the learner may see of the attempt (review, retake) is decided in assessment-review.ts.
		const attempt = last
			? await attemptView(
					last,
					await listAttempts(last.enrolmentId, stepSlug),
					step.assessment.pool,
					Date.now(),
					retakePolicy(ctx.enrolment?.extraAttempts)
				)
			: null;
		return {
			...base,
			assessment: {
				open: missing.length === 0 && !!ctx.enrolment,
				missing: ctx.enrolment
					? missing
					: steps
							.filter((s) => s.meta.kind !== 'assessment')
							.map((s) => ({ slug: s.slug, title: s.meta.title })),
				draw: step.assessment.draw,
				attempt,
				gain: last?.submittedAt ? gainView(await pretest.learnerGain(ctx)) : null
			}
		};
	}

	return { ...base, lesson: { done: base.step.status === 'done' } };
}

// Step slugs that are a lesson in every shipped module that has them, per loaded course.
const lessonSlugs = new WeakMap<object, Set<string>>();

/**
 * A step slug that is a lesson wherever the shipped course uses it: the `textonly` param matcher
 * sends such steps to the route without client JavaScript. An authored step that happens to
 * share the slug is served there too, complete (same load, actions and view), only without the
 * scripts: every step form works as a plain form.
 */
export function isLessonSlug(slug: string): boolean {
	const course = getCourse();
	let slugs = lessonSlugs.get(course);
	if (!slugs) {
		const other = new Set<string>();
		slugs = new Set<string>();
		for (const mod of course.modules) {
			for (const s of mod.steps) (s.meta.kind === 'lesson' ? slugs : other).add(s.slug);
		}
		for (const slug of other) slugs.delete(slug);
		lessonSlugs.set(course, slugs);
	}
	return slugs.has(slug);
}
