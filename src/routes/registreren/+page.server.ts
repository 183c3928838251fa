import { fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { echo, parseForm } from '$lib/server/platform';
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
		const result = await accounts.register({ ...parsed.data, requestId: event.locals.requestId });
		if (!result.ok) {
			return fail(400, {
				form: { message: result.message, errors: { [result.field]: result.message }, values }
			});
		}
		redirect(303, '/aanmelden?melding=geregistreerd');
	}
};
