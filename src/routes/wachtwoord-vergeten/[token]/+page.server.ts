import { fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { clearSessionCookie, noErrors, parseForm } from '$lib/server/platform';
import { newPasswordSchema } from '$lib/schemas/auth';
import * as accounts from '$lib/server/accounts';

export const load: PageServerLoad = async ({ params, setHeaders }) => {
	// The token is in the URL: never leak it to another site through the Referer header.
	setHeaders({ 'referrer-policy': 'no-referrer' });
	return { valid: !!(await accounts.findValidReset(params.token)) };
};

const fields = ['password', 'confirm'] as const;

export const actions: Actions = {
	default: async (event) => {
		// No setHeaders here: a failed submit re-runs load, which sets Referrer-Policy itself
		// (setting it twice is an error); hooks.server.ts also covers every token path.
		const formData = await event.request.formData();
		const parsed = parseForm(newPasswordSchema, formData, fields);
		if (!parsed.ok) return fail(400, { form: { message: parsed.message, errors: parsed.errors } });
		const result = await accounts.resetPassword({
			token: event.params.token,
			password: parsed.data.password,
			requestId: event.locals.requestId
		});
		if (!result.ok) {
			if (result.reason === 'policy') {
				return fail(400, {
					form: { message: result.message, errors: { password: result.message } }
				});
			}
			return fail(400, { form: { message: '', errors: noErrors(), invalid: true } });
		}
		clearSessionCookie(event.cookies, event.url);
		redirect(303, '/aanmelden?melding=wachtwoord-gewijzigd');
	}
};
