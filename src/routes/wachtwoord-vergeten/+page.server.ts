import { fail } from '@sveltejs/kit';
import type { Actions } from './$types';
import { echo, noErrors, noValues, parseForm } from '$lib/server/platform';
import { resetRequestSchema } from '$lib/schemas/auth';
import { messages } from '$lib/i18n';
import * as accounts from '$lib/server/accounts';

const fields = ['email'] as const;

export const actions: Actions = {
	default: async (event) => {
		const formData = await event.request.formData();
		const values = echo(formData, fields);
		const parsed = parseForm(resetRequestSchema, formData, fields);
		if (!parsed.ok) {
			return fail(400, {
				form: { message: parsed.message, errors: parsed.errors, values, sent: false }
			});
		}
		const result = await accounts.requestPasswordReset({
			email: parsed.data.email,
			address: event.getClientAddress(),
			requestId: event.locals.requestId
		});
		if (!result.ok) {
			event.setHeaders({ 'retry-after': String(Math.ceil(result.retryAfterMs / 1000)) });
			const minutes = Math.ceil(result.retryAfterMs / 60_000);
			return fail(429, {
				form: { message: messages.auth.throttled(minutes), errors: noErrors(), values, sent: false }
			});
		}
		return { form: { message: '', errors: noErrors(), values: noValues(), sent: true } };
	}
};
