// The LMS platforms an admin registered for an organisation, and the values the LMS
// administrator copies into their side of the registration.
import { and, asc, eq } from 'drizzle-orm';
import { db, first } from '../db';
import { ltiPlatform, organisation, type LtiPlatform } from '../db/schema';
import { config } from '../platform/config';
import { recordAudit } from '../platform/audit';

export interface PlatformInput {
	organisationId: number;
	name: string;
	issuer: string;
	clientId: string;
	deploymentIds: string[];
	authUrl: string;
	tokenUrl: string;
	jwksUrl: string;
}

/** The URLs an LMS administrator enters: the same for every platform. */
export function toolUrls(origin = config.origin) {
	return {
		loginUrl: `${origin}/lti/login`,
		launchUrl: `${origin}/lti/launch`,
		deepLinkingUrl: `${origin}/lti/launch`,
		jwksUrl: `${origin}/lti/jwks.json`,
		domain: new URL(origin).host
	};
}

export type RegisterResult =
	{ ok: true; id: number } | { ok: false; reason: 'duplicate' | 'organisation' };

export async function registerPlatform(
	input: PlatformInput,
	actor: { id: number; requestId?: string }
): Promise<RegisterResult> {
	const org = await first(
		db
			.select({ id: organisation.id })
			.from(organisation)
			.where(eq(organisation.id, input.organisationId))
	);
	if (!org) return { ok: false, reason: 'organisation' };
	if (await findPlatform(input.issuer, input.clientId)) return { ok: false, reason: 'duplicate' };
	const inserted = await db.insert(ltiPlatform).values(input).returning({ id: ltiPlatform.id });
	const id = Number(inserted[0]?.id);
	await recordAudit({
		action: 'lti.platform_registered',
		actorUserId: actor.id,
		targetType: 'lti_platform',
		targetId: id,
		organisationId: input.organisationId,
		requestId: actor.requestId,
		details: { issuer: input.issuer, clientId: input.clientId }
	});
	return { ok: true, id };
}

export async function listPlatforms() {
	return (
		await db
			.select({ platform: ltiPlatform, organisationName: organisation.name })
			.from(ltiPlatform)
			.innerJoin(organisation, eq(organisation.id, ltiPlatform.organisationId))
			.orderBy(asc(ltiPlatform.name))
	).map((r) => ({ ...r.platform, organisationName: r.organisationName }));
}

export async function getPlatform(id: number): Promise<LtiPlatform | undefined> {
	return await first(db.select().from(ltiPlatform).where(eq(ltiPlatform.id, id)));
}

export async function findPlatform(
	issuer: string,
	clientId: string
): Promise<LtiPlatform | undefined> {
	return await first(
		db
			.select()
			.from(ltiPlatform)
			.where(and(eq(ltiPlatform.issuer, issuer), eq(ltiPlatform.clientId, clientId)))
	);
}

/** The platform for an OIDC login: by issuer, and by client id when the issuer has several. */
export async function platformForLogin(
	issuer: string,
	clientId: string | undefined
): Promise<LtiPlatform | undefined> {
	if (clientId) return await findPlatform(issuer, clientId);
	const rows = await db.select().from(ltiPlatform).where(eq(ltiPlatform.issuer, issuer)).limit(2);
	return rows.length === 1 ? rows[0] : undefined;
}

function originOf(url: string): string | null {
	try {
		const parsed = new URL(url);
		return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? parsed.origin : null;
	} catch {
		return null;
	}
}

/**
 * Remembers the origins of URLs a platform sent in a signed launch (its return URLs), so its
 * pages may frame the LTI pages and receive the deep-linking answer.
 */
export async function learnOrigins(
	platform: LtiPlatform,
	urls: readonly (string | null)[]
): Promise<void> {
	const known = new Set(platform.knownOrigins);
	for (const url of urls) {
		const origin = url ? originOf(url) : null;
		if (origin) known.add(origin);
	}
	if (known.size === platform.knownOrigins.length || known.size > 20) return;
	await db
		.update(ltiPlatform)
		.set({ knownOrigins: [...known].sort() })
		.where(eq(ltiPlatform.id, platform.id));
}

/** The origins that may frame the LTI pages and receive their forms: the registered platforms. */
export async function platformOrigins(): Promise<string[]> {
	const origins = new Set<string>();
	for (const p of await db
		.select({
			issuer: ltiPlatform.issuer,
			authUrl: ltiPlatform.authUrl,
			knownOrigins: ltiPlatform.knownOrigins
		})
		.from(ltiPlatform)) {
		for (const url of [p.issuer, p.authUrl, ...p.knownOrigins]) {
			const origin = originOf(url);
			if (origin) origins.add(origin);
		}
	}
	return [...origins].sort();
}
