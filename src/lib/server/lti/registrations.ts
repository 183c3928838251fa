// The LMS platforms an admin registered for an organisation, and the values the LMS
// administrator copies into their side of the registration.
import { and, asc, eq } from 'drizzle-orm';
import { db } from '../db';
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

export function registerPlatform(
	input: PlatformInput,
	actor: { id: number; requestId?: string }
): RegisterResult {
	const org = db
		.select({ id: organisation.id })
		.from(organisation)
		.where(eq(organisation.id, input.organisationId))
		.get();
	if (!org) return { ok: false, reason: 'organisation' };
	if (findPlatform(input.issuer, input.clientId)) return { ok: false, reason: 'duplicate' };
	const inserted = db.insert(ltiPlatform).values(input).run();
	const id = Number(inserted.lastInsertRowid);
	recordAudit({
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

export function listPlatforms() {
	return db
		.select({ platform: ltiPlatform, organisationName: organisation.name })
		.from(ltiPlatform)
		.innerJoin(organisation, eq(organisation.id, ltiPlatform.organisationId))
		.orderBy(asc(ltiPlatform.name))
		.all()
		.map((r) => ({ ...r.platform, organisationName: r.organisationName }));
}

export function getPlatform(id: number): LtiPlatform | undefined {
	return db.select().from(ltiPlatform).where(eq(ltiPlatform.id, id)).get();
}

export function findPlatform(issuer: string, clientId: string): LtiPlatform | undefined {
	return db
		.select()
		.from(ltiPlatform)
		.where(and(eq(ltiPlatform.issuer, issuer), eq(ltiPlatform.clientId, clientId)))
		.get();
}

/** The platform for an OIDC login: by issuer, and by client id when the issuer has several. */
export function platformForLogin(
	issuer: string,
	clientId: string | undefined
): LtiPlatform | undefined {
	if (clientId) return findPlatform(issuer, clientId);
	const rows = db.select().from(ltiPlatform).where(eq(ltiPlatform.issuer, issuer)).limit(2).all();
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
export function learnOrigins(platform: LtiPlatform, urls: readonly (string | null)[]): void {
	const known = new Set(platform.knownOrigins);
	for (const url of urls) {
		const origin = url ? originOf(url) : null;
		if (origin) known.add(origin);
	}
	if (known.size === platform.knownOrigins.length || known.size > 20) return;
	db.update(ltiPlatform)
		.set({ knownOrigins: [...known].sort() })
		.where(eq(ltiPlatform.id, platform.id))
		.run();
}

/** The origins that may frame the LTI pages and receive their forms: the registered platforms. */
export function platformOrigins(): string[] {
	const origins = new Set<string>();
	for (const p of db
		.select({
			issuer: ltiPlatform.issuer,
			authUrl: ltiPlatform.authUrl,
			knownOrigins: ltiPlatform.knownOrigins
		})
		.from(ltiPlatform)
		.all()) {
		for (const url of [p.issuer, p.authUrl, ...p.knownOrigins]) {
			const origin = originOf(url);
			if (origin) origins.add(origin);
		}
	}
	return [...origins].sort();
}
