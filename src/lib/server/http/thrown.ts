// A redirect or error thrown by a handle would skip the headers and the access log: this handle
// answers it as a response, so every answer passes through them.
import { isHttpError, isRedirect, json, type Handle, type RequestEvent } from '@sveltejs/kit';
import { messages } from '$lib/i18n';
import { sessionCookieName } from '../platform/cookies';
import { errorText, log } from '../platform/log';
import { loggedRoute } from './access-log';

export const answerThrown: Handle = async ({ event, resolve }) => {
	try {
		return await resolve(event);
	} catch (cause) {
		return thrownResponse(event, cause);
	}
};

function thrownResponse(event: RequestEvent, cause: unknown): Response {
	let response: Response;
	if (isRedirect(cause)) {
		response = event.isDataRequest
			? json({ type: 'redirect', location: cause.location })
			: new Response(null, { status: cause.status, headers: { location: cause.location } });
	} else if (isHttpError(cause)) {
		response = json({ message: cause.body.message }, { status: cause.status });
	} else {
		log.error('request.failed', {
			requestId: event.locals.requestId,
			// The route id, never the raw path: a reset or invitation token stays out of the logs.
			route: loggedRoute(event),
			error: errorText(cause)
		});
		response = json({ message: messages.errors[500] }, { status: 500 });
	}
	// Cookies set before the throw (a cleared session cookie) still reach the browser.
	const name = sessionCookieName(event.url);
	if (
		event.cookies.get(name) === undefined &&
		event.request.headers.get('cookie')?.includes(name)
	) {
		response.headers.append(
			'set-cookie',
			event.cookies.serialize(name, '', {
				path: '/',
				httpOnly: true,
				sameSite: 'lax',
				secure: event.url.protocol === 'https:',
				maxAge: 0
			})
		);
	}
	return response;
}
