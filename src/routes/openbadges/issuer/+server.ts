import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import * as certificates from '$lib/server/certificates';

// Public: the issuer profile that every credential names as its issuer.
export const GET: RequestHandler = () => {
	return json(certificates.issuerProfile(), {
		headers: { 'cache-control': 'public, max-age=3600' }
	});
};
