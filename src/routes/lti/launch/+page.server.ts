import { error, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { describeFailure, setSessionCookie } from '$lib/server/platform';
import * as accounts from '$lib/server/accounts';
import * as lti from '$lib/server/lti';

// The LTI 1.3 launch: the LMS posts the ID token here (form_post). A resource link signs the
// learner in and opens the module; a deep-linking request shows the modules to choose from.
export const load: PageServerLoad = () => ({ choice: null });

export const actions: Actions = {
	default: async (event) => {
		const form = await event.request.formData();
		const field = (name: string) => {
			const value = form.get(name);
			return typeof value === 'string' && value.length <= 20_000 ? value : null;
		};
		const state = field('state');
		const cookieState = lti.readStateCookie(event.cookies, event.url, state);
		if (state && cookieState) lti.clearStateCookie(event.cookies, event.url, state);
		const result = await lti.completeLaunch({
			idToken: field('id_token'),
			state,
			cookieState,
			userAgent: event.request.headers.get('user-agent'),
			requestId: event.locals.requestId
		});
		if (!result.ok) error(400, describeFailure(result.failure));
		if (result.kind === 'deepLinking') {
			const platformModules = await lti.modulesFor(result.organisationId);
			const session = await lti.findDeepLink(result.token);
			return {
				choice: {
					token: result.token,
					modules: platformModules,
					multiple: session?.acceptMultiple ?? false,
					grades: session?.gradePassback ?? false
				}
			};
		}
		// Whoever was signed in in this browser before is signed out: this is the LMS's person.
		if (event.locals.session) await accounts.invalidateSession(event.locals.session.id);
		const session = await accounts.startLaunchSession(
			result.userId,
			event.request.headers.get('user-agent')
		);
		setSessionCookie(event.cookies, event.url, session.token, session.expiresAt);
		redirect(303, result.redirectTo);
	}
};
