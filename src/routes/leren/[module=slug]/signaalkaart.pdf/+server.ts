import { error } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { requireRole } from '$lib/server/accounts';
import { messages } from '$lib/i18n';
import * as certificates from '$lib/server/certificates';

// The module's printable signal card (A5 PDF): its signal categories, the rule, first steps and
// contacts. Course content only, nothing about the learner, so it may be cached briefly.
export const GET: RequestHandler = async (event) => {
	const user = requireRole(event, 'learner');
	const card = await certificates.signalCardFor(event.params.module, user.id);
	if (!card) error(404, { message: messages.errors[404] });
	const pdf = await certificates.renderSignalCard(card);
	return new Response(pdf, {
		headers: {
			'content-type': 'application/pdf',
			'content-disposition': `inline; filename="signaalkaart-${event.params.module}.pdf"`,
			'cache-control': 'private, max-age=3600'
		}
	});
};
