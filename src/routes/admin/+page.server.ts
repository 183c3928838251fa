import type { PageServerLoad } from './$types';
import { requireRole } from '$lib/server/accounts';
import * as admin from '$lib/server/admin';

export const load: PageServerLoad = async (event) => {
	const user = requireRole(event, 'admin');
	const organisations = await admin.listOrganisations();
	return {
		name: user.name,
		organisations: organisations.filter((o) => !o.archivedAt).length,
		recent: await admin.searchAudit({}, 10)
	};
};
