// Deep Linking 2.0: the modules a teacher may place in their course, and the signed
// LtiDeepLinkingResponse (ltiResourceLink items, a line item when the platform offers AGS).
import { SignJWT } from 'jose';
import { desc, eq, isNull, or } from 'drizzle-orm';
import { db } from '../db';
import { moduleVersion } from '../db/schema';
import { config } from '../platform/config';
import { failure, type Failure } from '../platform/failure';
import { LTI_VERSION, claim, messageTypes } from './claims';
import { LTI_ALG, toolKey } from './keys';
import { consumeDeepLink, findDeepLink } from './launch';
import { getPlatform } from './registrations';

export interface ModuleChoice {
	slug: string;
	title: string;
}

/** The newest version of each module the organisation may use: shipped ones and its own. */
export async function modulesFor(organisationId: number): Promise<ModuleChoice[]> {
	const rows = await db
		.select({ slug: moduleVersion.moduleSlug, title: moduleVersion.title })
		.from(moduleVersion)
		.where(
			or(isNull(moduleVersion.organisationId), eq(moduleVersion.organisationId, organisationId))
		)
		.orderBy(moduleVersion.moduleSlug, desc(moduleVersion.version));
	const seen = new Map<string, ModuleChoice>();
	for (const row of rows) if (!seen.has(row.slug)) seen.set(row.slug, row);
	return [...seen.values()];
}

export type DeepLinkResponse =
	{ ok: true; returnUrl: string; jwt: string } | { ok: false; failure: Failure };

/** Signs the response for the chosen modules; the deep-linking session is then used up. */
export async function respondToDeepLink(
	token: string,
	slugs: string[],
	now = new Date()
): Promise<DeepLinkResponse> {
	const session = await findDeepLink(token, now);
	const platform = session && (await getPlatform(session.platformId));
	if (!session || !platform) return { ok: false, failure: failure('lti.deepLinkExpired') };
	const offered = new Map((await modulesFor(platform.organisationId)).map((m) => [m.slug, m]));
	const chosen = [...new Set(slugs)].map((s) => offered.get(s)).filter((m) => m !== undefined);
	if (chosen.length === 0) return { ok: false, failure: failure('lti.noModuleChosen') };
	if (chosen.length > 1 && !session.acceptMultiple) {
		return { ok: false, failure: failure('lti.oneModuleOnly') };
	}
	const items = chosen.map((m) => ({
		type: 'ltiResourceLink',
		title: m.title,
		url: `${config.origin}/leren/${m.slug}`,
		// Signaalwijs opens best in its own window: third-party cookies are often blocked in frames.
		window: { targetName: `signaalwijs-${m.slug}` },
		...(session.gradePassback
			? { lineItem: { scoreMaximum: 100, label: m.title, resourceId: m.slug } }
			: {})
	}));
	const key = await toolKey();
	const jwt = await new SignJWT({
		nonce: crypto.randomUUID(),
		azp: platform.clientId,
		[claim.messageType]: messageTypes.deepLinkingResponse,
		[claim.version]: LTI_VERSION,
		[claim.deploymentId]: session.deploymentId,
		[claim.contentItems]: items,
		...(session.data ? { [claim.data]: session.data } : {})
	})
		.setProtectedHeader({ alg: LTI_ALG, kid: key.kid, typ: 'JWT' })
		.setIssuer(platform.clientId)
		.setAudience(platform.issuer)
		.setIssuedAt(Math.floor(now.getTime() / 1000))
		.setExpirationTime(Math.floor(now.getTime() / 1000) + 600)
		.sign(key.privateKey);
	await consumeDeepLink(token);
	return { ok: true, returnUrl: session.returnUrl, jwt };
}
