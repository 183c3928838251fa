import type { PageServerLoad } from './$types';
import { requireRole } from '$lib/server/guards';

export const load: PageServerLoad = (event) => {
	const user = requireRole(event, 'admin');
	return { name: user.name };
};
