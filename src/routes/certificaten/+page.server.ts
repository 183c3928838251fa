import { error, fail } from '@sveltejs/kit';
import { messages } from '$lib/i18n';
import type { Actions, PageServerLoad } from './$types';
import { requireRole } from '$lib/server/accounts';
import { parseForm } from '$lib/server/platform';
import { showOrganisationSchema } from '$lib/schemas/certificates';
import * as certificates from '$lib/server/certificates';

export const load: PageServerLoad = async (event) => {
	const user = requireRole(event, 'learner');
	const now = new Date();
	const { certificates: held, refresher } = await certificates.learnerCertificates(user.id, now);
	return {
		certificates: held.map((c) => ({
			id: c.id,
			moduleTitle: c.moduleTitle,
			status: c.status,
			issuedAt: c.issuedAt,
			expiresAt: c.expiresAt,
			code: c.code,
			rawCode: c.rawCode,
			moduleSlug: c.moduleSlug,
			showOrganisation: c.showOrganisation,
			revokedReason: c.revokedReason
		})),
		refresher: {
			open: refresher.open,
			deadline: refresher.deadline,
			modules: refresher.modules.map((m) => m.title)
		},
		hasOrganisation: user.memberships.some((m) => m.role === 'learner')
	};
};

export const actions: Actions = {
	organisatie: async (event) => {
		const user = requireRole(event, 'learner');
		const parsed = parseForm(showOrganisationSchema, await event.request.formData(), [
			'id',
			'show'
		]);
		if (!parsed.ok) return fail(400, { organisation: { message: parsed.message, shown: null } });
		const changed = await certificates.setShowOrganisation(
			user.id,
			parsed.data.id,
			parsed.data.show,
			event.locals.requestId
		);
		if (!changed) error(404, { message: messages.errors.notFound });
		return { organisation: { message: '', shown: parsed.data.show } };
	}
};
