import { error } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { messages } from '$lib/i18n';
import * as certificates from '$lib/server/certificates';

// Public: anyone with the code sees name, module, dates and status; never an e-mail, and the
// organisation only when the learner allowed it. Unknown codes are throttled per client address.
export const load: PageServerLoad = async (event) => {
	const result = await certificates.verifyCertificate(event.params.code, event.getClientAddress());
	if (result.kind === 'throttled') {
		event.setHeaders({ 'retry-after': String(result.retryAfterSeconds) });
		error(429, { message: messages.certificates.verify.throttled });
	}
	if (result.kind === 'unknown') error(404, { message: messages.certificates.verify.unknown });
	event.setHeaders({ 'cache-control': 'no-store', 'x-robots-tag': 'noindex' });
	return { certificate: result.certificate };
};
