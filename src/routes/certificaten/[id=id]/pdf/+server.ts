import { error } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { renderCertificatePdf } from '$lib/server/certificates';
import { config } from '$lib/server/platform';
import { requireRole } from '$lib/server/accounts';
import { messages } from '$lib/i18n';
import * as certificates from '$lib/server/certificates';

export const GET: RequestHandler = async (event) => {
	const user = requireRole(event, 'learner');
	const cert = await certificates.getOwnCertificate(user.id, Number(event.params.id));
	if (!cert) error(404, { message: messages.errors[404] });
	if (cert.status === 'revoked') error(410, { message: messages.certificates.gone });
	const pdf = await renderCertificatePdf({
		learnerName: cert.learnerName,
		moduleTitle: cert.moduleTitle,
		issuedAt: cert.issuedAt,
		expiresAt: cert.expiresAt,
		code: cert.code,
		verifyUrl: `${config.origin}/verifieer/${cert.rawCode}`,
		organisation: cert.showOrganisation ? cert.organisationName : null
	});
	return new Response(pdf, {
		headers: {
			'content-type': 'application/pdf',
			'content-disposition': `attachment; filename="signaalwijs-certificaat-${cert.id}.pdf"`,
			'cache-control': 'no-store'
		}
	});
};
