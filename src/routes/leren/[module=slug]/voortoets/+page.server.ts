import { error, fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { requireRole } from '$lib/server/accounts';
import { messages } from '$lib/i18n';
import * as learning from '$lib/server/learning';

const m = messages.pretest;

export const load: PageServerLoad = (event) => {
	const user = requireRole(event, 'learner');
	return learning.pretestPage(user.id, event.params.module);
};

function field(form: FormData, name: string): string {
	const values = form.getAll(name);
	const value = values[0];
	if (values.length !== 1 || typeof value !== 'string' || value.length > 100) {
		error(400, { message: messages.errors.badRequest });
	}
	return value;
}

/** Runs a pre-test action and maps its refusals to a status and a Dutch message per form. */
function guarded(itemId: string | null, fn: () => void) {
	try {
		fn();
		return null;
	} catch (e) {
		if (!(e instanceof learning.ProgressError)) throw e;
		if (e.code === 'not-found') error(404, { message: 'Niet gevonden' });
		if (e.code === 'locked') {
			const refresher = e.detail === 'refresher';
			return fail(403, { itemId, message: refresher ? messages.learn.refresherClosed : m.closed });
		}
		if (e.code === 'conflict') return fail(409, { itemId, message: m.errors.notOpen });
		const [reason, extra] = e.detail.split(':');
		if (reason === 'unanswered') return fail(400, { itemId, message: m.errors.unanswered(+extra) });
		const message =
			reason === 'empty'
				? extra === 'classify'
					? messages.learn.errors.emptyClassify
					: extra === 'judge'
						? messages.learn.errors.emptyJudge
						: messages.learn.errors.empty
				: messages.learn.errors.invalid;
		return fail(400, { itemId, message });
	}
}

const here = (module: string, hash: string) => `/leren/${module}/voortoets#${hash}`;

export const actions: Actions = {
	begin: (event) => {
		const user = requireRole(event, 'learner');
		const { module } = event.params;
		const failure = guarded(null, () => learning.startPretest(user.id, module));
		if (failure) return failure;
		redirect(303, here(module, 'voortoets'));
	},
	skip: (event) => {
		const user = requireRole(event, 'learner');
		const { module } = event.params;
		const failure = guarded(null, () => learning.skipPretest(user.id, module));
		if (failure) return failure;
		const next = learning.pretestPage(user.id, module).next;
		redirect(303, `/leren/${module}${next ? `/${next}` : ''}`);
	},
	save: async (event) => {
		const user = requireRole(event, 'learner');
		const { module } = event.params;
		const form = await event.request.formData();
		const itemId = field(form, 'itemId');
		const failure = guarded(itemId, () => {
			const ctx = learning.notFoundOr(() => learning.moduleContext(user.id, module));
			const step = ctx.version.module.steps.find((s) => s.assessment);
			if (!step) error(404, { message: 'Niet gevonden' });
			const answer = learning.answerFromSubmission(user.id, module, step.slug, itemId, form);
			learning.answerPretestItem(user.id, module, itemId, answer);
		});
		if (failure) return failure;
		redirect(303, here(module, `vraag-${itemId}`));
	},
	submit: (event) => {
		const user = requireRole(event, 'learner');
		const { module } = event.params;
		const failure = guarded('submit', () => learning.submitPretest(user.id, module));
		if (failure) return failure;
		redirect(303, here(module, 'voortoets'));
	}
};
