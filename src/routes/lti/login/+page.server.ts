import { error, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad, RequestEvent } from './$types';
import { describeFailure } from '$lib/server/platform';
import * as lti from '$lib/server/lti';

// OIDC third-party-initiated login (LTI 1.3): the LMS sends the browser here by GET or POST.
// Inside a frame the browser would drop our cookies, so the person is offered a new window.
async function login(event: RequestEvent, params: URLSearchParams | FormData) {
	const result = await lti.startLogin(params);
	if (!result.ok) error(400, describeFailure(result.failure));
	if (event.request.headers.get('sec-fetch-dest') === 'iframe') {
		const again = new URLSearchParams();
		for (const [key, value] of params.entries())
			if (typeof value === 'string') again.set(key, value);
		return { framed: true, newWindow: `/lti/login?${again.toString()}` };
	}
	lti.setStateCookie(event.cookies, event.url, result.state);
	redirect(302, result.redirectTo);
}

export const load: PageServerLoad = async (event) => {
	// A POST is handled by the action below; its result is the page's `form`.
	if (event.request.method !== 'GET') return { framed: false, newWindow: '' };
	return await login(event, event.url.searchParams);
};

export const actions: Actions = {
	default: async (event) => await login(event, await event.request.formData())
};
