import { fail } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { requireUser } from '$lib/server/accounts';
import * as accounts from '$lib/server/accounts';

// Opening the link only shows a button: mail scanners that follow links change nothing.
export const load: PageServerLoad = async (event) => {
	const user = requireUser(event);
	event.setHeaders({ 'referrer-policy': 'no-referrer' });
	const pending = await accounts.findEmailChange(event.params.token, user.id);
	return pending ? { valid: true as const, email: pending.newEmail } : { valid: false as const };
};

export const actions: Actions = {
	default: async (event) => {
		const user = requireUser(event);
		const email = await accounts.confirmEmailChange({
			token: event.params.token,
			userId: user.id,
			requestId: event.locals.requestId
		});
		if (!email) return fail(400, { invalid: true as const });
		return { changed: email };
	}
};
