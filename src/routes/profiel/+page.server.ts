import type { PageServerLoad } from './$types';
import { requireUser } from '$lib/server/guards';

export const load: PageServerLoad = (event) => {
	const user = requireUser(event);
	return {
		profile: {
			name: user.name,
			email: user.email,
			memberships: user.memberships.map((m) => ({
				organisationName: m.organisationName,
				role: m.role,
				audience: m.audience
			})),
			isAdmin: user.isAdmin
		}
	};
};
