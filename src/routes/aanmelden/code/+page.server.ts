import { fail, redirect, type RequestEvent } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { noErrors, parseForm, setSessionCookie } from '$lib/server/platform';
import { homeFor, safeRedirectPath } from '$lib/server/accounts';
import { recoverySchema, totpSchema } from '$lib/schemas/account';
import { messages } from '$lib/i18n';
import * as accounts from '$lib/server/accounts';

const m = messages.account.twoFactor;

/** The session that passed the password step; anyone else starts at the sign-in page. */
function pending(event: RequestEvent) {
	const redirectTo = safeRedirectPath(event.url.searchParams.get('redirectTo'), '');
	if (event.locals.user) redirect(303, redirectTo || homeFor(event.locals.user.roles));
	const session = event.locals.pendingSession;
	if (!session) redirect(303, '/aanmelden');
	return { session, redirectTo };
}

export const load: PageServerLoad = (event) => {
	pending(event);
	return {};
};

async function check(event: RequestEvent, kind: 'totp' | 'recovery') {
	const { session, redirectTo } = pending(event);
	const formData = await event.request.formData();
	const parsed =
		kind === 'totp'
			? parseForm(totpSchema, formData, ['code'])
			: parseForm(recoverySchema, formData, ['recovery']);
	if (!parsed.ok) {
		return fail(400, { kind, form: { message: parsed.message, errors: parsed.errors } });
	}
	const code = 'code' in parsed.data ? parsed.data.code : parsed.data.recovery;
	const result = await accounts.verifySignIn({
		session,
		code,
		kind,
		requestId: event.locals.requestId
	});
	if (!result.ok) {
		const field = kind === 'totp' ? 'code' : 'recovery';
		if (result.reason === 'throttled') {
			const seconds = Math.ceil(result.retryAfterMs / 1000);
			event.setHeaders({ 'retry-after': String(seconds) });
			return fail(429, {
				kind,
				form: { message: m.throttled(seconds), errors: noErrors() }
			});
		}
		const text = kind === 'totp' ? m.codeWrong : m.recoveryWrong;
		return fail(400, { kind, form: { message: text, errors: { [field]: text } } });
	}
	// A new token once the second factor passed (session fixation): the old one has ended.
	setSessionCookie(event.cookies, event.url, result.rotated.token, result.rotated.expiresAt);
	const user = await accounts.getUser(session.userId);
	const roles = user ? (await accounts.getAccess(user)).roles : [];
	redirect(303, redirectTo || homeFor(roles));
}

export const actions: Actions = {
	code: (event) => check(event, 'totp'),
	herstel: (event) => check(event, 'recovery')
};
