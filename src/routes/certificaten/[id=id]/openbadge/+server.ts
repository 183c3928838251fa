import { error } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { requireRole } from '$lib/server/accounts';
import { messages } from '$lib/i18n';
import * as certificates from '$lib/server/certificates';

// The learner's certificate as a signed Open Badges 3.0 credential (VC-JWT), to store in a wallet
// or badge backpack. Verifiable with the key at /.well-known/jwks.json.
export const GET: RequestHandler = async (event) => {
	const user = requireRole(event, 'learner');
	const cert = await certificates.getOwnCertificate(user.id, Number(event.params.id));
	if (!cert) error(404, { message: messages.errors[404] });
	if (cert.status === 'revoked') error(410, { message: messages.certificates.gone });
	const jwt = await certificates.signCredential(cert);
	return new Response(jwt, {
		headers: {
			'content-type': 'application/vc+jwt',
			'content-disposition': `attachment; filename="signaalwijs-openbadge-${cert.id}.jwt"`,
			'cache-control': 'no-store'
		}
	});
};
