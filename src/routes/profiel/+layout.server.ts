import type { LayoutServerLoad } from './$types';
import { requireUser } from '$lib/server/accounts';

export const load: LayoutServerLoad = (event) => {
	requireUser(event);
};
