import { fail } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { echo, parseForm } from '$lib/server/platform';
import { requireRole } from '$lib/server/accounts';
import { adminInviteSchema, idSchema } from '$lib/schemas/account';
import { messages } from '$lib/i18n';
import * as admin from '$lib/server/admin';
import * as organisations from '$lib/server/organisations';

const m = messages.account.admin;
const fields = ['organisation', 'email', 'role'] as const;

export const load: PageServerLoad = async (event) => {
	requireRole(event, 'admin');
	const now = Date.now();
	return {
		organisations: (await admin.listOrganisations())
			.filter((o) => !o.archivedAt)
			.map((o) => ({ id: o.id, name: o.name })),
		invitations: (await organisations.listAllInvitations()).map((i) => ({
			...i,
			state: i.acceptedAt
				? 'accepted'
				: i.revokedAt
					? 'revoked'
					: i.expiresAt.getTime() < now
						? 'expired'
						: 'open'
		}))
	};
};

const revokeSchema = idSchema.extend({ organisation: idSchema.shape.id });

export const actions: Actions = {
	uitnodigen: async (event) => {
		const user = requireRole(event, 'admin');
		const formData = await event.request.formData();
		const values = echo(formData, fields);
		const parsed = parseForm(adminInviteSchema, formData, fields);
		if (!parsed.ok) {
			return fail(400, { invite: { message: parsed.message, errors: parsed.errors, values } });
		}
		const result = await organisations.inviteMember({
			organisationId: parsed.data.organisation,
			email: parsed.data.email,
			role: parsed.data.role,
			audience: null,
			invitedBy: user.id,
			requestId: event.locals.requestId
		});
		if (!result.ok) {
			return fail(400, { invite: { message: result.message, errors: {}, values } });
		}
		return { notice: m.invited(parsed.data.email) };
	},
	intrekken: async (event) => {
		const user = requireRole(event, 'admin');
		const parsed = parseForm(revokeSchema, await event.request.formData(), ['id', 'organisation']);
		if (!parsed.ok) return fail(400, { notice: messages.errors.badRequest });
		const done = await organisations.revokeInvitation(
			parsed.data.organisation,
			parsed.data.id,
			user.id
		);
		if (!done) return fail(404, { notice: m.notFound });
		return { notice: m.inviteRevokedDone };
	}
};
