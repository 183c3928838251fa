import type { PageServerLoad } from './$types';
import { requireRole } from '$lib/server/guards';

export const load: PageServerLoad = (event) => {
	requireRole(event, 'learner');
};
