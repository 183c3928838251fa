import type { LayoutServerLoad } from './$types';
import { requireRole } from '$lib/server/accounts';

// Guards every page below; each page load and action calls its own guard as well.
export const load: LayoutServerLoad = (event) => {
	requireRole(event, 'learner');
};
