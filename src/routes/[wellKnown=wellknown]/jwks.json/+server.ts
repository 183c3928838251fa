import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import * as openbadges from '$lib/server/openbadges';

// Public: the key that verifies every Open Badges credential Signaalwijs issues.
export const GET: RequestHandler = async () => {
	return json(await openbadges.publicJwks(), {
		headers: { 'cache-control': 'public, max-age=3600' }
	});
};
