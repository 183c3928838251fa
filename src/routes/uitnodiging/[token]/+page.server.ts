import { fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { echo, noErrors, noValues, parseForm } from '$lib/server/platform';
import { homeFor } from '$lib/server/accounts';
import { acceptInvitationSchema } from '$lib/schemas/auth';
import * as organisations from '$lib/server/organisations';

export const load: PageServerLoad = async ({ params, locals, setHeaders }) => {
	setHeaders({ 'referrer-policy': 'no-referrer' });
	const open = await organisations.findOpenInvitation(params.token);
	if (!open) return { valid: false as const };
	return {
		valid: true as const,
		organisationName: open.organisationName,
		email: open.invitation.email,
		name: open.invitation.name ?? '',
		accountExists: open.accountExists,
		signedInAsInvitee: locals.user?.email === open.invitation.email
	};
};

const fields = ['name', 'password', 'confirm'] as const;

export const actions: Actions = {
	accept: async (event) => {
		const formData = await event.request.formData();
		const values = echo(formData, fields);
		const parsed = parseForm(acceptInvitationSchema, formData, fields);
		if (!parsed.ok) {
			return fail(400, { form: { message: parsed.message, errors: parsed.errors, values } });
		}
		const result = await organisations.acceptInvitation({
			token: event.params.token,
			name: parsed.data.name,
			password: parsed.data.password,
			requestId: event.locals.requestId
		});
		if (!result.ok) {
			if (result.reason === 'policy') {
				return fail(400, {
					form: { message: result.message, errors: { password: result.message }, values }
				});
			}
			return fail(400, { form: { message: '', errors: noErrors(), values, invalid: true } });
		}
		redirect(303, '/aanmelden?melding=account-klaar');
	},
	link: async (event) => {
		const user = event.locals.user;
		if (!user) redirect(303, `/aanmelden?redirectTo=${encodeURIComponent(event.url.pathname)}`);
		const linked = await organisations.attachInvitationToAccount(
			event.params.token,
			user.id,
			user.email
		);
		if (!linked)
			return fail(400, {
				form: { message: '', errors: noErrors(), values: noValues(), invalid: true }
			});
		redirect(303, homeFor(user.roles));
	}
};
