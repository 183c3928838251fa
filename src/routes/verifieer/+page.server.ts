import { fail, redirect } from '@sveltejs/kit';
import type { Actions } from './$types';
import { echo, parseForm } from '$lib/server/platform';
import { codeLookupSchema } from '$lib/schemas/certificates';

// Public: a code typed from a paper certificate or read aloud leads to its verify page.
export const actions: Actions = {
	default: async (event) => {
		const formData = await event.request.formData();
		const parsed = parseForm(codeLookupSchema, formData, ['code']);
		if (!parsed.ok) {
			return fail(400, {
				form: { message: parsed.message, errors: parsed.errors, values: echo(formData, ['code']) }
			});
		}
		redirect(303, `/verifieer/${parsed.data.code}`);
	}
};
