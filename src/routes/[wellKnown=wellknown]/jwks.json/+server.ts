import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import * as certificates from '$lib/server/certificates';

// Public: the key that verifies every Open Badges credential Signaalwijs issues.
export const GET: RequestHandler = async () => {
	return json(await certificates.publicJwks(), {
		headers: { 'cache-control': 'public, max-age=3600' }
	});
};
