import { error } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { describeFailure } from '$lib/server/platform';
import * as lti from '$lib/server/lti';

// The teacher's deep-linking choice: answered with a signed LtiDeepLinkingResponse that the
// page posts back to the LMS.
export const load: PageServerLoad = () => ({ answer: null });

export const actions: Actions = {
	default: async ({ request }) => {
		const form = await request.formData();
		const token = form.get('token');
		const modules = form.getAll('module').filter((v) => typeof v === 'string');
		const result = await lti.respondToDeepLink(typeof token === 'string' ? token : '', modules);
		if (!result.ok) error(400, describeFailure(result.failure));
		return { answer: { returnUrl: result.returnUrl, jwt: result.jwt } };
	}
};
