import { error, fail, redirect, type RequestEvent } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { requireRole } from '$lib/server/accounts';
import { messages } from '$lib/i18n';
import * as authoring from '$lib/server/authoring';
import { describeFailure, parseForm } from '$lib/server/platform';
import { z } from 'zod';

// The preview writes nothing: answers are graded and returned, the vignette path and the
// assessment draw travel in the URL (`pad`, `trekking`).
const t = messages.authoringLearner;

function notFound(): never {
	error(404, { message: messages.errors[404] });
}

/** Runs a preview function; an unknown draft, step or item is a 404. */
async function previewOr<T>(fn: () => T | Promise<T>): Promise<T> {
	try {
		return await fn();
	} catch (e) {
		if (e instanceof authoring.PreviewError && e.code === 'not-found') notFound();
		throw e;
	}
}

async function context(event: RequestEvent) {
	const user = requireRole(event, 'trainer');
	const { draft, step } = event.params as { draft: string; step: string };
	return {
		draft,
		step,
		content: await previewOr(async () => await authoring.draftForPreview(user, draft))
	};
}

function one(params: URLSearchParams, name: string): string | null {
	const values = params.getAll(name);
	return values.length === 1 && values[0].length <= 2000 ? values[0] : null;
}

// The item or node the learner answered, and the choice made: one short text each. The answer
// fields themselves are read by the grader, as on the learner's own step page.
const code = z.string().max(100);
const answerSchema = z.object({ itemId: code });
const chooseSchema = z.object({ node: code, choice: code.transform(Number) });

/** The parsed form, or a 400 for a form this page never sends. */
function fields<S extends z.ZodType>(schema: S, form: FormData, names: string[]): z.output<S> {
	const parsed = parseForm(schema, form, names);
	if (!parsed.ok) error(400, { message: messages.errors.badRequest });
	return parsed.data;
}

export const load: PageServerLoad = async (event) => {
	const { draft, step, content } = await context(event);
	const params = event.url.searchParams;
	const wanted = one(params, 'trekking');
	const data = await previewOr(() =>
		authoring.previewStep(content, step, { pad: one(params, 'pad'), draw: wanted })
	);
	// A new draw goes into the URL, so answering (with or without JavaScript) keeps the same items.
	if ('assessmentPreview' in data && data.assessmentPreview) {
		const drawn = data.assessmentPreview.items.map((i) => i.view.id).join(',');
		if (wanted !== drawn) redirect(303, `${event.url.pathname}?trekking=${drawn}`);
	}
	return { draftId: draft, ...data };
};

export const actions: Actions = {
	complete: async (event) => {
		const { draft, step, content } = await context(event);
		const next = (await previewOr(() => authoring.previewStep(content, step))).next;
		const base = `/auteur/concepten/${draft}/voorbeeld`;
		redirect(303, next ? `${base}/${next.slug}` : base);
	},
	answer: async (event) => {
		const { step, content } = await context(event);
		const form = await event.request.formData();
		const { itemId } = fields(answerSchema, form, ['itemId']);
		try {
			return { answered: authoring.previewAnswer(content, step, itemId, form) };
		} catch (e) {
			if (!(e instanceof authoring.PreviewError)) throw e;
			if (e.code === 'not-found') notFound();
			return fail(400, { itemId, message: describeFailure(e.failure) });
		}
	},
	choose: async (event) => {
		const { step, content } = await context(event);
		const form = await event.request.formData();
		const { node, choice } = fields(chooseSchema, form, ['node', 'choice']);
		try {
			const pad = one(event.url.searchParams, 'pad');
			const outcome = authoring.previewChoose(content, step, pad, node, choice);
			redirect(303, `${event.url.pathname}?pad=${outcome.pad}#casus`);
		} catch (e) {
			if (!(e instanceof authoring.PreviewError)) throw e;
			if (e.code === 'not-found') notFound();
			return fail(e.code === 'conflict' ? 409 : 400, {
				itemId: 'vignette',
				message: e.code === 'conflict' ? t.stale : describeFailure(e.failure)
			});
		}
	},
	restart: async (event) => {
		await context(event);
		redirect(303, `${event.url.pathname}#casus`);
	}
};
