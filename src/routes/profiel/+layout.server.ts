import type { LayoutServerLoad } from './$types';
import { requireUser } from '$lib/server/guards';

export const load: LayoutServerLoad = (event) => {
	requireUser(event);
};
