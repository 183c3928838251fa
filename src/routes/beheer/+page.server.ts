import type { PageServerLoad } from './$types';
import { organisationFor, requireRole } from '$lib/server/accounts';
import * as manager from '$lib/server/manager';

export const load: PageServerLoad = async (event) => {
	const user = requireRole(event, 'manager');
	const org = organisationFor(user, 'manager');
	const groupBy = event.url.searchParams.get('per') === 'beroep' ? 'audience' : 'team';
	return {
		name: user.name,
		organisationName: org.organisationName,
		dashboard: await manager.getDashboard(org.organisationId, Date.now(), groupBy),
		expiryWindowDays: manager.expiryWindowDays
	};
};
