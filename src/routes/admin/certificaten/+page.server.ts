import { fail } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { requireRole } from '$lib/server/accounts';
import { echo, noErrors, noValues, parseForm } from '$lib/server/platform';
import { revokeSchema } from '$lib/schemas/certificates';
import { messages } from '$lib/i18n';
import * as certificates from '$lib/server/certificates';

async function found(code: string) {
	const cert = await certificates.findForAdmin(code);
	return cert
		? {
				id: cert.id,
				holder: cert.learnerName,
				moduleTitle: cert.moduleTitle,
				code: cert.code,
				status: cert.status,
				issuedAt: cert.issuedAt,
				expiresAt: cert.expiresAt,
				revokedReason: cert.revokedReason
			}
		: null;
}

export const load: PageServerLoad = async (event) => {
	requireRole(event, 'admin');
	const code = (event.url.searchParams.get('code') ?? '').slice(0, 60);
	return { code, result: code ? await found(code) : null, searched: code !== '' };
};

export const actions: Actions = {
	intrekken: async (event) => {
		const admin = requireRole(event, 'admin');
		const formData = await event.request.formData();
		const parsed = parseForm(revokeSchema, formData, ['id', 'reason']);
		if (!parsed.ok) {
			return fail(400, {
				form: {
					message: parsed.message,
					errors: parsed.errors,
					values: echo(formData, ['reason']),
					done: false
				}
			});
		}
		const revoked = await certificates.revokeCertificate({
			certificateId: parsed.data.id,
			reason: parsed.data.reason,
			actorUserId: admin.id,
			requestId: event.locals.requestId
		});
		return {
			form: {
				message: revoked ? '' : messages.certificates.admin.alreadyRevoked,
				errors: noErrors(),
				values: noValues(),
				done: revoked
			}
		};
	}
};
