import { error, fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { requireRole } from '$lib/server/accounts';
import { messages } from '$lib/i18n';
import * as learning from '$lib/server/learning';
import { describeFailure, parseForm } from '$lib/server/platform';
import { z } from 'zod';

export const load: PageServerLoad = async (event) => {
	const user = requireRole(event, 'learner');
	return await learning.pretestPage(user.id, event.params.module);
};

const itemForm = z.object({ itemId: z.string().max(100) });

/** Runs a pre-test action and maps its refusals to a status and a Dutch message per form. */
async function guarded(itemId: string | null, fn: () => unknown) {
	try {
		await fn();
		return null;
	} catch (e) {
		if (!(e instanceof learning.ProgressError)) throw e;
		const message = describeFailure(e.failure);
		if (e.status === 404) error(404, { message });
		return fail(e.status, { itemId, message });
	}
}

const here = (module: string, hash: string) => `/leren/${module}/voortoets#${hash}`;

export const actions: Actions = {
	begin: async (event) => {
		const user = requireRole(event, 'learner');
		const { module } = event.params;
		const failure = await guarded(null, async () => await learning.startPretest(user.id, module));
		if (failure) return failure;
		redirect(303, here(module, 'voortoets'));
	},
	skip: async (event) => {
		const user = requireRole(event, 'learner');
		const { module } = event.params;
		const failure = await guarded(null, async () => await learning.skipPretest(user.id, module));
		if (failure) return failure;
		const next = (await learning.pretestPage(user.id, module)).next;
		redirect(303, `/leren/${module}${next ? `/${next}` : ''}`);
	},
	save: async (event) => {
		const user = requireRole(event, 'learner');
		const { module } = event.params;
		const form = await event.request.formData();
		const parsed = parseForm(itemForm, form, ['itemId']);
		if (!parsed.ok) error(400, { message: messages.errors.badRequest });
		const { itemId } = parsed.data;
		const failure = await guarded(itemId, async () => {
			const ctx = await learning.notFoundOr(
				async () => await learning.moduleContext(user.id, module)
			);
			const step = ctx.version.module.steps.find((s) => s.assessment);
			if (!step) error(404, { message: messages.codes['request.notFound'] });
			const answer = await learning.answerFromSubmission(user.id, module, step.slug, itemId, form);
			await learning.answerPretestItem(user.id, module, itemId, answer);
		});
		if (failure) return failure;
		redirect(303, here(module, `vraag-${itemId}`));
	},
	submit: async (event) => {
		const user = requireRole(event, 'learner');
		const { module } = event.params;
		const failure = await guarded(
			'submit',
			async () => await learning.submitPretest(user.id, module)
		);
		if (failure) return failure;
		redirect(303, here(module, 'voortoets'));
	}
};
