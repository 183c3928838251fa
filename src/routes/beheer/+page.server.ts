import { fail } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import * as organisations from '$lib/server/organisations';
import { echo, noErrors, noValues, parseForm } from '$lib/server/forms';
import { organisationFor, requireRole } from '$lib/server/guards';
import { inviteSchema } from '$lib/schemas/invitation';

export const load: PageServerLoad = (event) => {
	const user = requireRole(event, 'manager');
	const org = organisationFor(user, 'manager');
	const now = Date.now();
	return {
		name: user.name,
		organisationName: org.organisationName,
		learners: organisations
			.listMembers(org.organisationId, 'learner')
			.map((l) => ({ id: l.id, name: l.name, audience: l.audience })),
		invitations: organisations.listInvitations(org.organisationId).map((i) => ({
			id: i.id,
			email: i.email,
			role: i.role,
			status: i.acceptedAt
				? 'aanvaard'
				: i.revokedAt
					? 'ingetrokken'
					: i.expiresAt.getTime() < now
						? 'verlopen'
						: 'open'
		}))
	};
};

const fields = ['email', 'name', 'role', 'audience'] as const;

export const actions: Actions = {
	invite: async (event) => {
		const user = requireRole(event, 'manager');
		const org = organisationFor(user, 'manager');
		const formData = await event.request.formData();
		const values = echo(formData, fields);
		const parsed = parseForm(inviteSchema, formData, fields);
		if (!parsed.ok) {
			return fail(400, {
				invite: { message: parsed.message, errors: parsed.errors, values, sent: '' }
			});
		}
		const result = organisations.inviteMember({
			organisationId: org.organisationId,
			...parsed.data,
			invitedBy: user.id,
			requestId: event.locals.requestId
		});
		if (!result.ok) {
			return fail(400, {
				invite: { message: result.message, errors: noErrors(), values, sent: '' }
			});
		}
		return {
			invite: { message: '', errors: noErrors(), values: noValues(), sent: parsed.data.email }
		};
	},
	revoke: async (event) => {
		const user = requireRole(event, 'manager');
		const org = organisationFor(user, 'manager');
		const formData = await event.request.formData();
		const id = Number(formData.get('invitationId'));
		if (!Number.isSafeInteger(id) || id <= 0) return fail(400, { revoke: { ok: false } });
		const ok = organisations.revokeInvitation(org.organisationId, id, user.id);
		return ok ? { revoke: { ok: true } } : fail(404, { revoke: { ok: false } });
	}
};
