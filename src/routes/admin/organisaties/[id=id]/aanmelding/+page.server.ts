// A platform admin manages an organisation's OpenID Connect providers: add (the client secret
// is sealed and never shown back), remove, and test discovery.
import { error, fail } from '@sveltejs/kit';
import { z } from 'zod';
import type { Actions, PageServerLoad, RequestEvent } from './$types';
import { describeFailure, echo, noErrors, parseForm } from '$lib/server/platform';
import { requireRole } from '$lib/server/accounts';
import { idSchema } from '$lib/schemas/account';
import { messages } from '$lib/i18n';
import * as organisations from '$lib/server/organisations';
import * as sso from '$lib/server/sso';

const m = messages.sso;
const domainPattern =
	/^(?=.{1,253}$)[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)+$/;

const providerSchema = z.object({
	name: z.string().trim().min(1, m.nameRequired).max(120, m.nameRequired),
	issuer: z
		.string()
		.trim()
		.max(500, m.invalidIssuer)
		.refine((v) => sso.isAcceptableIssuer(v), m.invalidIssuer),
	clientId: z.string().trim().min(1, m.clientIdRequired).max(300, m.clientIdRequired),
	clientSecret: z.string().min(1, m.clientSecretRequired).max(1000, m.clientSecretRequired),
	domains: z
		.string()
		.max(2000, m.invalidDomains)
		.transform((v) =>
			v
				.split(/[\s,;]+/)
				.map((d) => d.trim().toLowerCase().replace(/^@/, ''))
				.filter(Boolean)
		)
		.refine((list) => list.length > 0 && list.every((d) => domainPattern.test(d)), m.invalidDomains)
});
const fields = ['name', 'issuer', 'clientId', 'clientSecret', 'domains'] as const;
/** Echoed after a failed submit: everything but the secret. */
const echoed = ['name', 'issuer', 'clientId', 'domains'] as const;

async function organisationOf(event: RequestEvent) {
	const org = await organisations.getOrganisation(Number(event.params.id));
	if (!org) error(404, messages.account.admin.notFound);
	return org;
}

export const load: PageServerLoad = async (event) => {
	requireRole(event, 'admin');
	const org = await organisationOf(event);
	return {
		organisation: { id: org.id, name: org.name },
		providers: await sso.listProviders(org.id)
	};
};

export const actions: Actions = {
	toevoegen: async (event) => {
		const admin = requireRole(event, 'admin');
		const org = await organisationOf(event);
		const formData = await event.request.formData();
		const parsed = parseForm(providerSchema, formData, fields);
		if (!parsed.ok) {
			return fail(400, {
				add: { message: parsed.message, errors: parsed.errors, values: echo(formData, echoed) }
			});
		}
		const added = await sso.addProvider(
			{ organisationId: org.id, ...parsed.data },
			{ id: admin.id, requestId: event.locals.requestId }
		);
		if (!added.ok) {
			return fail(400, {
				add: {
					message: describeFailure(added.failure),
					errors: noErrors(),
					values: echo(formData, echoed)
				}
			});
		}
		return { notice: m.added({ name: parsed.data.name }) };
	},
	verwijderen: async (event) => {
		const admin = requireRole(event, 'admin');
		const org = await organisationOf(event);
		const parsed = parseForm(idSchema, await event.request.formData(), ['id']);
		if (!parsed.ok) return fail(400, { problem: messages.errors.badRequest });
		const done = await sso.removeProvider(parsed.data.id, org.id, {
			id: admin.id,
			requestId: event.locals.requestId
		});
		if (!done) return fail(404, { problem: m.notFound });
		return { notice: m.removed };
	},
	testen: async (event) => {
		const admin = requireRole(event, 'admin');
		const org = await organisationOf(event);
		const parsed = parseForm(idSchema, await event.request.formData(), ['id']);
		if (!parsed.ok) return fail(400, { problem: messages.errors.badRequest });
		const result = await sso.testProvider(parsed.data.id, org.id, {
			id: admin.id,
			requestId: event.locals.requestId
		});
		if (!result) return fail(404, { problem: m.notFound });
		if (!result.ok) return fail(502, { problem: describeFailure(result.failure) });
		return { notice: m.testOk({ name: result.name, endpoint: result.authorizationEndpoint }) };
	}
};
