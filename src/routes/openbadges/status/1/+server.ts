import type { RequestHandler } from './$types';
import * as certificates from '$lib/server/certificates';

// Public: the signed Bitstring Status List that every Open Badges credential points at for
// revocation. Short caching, so a revocation reaches verifiers within minutes.
export const GET: RequestHandler = async () => {
	return new Response(await certificates.signedStatusList(), {
		headers: {
			'content-type': 'application/vc+jwt',
			'cache-control': 'public, max-age=300'
		}
	});
};
