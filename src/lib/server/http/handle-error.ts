// Unexpected errors: logged with the request id (stack included), answered with a calm Dutch
// message and never a stack trace.
import type { HandleServerError } from '@sveltejs/kit';
import { messages } from '$lib/i18n';
import { errorText, log } from '../platform/log';
import { loggedRoute } from './access-log';

export const handleError: HandleServerError = ({ error: cause, event, status, message }) => {
	const id = event.locals.requestId ?? crypto.randomUUID();
	if (status >= 500) {
		log.error('request.failed', {
			requestId: id,
			status,
			// The route id, never the raw path: a reset or invitation token stays out of the logs.
			route: loggedRoute(event),
			error: errorText(cause)
		});
	}
	const text =
		status === 404
			? messages.errors[404]
			: status === 413
				? messages.errors.tooLarge
				: status < 500
					? message
					: messages.errors[500];
	return { message: text, id };
};
