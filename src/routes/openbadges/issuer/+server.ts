import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import * as openbadges from '$lib/server/openbadges';

// Public: the issuer profile that every credential names as its issuer.
export const GET: RequestHandler = () => {
	return json(openbadges.issuerProfile(), {
		headers: { 'cache-control': 'public, max-age=3600' }
	});
};
