import { fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import * as accounts from '$lib/server/accounts';

// The confirmation link of a self-registration. Opening it only shows a button: mail scanners
// that fetch links must not create the account; the POST does.
export const load: PageServerLoad = async ({ params, setHeaders }) => {
	setHeaders({ 'referrer-policy': 'no-referrer' });
	return { valid: await accounts.isRegistrationLinkValid(params.token) };
};

export const actions: Actions = {
	default: async (event) => {
		const done = await accounts.confirmRegistration({
			token: event.params.token,
			requestId: event.locals.requestId
		});
		if (!done) return fail(400, { invalid: true });
		redirect(303, '/aanmelden?melding=bevestigd');
	}
};
