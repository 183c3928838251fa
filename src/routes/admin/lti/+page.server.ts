import { fail } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { echo, noErrors, parseForm } from '$lib/server/platform';
import { requireRole } from '$lib/server/accounts';
import { platformSchema } from '$lib/schemas/lti';
import { messages } from '$lib/i18n';
import * as admin from '$lib/server/admin';
import * as lti from '$lib/server/lti';

const m = messages.lti.admin;
const fields = [
	'organisationId',
	'name',
	'issuer',
	'clientId',
	'deploymentIds',
	'authUrl',
	'tokenUrl',
	'jwksUrl'
] as const;

export const load: PageServerLoad = async (event) => {
	requireRole(event, 'admin');
	const key = await lti.toolKey();
	return {
		tool: { ...lti.toolUrls(), kid: key.kid },
		organisations: (await admin.listOrganisations())
			.filter((o) => !o.archivedAt)
			.map((o) => ({ id: o.id, name: o.name })),
		platforms: (await lti.listPlatforms()).map((p) => ({
			id: p.id,
			name: p.name,
			organisationName: p.organisationName,
			issuer: p.issuer,
			clientId: p.clientId,
			deploymentIds: p.deploymentIds
		})),
		queue: await lti.listScoreQueue()
	};
};

export const actions: Actions = {
	registreren: async (event) => {
		const user = requireRole(event, 'admin');
		const formData = await event.request.formData();
		const values = echo(formData, fields);
		const parsed = parseForm(platformSchema, formData, fields);
		if (!parsed.ok) {
			return fail(400, { register: { message: parsed.message, errors: parsed.errors, values } });
		}
		const result = await lti.registerPlatform(parsed.data, {
			id: user.id,
			requestId: event.locals.requestId
		});
		if (!result.ok) {
			const message = result.reason === 'duplicate' ? m.duplicate : m.noOrganisation;
			return fail(400, { register: { message, errors: noErrors(), values } });
		}
		return { notice: m.registered(parsed.data.name) };
	},
	opnieuw: async (event) => {
		requireRole(event, 'admin');
		return { notice: m.retried(await lti.retryScoresNow()) };
	}
};
