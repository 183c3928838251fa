import { redirect, type RequestHandler } from '@sveltejs/kit';
import { invalidateSession } from '$lib/server/auth/session';
import { clearSessionCookie } from '$lib/server/cookies';
import { recordAudit } from '$lib/server/audit';

// POST only: a sign-out link that a page could trigger with GET would let other sites sign you out.
export const POST: RequestHandler = ({ locals, cookies, url }) => {
	if (locals.session) {
		invalidateSession(locals.session.id);
		recordAudit({
			action: 'auth.sign_out',
			actorUserId: locals.session.userId,
			requestId: locals.requestId
		});
	}
	clearSessionCookie(cookies, url);
	redirect(303, '/aanmelden?melding=afgemeld');
};
