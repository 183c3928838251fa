import { fail } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { echo, parseForm } from '$lib/server/platform';
import { requireRole } from '$lib/server/accounts';
import { idSchema, organisationNameSchema, organisationRenameSchema } from '$lib/schemas/account';
import { messages } from '$lib/i18n';
import * as organisations from '$lib/server/organisations';
import * as admin from '$lib/server/admin';

const m = messages.account.admin;

export const load: PageServerLoad = async (event) => {
	requireRole(event, 'admin');
	return { organisations: await admin.listOrganisations() };
};

export const actions: Actions = {
	toevoegen: async (event) => {
		const user = requireRole(event, 'admin');
		const formData = await event.request.formData();
		const parsed = parseForm(organisationNameSchema, formData, ['name']);
		if (!parsed.ok) {
			return fail(400, {
				create: { message: parsed.message, errors: parsed.errors, values: echo(formData, ['name']) }
			});
		}
		await organisations.createOrganisation(parsed.data.name, {
			id: user.id,
			requestId: event.locals.requestId
		});
		return { notice: m.orgCreated(parsed.data.name) };
	},
	hernoemen: async (event) => {
		const user = requireRole(event, 'admin');
		const parsed = parseForm(organisationRenameSchema, await event.request.formData(), [
			'id',
			'name'
		]);
		if (!parsed.ok) {
			return fail(400, { rename: { message: parsed.message, errors: parsed.errors } });
		}
		const done = await admin.renameOrganisation(parsed.data.id, parsed.data.name, {
			id: user.id,
			requestId: event.locals.requestId
		});
		if (!done) return fail(404, { rename: { message: m.notFound, errors: {} } });
		return { notice: m.orgRenamed };
	},
	archiveren: (event) => archive(event, true),
	terugzetten: (event) => archive(event, false)
};

async function archive(event: Parameters<Actions[string]>[0], archived: boolean) {
	const user = requireRole(event, 'admin');
	const parsed = parseForm(idSchema, await event.request.formData(), ['id']);
	if (!parsed.ok) return fail(400, { notice: messages.errors.badRequest });
	const done = await admin.setOrganisationArchived(parsed.data.id, archived, {
		id: user.id,
		requestId: event.locals.requestId
	});
	if (!done) return fail(404, { notice: m.notFound });
	return { notice: archived ? m.orgArchived : m.orgRestored };
}
