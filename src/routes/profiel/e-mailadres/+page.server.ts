import { fail } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { echo, parseForm } from '$lib/server/platform';
import { requireSudo, requireUser } from '$lib/server/accounts';
import { changeEmailSchema } from '$lib/schemas/account';
import { messages } from '$lib/i18n';
import * as accounts from '$lib/server/accounts';

const m = messages.account.emailChange;

// The e-mail address is how an account is recovered: changing it needs sudo mode.
export const load: PageServerLoad = (event) => {
	const user = requireUser(event);
	requireSudo(event);
	return { current: user.email };
};

export const actions: Actions = {
	default: async (event) => {
		const user = requireUser(event);
		requireSudo(event);
		const formData = await event.request.formData();
		const values = echo(formData, ['email'] as const);
		const parsed = parseForm(changeEmailSchema, formData, ['email']);
		if (!parsed.ok) {
			return fail(400, { form: { message: parsed.message, errors: parsed.errors, values } });
		}
		const result = await accounts.requestEmailChange({
			userId: user.id,
			newEmail: parsed.data.email,
			requestId: event.locals.requestId
		});
		if (!result.ok) {
			const text =
				result.reason === 'throttled'
					? m.throttled(Math.ceil(result.retryAfterMs / 60_000))
					: m.same;
			return fail(result.reason === 'throttled' ? 429 : 400, {
				form: { message: text, errors: { email: text }, values }
			});
		}
		return { sent: m.sent(parsed.data.email) };
	}
};
