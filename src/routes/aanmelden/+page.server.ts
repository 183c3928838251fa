import { fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { setSessionCookie, echo, noErrors, parseForm } from '$lib/server/platform';
import { homeFor, safeRedirectPath } from '$lib/server/accounts';
import { loginSchema } from '$lib/schemas/auth';
import { messages } from '$lib/i18n';
import { noticeFor } from '$lib/notices';
import * as accounts from '$lib/server/accounts';

export const load: PageServerLoad = ({ locals, url }) => {
	const redirectTo = safeRedirectPath(url.searchParams.get('redirectTo'), '');
	if (locals.user) redirect(303, redirectTo || homeFor(locals.user.roles));
	if (locals.pendingSession) redirect(303, secondStepPath(redirectTo));
	return { redirectTo, notice: noticeFor(url.searchParams.get('melding')) };
};

const fields = ['email', 'password'] as const;

function secondStepPath(redirectTo: string): string {
	return `/aanmelden/code${redirectTo ? `?redirectTo=${encodeURIComponent(redirectTo)}` : ''}`;
}

export const actions: Actions = {
	default: async (event) => {
		const formData = await event.request.formData();
		const values = echo(formData, fields);
		const parsed = parseForm(loginSchema, formData, fields);
		if (!parsed.ok) {
			return fail(400, { form: { message: parsed.message, errors: parsed.errors, values } });
		}
		const result = await accounts.signIn({
			email: parsed.data.email,
			password: parsed.data.password,
			address: event.getClientAddress(),
			userAgent: event.request.headers.get('user-agent'),
			requestId: event.locals.requestId
		});
		if (!result.ok) {
			if (result.reason === 'throttled') {
				event.setHeaders({ 'retry-after': String(Math.ceil(result.retryAfterMs / 1000)) });
				const minutes = Math.ceil(result.retryAfterMs / 60_000);
				return fail(429, {
					form: { message: messages.auth.throttled(minutes), errors: noErrors(), values }
				});
			}
			return fail(400, {
				form: { message: messages.auth.loginFailed, errors: noErrors(), values }
			});
		}
		setSessionCookie(event.cookies, event.url, result.token, result.expiresAt);
		const target = safeRedirectPath(event.url.searchParams.get('redirectTo'), '');
		if (result.needsSecondFactor) redirect(303, secondStepPath(target));
		redirect(303, target || homeFor(result.access.roles));
	}
};
