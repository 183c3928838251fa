import type { PageServerLoad } from './$types';
import { listOutbox } from '$lib/server/platform';
import { requireRole } from '$lib/server/accounts';

export const load: PageServerLoad = (event) => {
	requireRole(event, 'admin');
	return {
		mails: listOutbox(200).map((mail) => ({
			id: mail.id,
			recipient: mail.recipient,
			subject: mail.subject,
			status: mail.status,
			createdAt: mail.createdAt,
			// Only mail that was never sent is shown in full: an admin forwards it by hand.
			body: mail.status === 'kept' ? mail.body : null
		}))
	};
};
