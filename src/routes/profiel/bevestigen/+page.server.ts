import { fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { parseForm } from '$lib/server/platform';
import { requireUser, safeReturnPath } from '$lib/server/accounts';
import { passwordOnlySchema } from '$lib/schemas/account';
import { messages } from '$lib/i18n';
import * as accounts from '$lib/server/accounts';

// Sudo mode (ASVS 3.7): the password typed again opens 10 minutes for changing a factor, the
// e-mail, the password or deleting the account; then back to where the person was.
export const load: PageServerLoad = (event) => {
	requireUser(event);
	return { returnTo: safeReturnPath(event.url.searchParams.get('terug')) };
};

export const actions: Actions = {
	default: async (event) => {
		const user = requireUser(event);
		const returnTo = safeReturnPath(event.url.searchParams.get('terug'));
		const parsed = parseForm(passwordOnlySchema, await event.request.formData(), ['password']);
		if (!parsed.ok) return fail(400, { form: { message: parsed.message, errors: parsed.errors } });
		const again = await accounts.reauthenticate({
			userId: user.id,
			sessionId: event.locals.session!.id,
			password: parsed.data.password
		});
		if (!again.ok) {
			const throttled = again.reason === 'throttled';
			if (throttled) {
				event.setHeaders({ 'retry-after': String(Math.ceil(again.retryAfterMs / 1000)) });
			}
			const text = throttled
				? messages.auth.throttled(Math.ceil(again.retryAfterMs / 60_000))
				: messages.account.confirm.wrong;
			return fail(throttled ? 429 : 400, { form: { message: text, errors: { password: text } } });
		}
		redirect(303, returnTo);
	}
};
