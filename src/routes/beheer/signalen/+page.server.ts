import type { PageServerLoad } from './$types';
import * as reports from '$lib/server/reports';
import { organisationFor, requireRole } from '$lib/server/guards';

export const load: PageServerLoad = (event) => {
	const user = requireRole(event, 'manager');
	const org = organisationFor(user, 'manager');
	return {
		organisationName: org.organisationName,
		minimum: reports.minimumGroupSize,
		map: reports.getTeamSignalMap(org.organisationId)
	};
};
