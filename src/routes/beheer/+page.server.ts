import type { PageServerLoad } from './$types';
import * as reports from '$lib/server/reports';
import { organisationFor, requireRole } from '$lib/server/guards';

export const load: PageServerLoad = (event) => {
	const user = requireRole(event, 'manager');
	const org = organisationFor(user, 'manager');
	const groupBy = event.url.searchParams.get('per') === 'beroep' ? 'audience' : 'team';
	return {
		name: user.name,
		organisationName: org.organisationName,
		dashboard: reports.getDashboard(org.organisationId, Date.now(), groupBy),
		expiryWindowDays: reports.expiryWindowDays
	};
};
