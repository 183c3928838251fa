import type { PageServerLoad } from './$types';
import { outboxForAdmin } from '$lib/server/platform';
import { requireRole } from '$lib/server/accounts';

export const load: PageServerLoad = async (event) => {
	requireRole(event, 'admin');
	// Bodies are shown without token links, also for mail that was never sent.
	return { mails: await outboxForAdmin(200) };
};
