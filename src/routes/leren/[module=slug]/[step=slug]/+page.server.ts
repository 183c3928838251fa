import { error, fail, redirect, type RequestEvent } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import * as progress from '$lib/server/progress';
import * as pages from '$lib/server/learner-pages';
import { requireRole } from '$lib/server/guards';
import { messages } from '$lib/i18n';

const m = messages.learn;

export const load: PageServerLoad = (event) => {
	const user = requireRole(event, 'learner');
	const step = pages.stepPage(user.id, event.params.module, event.params.step);
	// The few strings of the page frame travel as data, so the browser does not download the whole
	// `learn` section on a lesson step (the quiz, vignette and assessment views still import it).
	const text = {
		stepOf: `${m.kinds[step.step.kind]} · ${m.stepOf(step.step.index, step.step.total)}`,
		progress: m.stepsProgress(step.stepsDone, step.step.total),
		previous: m.previous,
		next: m.next,
		backToModule: m.backToModule,
		lessonIsDone: m.lessonIsDone,
		lessonDone: step.next ? m.lessonDone : m.lessonDoneLast
	};
	return { ...step, text };
};

/** Dutch message for a refused answer; `detail` is "<reason>:<item type>" or "unanswered:<n>". */
function badAnswerMessage(detail: string): string {
	const [reason, extra] = detail.split(':');
	if (reason === 'unanswered') return m.errors.unanswered(Number(extra));
	if (reason === 'empty') {
		return extra === 'classify'
			? m.errors.emptyClassify
			: extra === 'judge'
				? m.errors.emptyJudge
				: m.errors.empty;
	}
	return m.errors.invalid;
}

function field(form: FormData, name: string): string {
	const values = form.getAll(name);
	const value = values[0];
	if (values.length !== 1 || typeof value !== 'string' || value.length > 100) {
		error(400, { message: messages.errors.badRequest });
	}
	return value;
}

/** Runs a progress action and maps its refusals to a status and a Dutch message per form. */
function guarded<T>(itemId: string | null, fn: () => T) {
	try {
		return { ok: true as const, value: fn() };
	} catch (e) {
		if (!(e instanceof progress.ProgressError)) throw e;
		if (e.code === 'not-found') error(404, { message: 'Niet gevonden' });
		if (e.code === 'locked')
			return {
				ok: false as const,
				failure: fail(403, { itemId, message: m.assessment.lockedTitle })
			};
		if (e.code === 'conflict') {
			return {
				ok: false as const,
				failure: fail(409, {
					itemId,
					message: itemId === 'vignette' ? m.conflict : m.errors.noAttempt
				})
			};
		}
		return {
			ok: false as const,
			failure: fail(400, { itemId, message: badAnswerMessage(e.detail) })
		};
	}
}

function here(event: RequestEvent, hash = ''): string {
	return `${event.url.pathname}${hash ? `#${hash}` : ''}`;
}

export const actions: Actions = {
	complete: (event) => {
		const user = requireRole(event, 'learner');
		const { module, step } = event.params as { module: string; step: string };
		const result = guarded(null, () => progress.completeLesson(user.id, module, step));
		if (!result.ok) return result.failure;
		const next = pages.stepPage(user.id, module, step).next;
		redirect(303, next ? `/leren/${module}/${next.slug}` : `/leren/${module}`);
	},
	answer: async (event) => {
		const user = requireRole(event, 'learner');
		const { module, step } = event.params as { module: string; step: string };
		const form = await event.request.formData();
		const itemId = field(form, 'itemId');
		const result = guarded(itemId, () => {
			const answer = progress.answerFromSubmission(user.id, module, step, itemId, form);
			return progress.answerQuizItem(user.id, module, step, itemId, answer);
		});
		if (!result.ok) return result.failure;
		redirect(303, here(event, `vraag-${itemId}`));
	},
	choose: async (event) => {
		const user = requireRole(event, 'learner');
		const { module, step } = event.params as { module: string; step: string };
		const form = await event.request.formData();
		const node = field(form, 'node');
		const choice = Number(field(form, 'choice'));
		const result = guarded('vignette', () =>
			progress.chooseInVignette(user.id, module, step, node, choice)
		);
		if (!result.ok) return result.failure;
		redirect(303, here(event, 'casus'));
	},
	restart: (event) => {
		const user = requireRole(event, 'learner');
		const { module, step } = event.params as { module: string; step: string };
		const result = guarded('vignette', () => progress.restartVignette(user.id, module, step));
		if (!result.ok) return result.failure;
		redirect(303, here(event, 'casus'));
	},
	start: (event) => {
		const user = requireRole(event, 'learner');
		const { module, step } = event.params as { module: string; step: string };
		const result = guarded(null, () => progress.startAssessment(user.id, module, step));
		if (!result.ok) return result.failure;
		redirect(303, here(event, 'toets'));
	},
	save: async (event) => {
		const user = requireRole(event, 'learner');
		const { module, step } = event.params as { module: string; step: string };
		const form = await event.request.formData();
		const itemId = field(form, 'itemId');
		const result = guarded(itemId, () => {
			const answer = progress.answerFromSubmission(user.id, module, step, itemId, form);
			progress.answerAssessmentItem(user.id, module, step, itemId, answer);
		});
		if (!result.ok) return result.failure;
		redirect(303, here(event, `vraag-${itemId}`));
	},
	submit: (event) => {
		const user = requireRole(event, 'learner');
		const { module, step } = event.params as { module: string; step: string };
		const result = guarded('submit', () => progress.submitAssessment(user.id, module, step));
		if (!result.ok) return result.failure;
		redirect(303, here(event, 'resultaat'));
	}
};
