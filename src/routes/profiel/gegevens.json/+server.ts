import { error, json, type RequestHandler } from '@sveltejs/kit';
import { messages } from '$lib/i18n';
import { requireUser } from '$lib/server/accounts';
import * as privacy from '$lib/server/privacy';

// The signed-in person's own data (GDPR art. 15 and 20): never anyone else's, whatever is asked.
export const GET: RequestHandler = async (event) => {
	const user = requireUser(event);
	const data = await privacy.exportUserData(user.id, event.locals.requestId);
	if (!data) error(404, { message: messages.errors.notFound });
	const day = new Date().toISOString().slice(0, 10);
	return json(data, {
		headers: {
			'content-disposition': `attachment; filename="signaalwijs-mijn-gegevens-${day}.json"`,
			'cache-control': 'no-store'
		}
	});
};
