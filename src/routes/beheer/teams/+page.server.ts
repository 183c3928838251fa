import { fail } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { echo, parseForm } from '$lib/server/platform';
import { organisationFor, requireRole } from '$lib/server/accounts';
import { renameTeamSchema, teamSchema } from '$lib/schemas/manager';
import { messages } from '$lib/i18n';
import * as organisations from '$lib/server/organisations';

export const load: PageServerLoad = async (event) => {
	const user = requireRole(event, 'manager');
	const org = organisationFor(user, 'manager');
	return {
		organisationName: org.organisationName,
		teams: await organisations.listTeamsWithCounts(org.organisationId)
	};
};

export const actions: Actions = {
	create: async (event) => {
		const user = requireRole(event, 'manager');
		const org = organisationFor(user, 'manager');
		const formData = await event.request.formData();
		const parsed = parseForm(teamSchema, formData, ['name']);
		if (!parsed.ok) {
			return fail(400, {
				create: { message: parsed.errors.name ?? parsed.message, values: echo(formData, ['name']) }
			});
		}
		const result = await organisations.createTeam(
			org.organisationId,
			parsed.data.name,
			user.id,
			event.locals.requestId
		);
		if (!result.ok) {
			return fail(400, { create: { message: result.message, values: echo(formData, ['name']) } });
		}
		return { done: messages.manager.teams.created(parsed.data.name) };
	},
	rename: async (event) => {
		const user = requireRole(event, 'manager');
		const org = organisationFor(user, 'manager');
		const formData = await event.request.formData();
		const parsed = parseForm(renameTeamSchema, formData, ['teamId', 'name']);
		if (!parsed.ok) {
			return fail(400, { rename: { message: parsed.errors.name ?? messages.errors.badRequest } });
		}
		const result = await organisations.renameTeam(
			org.organisationId,
			parsed.data.teamId,
			parsed.data.name,
			user.id,
			event.locals.requestId
		);
		if (!result.ok) return fail(400, { rename: { message: result.message } });
		return { done: messages.manager.teams.renamed(parsed.data.name) };
	}
};
