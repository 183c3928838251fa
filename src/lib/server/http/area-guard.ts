// The areas (/leren, /beheer, /auteur, /admin, /profiel…) admit only signed-in users with the
// area's role, and send a user who must enrol a second factor to the enrolment page first.
import { error, redirect, type Handle, type RequestEvent } from '@sveltejs/kit';
import { messages } from '$lib/i18n';
import { areaFor, enrolmentPath, mustEnrolTwoFactor, signInPath } from '../accounts/guards';
import { recordAudit } from '../platform/audit';

export const areaGuard: Handle = async ({ event, resolve }) => {
	const area = areaFor(event.url.pathname);
	if (!area) return resolve(event);
	const user = event.locals.user;
	const readOnly = event.request.method === 'GET' || event.request.method === 'HEAD';
	if (!user) {
		if (readOnly) redirect(303, signInPath(event));
		error(401, { message: messages.account.signInFirst });
	}
	if (mustEnrolTwoFactor(user) && !event.url.pathname.startsWith('/profiel')) {
		if (readOnly) redirect(303, enrolmentPath);
		error(403, { message: messages.account.twoFactor.required });
	}
	if (area !== 'signedIn' && !user.roles.includes(area)) {
		if (readOnly && isPageView(event)) {
			// The page's own load calls requireRole and answers 403 with the friendly error page
			// (an error thrown here would get the bare fallback page). The access matrix e2e spec
			// checks every page of every area against every role.
			return resolve(event);
		}
		await recordAudit({
			action: 'access.denied',
			actorUserId: user.id,
			targetType: 'path',
			targetId: event.url.pathname.slice(0, 200),
			requestId: event.locals.requestId
		});
		error(403, { message: messages.errors[403] });
	}
	return resolve(event);
};

function isPageView(event: RequestEvent): boolean {
	return !event.isDataRequest && (event.request.headers.get('accept') ?? '').includes('text/html');
}
