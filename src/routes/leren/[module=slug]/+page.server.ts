import { fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { requireRole } from '$lib/server/accounts';
import * as learning from '$lib/server/learning';
import { describeFailure } from '$lib/server/platform';

export const load: PageServerLoad = async (event) => {
	const user = requireRole(event, 'learner');
	return await learning.modulePage(user.id, event.params.module);
};

export const actions: Actions = {
	start: async (event) => {
		const user = requireRole(event, 'learner');
		let enrolment;
		try {
			enrolment = await learning.notFoundOr(
				async () => await learning.startModule(user.id, event.params.module)
			);
		} catch (e) {
			if (e instanceof learning.ProgressError && e.status === 403) {
				return fail(403, { message: describeFailure(e.failure) });
			}
			throw e;
		}
		redirect(303, await learning.startTarget(user.id, event.params.module, enrolment.currentStep));
	}
};
