import type { PageServerLoad } from './$types';
import * as dashboard from '$lib/server/dashboard';
import { requireRole } from '$lib/server/guards';

export const load: PageServerLoad = (event) => {
	const user = requireRole(event, 'learner');
	const audience = user.memberships.find((m) => m.role === 'learner')?.audience ?? null;
	return {
		name: user.name,
		...dashboard.learnerDashboard(user.id, audience),
		signalMap: dashboard.signalMap(user.id)
	};
};
