// Form schema for registering an LMS as an LTI 1.3 platform (admin area).
import { z } from 'zod';
import { messages } from '$lib/i18n';

const m = messages.lti.admin;

const url = z
	.string({ error: m.urlInvalid })
	.trim()
	.max(500, m.urlInvalid)
	.refine((v) => {
		try {
			const parsed = new URL(v);
			return parsed.protocol === 'https:' || parsed.protocol === 'http:';
		} catch {
			return false;
		}
	}, m.urlInvalid);

const text = (message: string) =>
	z.string({ error: message }).trim().min(1, message).max(300, message);

export const platformSchema = z.object({
	organisationId: z.coerce.number({ error: m.noOrganisation }).int().positive(m.noOrganisation),
	name: text(m.nameRequired),
	issuer: url,
	clientId: text(m.clientIdRequired),
	deploymentIds: z
		.string({ error: m.deploymentRequired })
		.transform((v) =>
			[...new Set(v.split(/[\r\n,]+/).map((d) => d.trim()))].filter((d) => d.length > 0)
		)
		.pipe(z.array(z.string().max(200)).min(1, m.deploymentRequired).max(50)),
	authUrl: url,
	tokenUrl: url,
	jwksUrl: url
});
