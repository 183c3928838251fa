import { fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { echo, noErrors, parseForm } from '$lib/server/platform';
import { messages } from '$lib/i18n';
import { homeFor } from '$lib/server/accounts';
import { registerSchema } from '$lib/schemas/auth';
import * as accounts from '$lib/server/accounts';

export const load: PageServerLoad = ({ locals }) => {
	if (locals.user) redirect(303, homeFor(locals.user.roles));
};

const fields = ['name', 'email', 'password', 'audience'] as const;

export const actions: Actions = {
	default: async (event) => {
		const formData = await event.request.formData();
		const values = echo(formData, fields);
		const parsed = parseForm(registerSchema, formData, fields);
		if (!parsed.ok) {
			return fail(400, { form: { message: parsed.message, errors: parsed.errors, values } });
		}
		const result = await accounts.register({
			...parsed.data,
			address: event.getClientAddress(),
			requestId: event.locals.requestId
		});
		if (!result.ok && 'reason' in result) {
			event.setHeaders({ 'retry-after': String(Math.ceil(result.retryAfterMs / 1000)) });
			const minutes = Math.ceil(result.retryAfterMs / 60_000);
			return fail(429, {
				form: { message: messages.auth.throttled(minutes), errors: noErrors(), values }
			});
		}
		if (!result.ok) {
			return fail(400, {
				form: { message: result.message, errors: { [result.field]: result.message }, values }
			});
		}
		redirect(303, '/aanmelden?melding=geregistreerd');
	}
};
