import { fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { clearSessionCookie, parseForm } from '$lib/server/platform';
import { requireUser } from '$lib/server/accounts';
import { passwordOnlySchema } from '$lib/schemas/account';
import { messages } from '$lib/i18n';
import * as accounts from '$lib/server/accounts';
import * as privacy from '$lib/server/privacy';

export const load: PageServerLoad = (event) => {
	requireUser(event);
	return {};
};

export const actions: Actions = {
	default: async (event) => {
		const user = requireUser(event);
		const parsed = parseForm(passwordOnlySchema, await event.request.formData(), ['password']);
		if (!parsed.ok) return fail(400, { form: { message: parsed.message, errors: parsed.errors } });
		// The password check is throttled (sudo mode) before the account is deleted.
		const again = await accounts.reauthenticate({
			userId: user.id,
			sessionId: event.locals.session!.id,
			password: parsed.data.password
		});
		if (!again.ok) {
			const text =
				again.reason === 'throttled'
					? messages.auth.throttled(Math.ceil(again.retryAfterMs / 60_000))
					: messages.account.twoFactor.passwordWrong;
			return fail(again.reason === 'throttled' ? 429 : 400, {
				form: { message: text, errors: { password: text } }
			});
		}
		// The password just typed opened sudo mode for this session; deletion requires it.
		const result = await privacy.deleteOwnAccount({
			userId: user.id,
			sessionId: event.locals.session!.id,
			requestId: event.locals.requestId
		});
		if (!result.ok) {
			const text =
				result.reason === 'last_admin'
					? messages.account.deleteLastAdmin
					: messages.account.twoFactor.passwordWrong;
			return fail(400, { form: { message: text, errors: { password: text } } });
		}
		clearSessionCookie(event.cookies, event.url);
		redirect(303, '/aanmelden?melding=account-verwijderd');
	}
};
