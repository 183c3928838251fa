import { error, fail, redirect, type RequestEvent } from '@sveltejs/kit';
import type { Component } from 'svelte';
import { render } from 'svelte/server';
import type { Actions, PageServerLoad } from './$types';
import { requireRole } from '$lib/server/accounts';
import { messages } from '$lib/i18n';
import * as learning from '$lib/server/learning';
import { describeFailure, parseForm } from '$lib/server/platform';
import { z } from 'zod';

const m = messages.learn;

// The prose of a shipped quiz, vignette or assessment step (Markdown without components) is
// rendered here once per step and sent as HTML: the browser then needs no map of every step's
// prose chunk nor the prose component itself. Lesson steps render theirs in
// ../[step=textonly]/+page.ts, without client JavaScript.
const prose = import.meta.glob<{ default: Component }>('/modules/*/*/index.md');
const proseHtml = new Map<string, Promise<string>>();

export function _renderProse(indexPath: string): Promise<string> | null {
	const loader = prose[indexPath];
	if (!loader) return null;
	let html = proseHtml.get(indexPath);
	if (!html) {
		html = loader().then((m) => render(m.default).body);
		html.catch(() => proseHtml.delete(indexPath));
		proseHtml.set(indexPath, html);
	}
	return html;
}

/** The step page's data; `withProse` puts a shipped step's prose in `html` (see above). */
export async function _loadStep(
	event: RequestEvent<
		{ module: string; step: string },
		'/leren/[module=slug]/[step=slug]' | '/leren/[module=slug]/[step=textonly]'
	>,
	withProse: boolean
) {
	const user = requireRole(event, 'learner');
	const step = await learning.stepPage(user.id, event.params.module, event.params.step);
	// The few strings of the page frame travel as data, so the browser does not download the whole
	// `learn` section on a lesson step (the quiz, vignette and assessment views still import it).
	const text = {
		stepOf: `${m.kinds[step.step.kind]} · ${m.stepOf(step.step.index, step.step.total)}`,
		progress: m.stepsProgress(step.stepsDone, step.step.total),
		previous: m.previous,
		next: m.next,
		backToModule: m.backToModule,
		stepsNav: m.stepsNav,
		lessonIsDone: m.lessonIsDone,
		lessonDone: step.next ? m.lessonDone : m.lessonDoneLast
	};
	const shipped = withProse && step.indexPath ? _renderProse(step.indexPath) : null;
	return { ...step, html: shipped ? await shipped : step.html, text };
}

export const load: PageServerLoad = (event) => _loadStep(event, true);

// Item ids and vignette nodes are author-chosen ids; the grader checks them against the step.
const itemForm = z.object({ itemId: z.string().max(100) });
const choiceForm = z.object({
	node: z.string().max(100),
	choice: z.string().max(100).transform(Number)
});

/** The form's fields, or a 400 for a forged form (missing, repeated or file-valued fields). */
function readForm<S extends z.ZodType>(schema: S, form: FormData, fields: readonly string[]) {
	const parsed = parseForm(schema, form, fields);
	if (!parsed.ok) error(400, { message: messages.errors.badRequest });
	return parsed.data;
}

/** Runs a progress action and maps its refusals to a status and a Dutch message per form. */
async function guarded<T>(itemId: string | null, fn: () => T | Promise<T>) {
	try {
		return { ok: true as const, value: await fn() };
	} catch (e) {
		if (!(e instanceof learning.ProgressError)) throw e;
		const message = describeFailure(e.failure);
		if (e.status === 404) error(404, { message });
		return { ok: false as const, failure: fail(e.status, { itemId, message }) };
	}
}

/** `guarded` for the answer actions, which wait for the group commit that makes them durable. */
async function guardedWrite<T>(itemId: string | null, fn: () => Promise<T>) {
	try {
		return { ok: true as const, value: await fn() };
	} catch (e) {
		return await guarded(itemId, () => {
			throw e;
		});
	}
}

function here(event: RequestEvent, hash = ''): string {
	return `${event.url.pathname}${hash ? `#${hash}` : ''}`;
}

export const actions: Actions = {
	complete: async (event) => {
		const user = requireRole(event, 'learner');
		const { module, step } = event.params as { module: string; step: string };
		const result = await guarded(
			null,
			async () => await learning.completeLesson(user.id, module, step)
		);
		if (!result.ok) return result.failure;
		const next = (await learning.stepPage(user.id, module, step)).next;
		redirect(303, next ? `/leren/${module}/${next.slug}` : `/leren/${module}`);
	},
	answer: async (event) => {
		const user = requireRole(event, 'learner');
		const { module, step } = event.params as { module: string; step: string };
		const form = await event.request.formData();
		const { itemId } = readForm(itemForm, form, ['itemId']);
		const result = await guardedWrite(itemId, () =>
			learning.submitQuizAnswer(user.id, module, step, itemId, form)
		);
		if (!result.ok) return result.failure;
		redirect(303, here(event, `vraag-${itemId}`));
	},
	choose: async (event) => {
		const user = requireRole(event, 'learner');
		const { module, step } = event.params as { module: string; step: string };
		const form = await event.request.formData();
		const { node, choice } = readForm(choiceForm, form, ['node', 'choice']);
		const result = await guardedWrite('vignette', () =>
			learning.recordVignetteChoice(user.id, module, step, node, choice)
		);
		if (!result.ok) return result.failure;
		redirect(303, here(event, 'casus'));
	},
	restart: async (event) => {
		const user = requireRole(event, 'learner');
		const { module, step } = event.params as { module: string; step: string };
		const result = await guarded(
			'vignette',
			async () => await learning.restartVignette(user.id, module, step)
		);
		if (!result.ok) return result.failure;
		redirect(303, here(event, 'casus'));
	},
	start: async (event) => {
		const user = requireRole(event, 'learner');
		const { module, step } = event.params as { module: string; step: string };
		const result = await guarded(
			'start',
			async () => await learning.startAssessment(user.id, module, step)
		);
		if (!result.ok) return result.failure;
		redirect(303, here(event, 'toets'));
	},
	save: async (event) => {
		const user = requireRole(event, 'learner');
		const { module, step } = event.params as { module: string; step: string };
		const form = await event.request.formData();
		const { itemId } = readForm(itemForm, form, ['itemId']);
		const result = await guardedWrite(itemId, async () => {
			const answer = await learning.answerFromSubmission(user.id, module, step, itemId, form);
			return learning.recordAssessmentAnswer(user.id, module, step, itemId, answer);
		});
		if (!result.ok) return result.failure;
		redirect(303, here(event, `vraag-${itemId}`));
	},
	submit: async (event) => {
		const user = requireRole(event, 'learner');
		const { module, step } = event.params as { module: string; step: string };
		const result = await guarded(
			'submit',
			async () => await learning.submitAssessment(user.id, module, step)
		);
		if (!result.ok) return result.failure;
		redirect(303, here(event, 'resultaat'));
	}
};
