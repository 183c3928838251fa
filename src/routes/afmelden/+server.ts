import { redirect, type RequestHandler } from '@sveltejs/kit';
import { invalidateSession } from '$lib/server/accounts';
import { clearSessionCookie, recordAudit } from '$lib/server/platform';

// POST only: a sign-out link that a page could trigger with GET would let other sites sign you out.
export const POST: RequestHandler = async ({ locals, cookies, url }) => {
	// A session still waiting for its second factor can be abandoned the same way.
	const current = locals.session ?? locals.pendingSession;
	if (current) {
		await invalidateSession(current.id);
		await recordAudit({
			action: 'auth.sign_out',
			actorUserId: current.userId,
			requestId: locals.requestId
		});
	}
	clearSessionCookie(cookies, url);
	redirect(303, '/aanmelden?melding=afgemeld');
};
