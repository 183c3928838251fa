// Where the organisation's provider sends the person back: openid-client checks the answer; a
// refusal is shown here in Dutch (and audited by the domain), never with a session.
import { redirect } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { describeFailure, setSessionCookie } from '$lib/server/platform';
import { safeRedirectPath } from '$lib/server/accounts';
import * as sso from '$lib/server/sso';

export const load: PageServerLoad = async (event) => {
	const providerId = Number(event.params.provider);
	const result = await sso.completeSignIn(
		{
			providerId,
			callbackUrl: event.url,
			cookieState: sso.takeLoginCookie(event.cookies, event.url)
		},
		{
			userAgent: event.request.headers.get('user-agent'),
			requestId: event.locals.requestId,
			address: event.getClientAddress()
		}
	);
	if (result.kind === 'chooseAudience') {
		sso.setPendingCookie(event.cookies, event.url, result.pendingToken);
		redirect(303, `/aanmelden/sso/${providerId}/welkom`);
	}
	if (result.kind === 'signedIn') {
		setSessionCookie(event.cookies, event.url, result.token, result.expiresAt);
		const target = safeRedirectPath(result.redirectTo, '');
		if (result.needsSecondFactor) {
			redirect(303, `/aanmelden/code${target ? `?redirectTo=${encodeURIComponent(target)}` : ''}`);
		}
		redirect(303, target || result.home);
	}
	event.setHeaders({ 'cache-control': 'no-store' });
	return { message: describeFailure(result.failure) };
};
