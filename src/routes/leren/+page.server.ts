import type { PageServerLoad } from './$types';
import * as certificates from '$lib/server/certificates';
import * as dashboard from '$lib/server/dashboard';
import { requireRole } from '$lib/server/guards';

export const load: PageServerLoad = (event) => {
	const user = requireRole(event, 'learner');
	const audience = user.memberships.find((m) => m.role === 'learner')?.audience ?? null;
	const now = new Date();
	const refresher = certificates.refresherStatus(user.id, now);
	return {
		name: user.name,
		...dashboard.learnerDashboard(user.id, audience),
		refresher: {
			open: refresher.open,
			deadline: refresher.deadline,
			modules: refresher.modules.map((m) => m.title)
		},
		certificates: certificates
			.dashboardCertificates(user.id, now)
			.filter((c) => c.status !== 'vernieuwd')
			.map((c) => ({
				id: c.id,
				moduleTitle: c.moduleTitle,
				status: c.status,
				expiresAt: c.expiresAt
			})),
		signalMap: dashboard.signalMap(user.id)
	};
};
