import { fail } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { noErrors, parseForm, config } from '$lib/server/platform';
import { mustEnrolTwoFactor, requireSudo, requireUser, isStaff } from '$lib/server/accounts';
import { passwordOnlySchema, totpSchema } from '$lib/schemas/account';
import { messages } from '$lib/i18n';
import * as accounts from '$lib/server/accounts';

const m = messages.account.twoFactor;

export const load: PageServerLoad = async (event) => {
	const user = requireUser(event);
	const status = await accounts.getStatus(user.id);
	// Enrolling a new factor needs sudo mode: confirm the password first, then come back here.
	if (!status.enabled) requireSudo(event);
	return {
		status,
		required: mustEnrolTwoFactor(user),
		staffRule: config.requireStaff2fa && isStaff(user.roles),
		enrolment: status.enabled ? null : await accounts.startEnrolment(user.id, user.email)
	};
};

export const actions: Actions = {
	aanzetten: async (event) => {
		const user = requireUser(event);
		const parsed = parseForm(totpSchema, await event.request.formData(), ['code']);
		if (!parsed.ok) {
			return fail(400, { enable: { message: parsed.message, errors: parsed.errors } });
		}
		// Sudo mode: a new factor needs the password typed in the last 10 minutes.
		requireSudo(event);
		const result = await accounts.confirmEnrolment({
			userId: user.id,
			sessionId: event.locals.session!.id,
			code: parsed.data.code,
			requestId: event.locals.requestId
		});
		if (!result.ok) {
			const text =
				result.reason === 'throttled'
					? m.throttled(Math.ceil(result.retryAfterMs / 1000))
					: m.codeWrong;
			return fail(result.reason === 'throttled' ? 429 : 400, {
				enable: { message: text, errors: { code: text } }
			});
		}
		return { notice: m.enabled, recoveryCodes: result.recoveryCodes };
	},
	herstelcodes: async (event) => {
		const user = requireUser(event);
		requireSudo(event);
		const codes = await accounts.regenerateRecoveryCodes(user.id, event.locals.requestId);
		if (!codes) return fail(400, { notice: messages.errors.badRequest });
		return { recoveryCodes: codes };
	},
	uitzetten: async (event) => {
		const user = requireUser(event);
		const parsed = parseForm(passwordOnlySchema, await event.request.formData(), ['password']);
		if (!parsed.ok) {
			return fail(400, { disable: { message: parsed.message, errors: parsed.errors } });
		}
		// The password typed here is the sudo check (throttled) before two-factor goes off.
		const done = await accounts.disable({
			userId: user.id,
			sessionId: event.locals.session!.id,
			password: parsed.data.password,
			requestId: event.locals.requestId
		});
		if (!done) {
			return fail(400, {
				disable: { message: m.passwordWrong, errors: { password: m.passwordWrong } }
			});
		}
		return { notice: m.disabled, disable: { message: '', errors: noErrors() } };
	}
};
