import type { PageServerLoad } from './$types';
import { organisationFor, requireRole } from '$lib/server/accounts';
import * as manager from '$lib/server/manager';

export const load: PageServerLoad = async (event) => {
	const user = requireRole(event, 'manager');
	const org = organisationFor(user, 'manager');
	return {
		organisationName: org.organisationName,
		minimum: manager.minimumGroupSize,
		map: await manager.getTeamSignalMap(org.organisationId)
	};
};
