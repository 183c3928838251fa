import { fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { describeFailure, setSessionCookie, echo, noErrors, parseForm } from '$lib/server/platform';
import { homeFor, safeRedirectPath } from '$lib/server/accounts';
import { loginSchema, resetRequestSchema } from '$lib/schemas/auth';
import { messages } from '$lib/i18n';
import { noticeFor } from '$lib/notices';
import * as accounts from '$lib/server/accounts';
import * as sso from '$lib/server/sso';

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
		// E-mail first: an address in a domain with an identity provider continues there, whatever
		// was typed as password; every other address signs in with its password as before.
		const address = parseForm(resetRequestSchema, formData, ['email']);
		const provider = address.ok ? await sso.providerForEmail(address.data.email) : undefined;
		if (address.ok && provider) {
			const started = await sso.beginSignIn(
				provider,
				{
					loginHint: address.data.email,
					redirectTo: safeRedirectPath(event.url.searchParams.get('redirectTo'), '')
				},
				{
					userAgent: event.request.headers.get('user-agent'),
					requestId: event.locals.requestId,
					address: event.getClientAddress()
				}
			);
			if (started.kind === 'throttled') {
				event.setHeaders({ 'retry-after': String(Math.ceil(started.retryAfterMs / 1000)) });
				const minutes = Math.ceil(started.retryAfterMs / 60_000);
				return fail(429, {
					form: { message: messages.auth.throttled(minutes), errors: noErrors(), values }
				});
			}
			if (started.kind === 'refused') {
				return fail(503, {
					form: { message: describeFailure(started.failure), errors: noErrors(), values }
				});
			}
			sso.setLoginCookie(event.cookies, event.url, started.state);
			redirect(303, started.url);
		}
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
