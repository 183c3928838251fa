import { fail, redirect } from '@sveltejs/kit';
import { messages } from '$lib/i18n';
import type { Actions, PageServerLoad } from './$types';
import * as progress from '$lib/server/progress';
import * as pages from '$lib/server/learner-pages';
import { requireRole } from '$lib/server/guards';

export const load: PageServerLoad = (event) => {
	const user = requireRole(event, 'learner');
	return pages.modulePage(user.id, event.params.module);
};

export const actions: Actions = {
	start: (event) => {
		const user = requireRole(event, 'learner');
		let enrolment;
		try {
			enrolment = pages.notFoundOr(() => progress.startModule(user.id, event.params.module));
		} catch (e) {
			if (e instanceof progress.ProgressError && e.code === 'locked') {
				return fail(403, { message: messages.learn.refresherClosed });
			}
			throw e;
		}
		redirect(303, pages.startTarget(user.id, event.params.module, enrolment.currentStep));
	}
};
