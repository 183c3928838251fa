import type { PageServerLoad } from './$types';
import { requireRole } from '$lib/server/accounts';
import * as admin from '$lib/server/admin';

export const load: PageServerLoad = async (event) => {
	requireRole(event, 'admin');
	const query = (event.url.searchParams.get('q') ?? '').trim().slice(0, 100);
	return { query, users: await admin.searchUsers(query) };
};
