import { fail } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { echo, noErrors, noValues, parseForm } from '$lib/server/platform';
import { organisationFor, requireRole } from '$lib/server/accounts';
import { inviteSchema } from '$lib/schemas/invitation';
import { messages } from '$lib/i18n';
import * as organisations from '$lib/server/organisations';

const b = messages.manager.bulk;

export const load: PageServerLoad = async (event) => {
	const user = requireRole(event, 'manager');
	const org = organisationFor(user, 'manager');
	return {
		organisationName: org.organisationName,
		maxRows: organisations.maxCsvRows,
		maxKb: organisations.maxCsvBytes / 1024,
		invitations: await organisations.listInvitationViews(org.organisationId)
	};
};

const fields = ['email', 'name', 'role', 'audience'] as const;

function invitationId(formData: FormData): number | null {
	const values = formData.getAll('invitationId');
	const id = values.length === 1 && typeof values[0] === 'string' ? Number(values[0]) : NaN;
	return Number.isSafeInteger(id) && id > 0 ? id : null;
}

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
		const result = await organisations.inviteMember({
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
	preview: async (event) => {
		const user = requireRole(event, 'manager');
		const org = organisationFor(user, 'manager');
		const formData = await event.request.formData();
		const files = formData.getAll('file');
		const file = files.length === 1 ? files[0] : null;
		if (!(file instanceof File) || file.size === 0) {
			return fail(400, { bulk: { message: b.chooseFile } });
		}
		if (file.size > organisations.maxCsvBytes) {
			return fail(400, { bulk: { message: b.tooLarge(organisations.maxCsvBytes / 1024) } });
		}
		const parsed = organisations.parseInvitationCsv(new Uint8Array(await file.arrayBuffer()));
		if (!parsed.ok) return fail(400, { bulk: { message: parsed.message } });
		const preview = await organisations.previewInvitations(org.organisationId, parsed.rows);
		const sealed = await organisations.sealRows(org.organisationId, user.id, parsed.rows);
		return {
			preview: {
				...sealed,
				rows: preview.map((r) => ({
					line: r.line,
					email: r.email,
					name: r.name,
					team: r.team,
					audience: r.audience,
					state: r.state,
					message: r.message
				})),
				newCount: preview.filter((r) => r.state === 'new').length
			}
		};
	},
	confirm: async (event) => {
		const user = requireRole(event, 'manager');
		const org = organisationFor(user, 'manager');
		const formData = await event.request.formData();
		const payload = formData.getAll('payload');
		const signature = formData.getAll('signature');
		const rows =
			payload.length === 1 &&
			signature.length === 1 &&
			typeof payload[0] === 'string' &&
			typeof signature[0] === 'string'
				? await organisations.openRows(org.organisationId, user.id, payload[0], signature[0])
				: undefined;
		if (!rows) return fail(400, { bulk: { message: b.expired } });
		const result = await organisations.importInvitations({
			organisationId: org.organisationId,
			rows,
			invitedBy: user.id,
			requestId: event.locals.requestId
		});
		return { imported: { message: b.done(result.invited, result.skipped + result.failed) } };
	},
	resend: async (event) => {
		const user = requireRole(event, 'manager');
		const org = organisationFor(user, 'manager');
		const id = invitationId(await event.request.formData());
		if (id === null) return fail(400, { row: { message: messages.errors.badRequest } });
		const ok = await organisations.resendInvitation(
			org.organisationId,
			id,
			user.id,
			event.locals.requestId
		);
		return ok
			? { row: { message: messages.invitations.resent } }
			: fail(404, { row: { message: messages.invitations.unknown } });
	},
	revoke: async (event) => {
		const user = requireRole(event, 'manager');
		const org = organisationFor(user, 'manager');
		const id = invitationId(await event.request.formData());
		if (id === null) return fail(400, { row: { message: messages.errors.badRequest } });
		const ok = await organisations.revokeInvitation(org.organisationId, id, user.id);
		return ok
			? { row: { message: messages.invitations.revoked } }
			: fail(404, { row: { message: messages.invitations.unknown } });
	}
};
