// The identity providers of each organisation: added and removed by a platform admin (audited),
// client secrets sealed with the key that protects TOTP keys, discovery through openid-client.
import * as client from 'openid-client';
import { and, asc, eq, isNull } from 'drizzle-orm';
import { affected, db, first } from '../db';
import { jsonArrayHas } from '../db/sql';
import { organisation, ssoProvider, type SsoProvider } from '../db/schema';
import { recordAudit } from '../platform/audit';
import { config } from '../platform/config';
import { failure, type Failure } from '../platform/failure';
import { open, seal } from '../accounts/auth/secret-box';

export interface Actor {
	/** null for an operator's script (the local test provider). */
	id: number | null;
	requestId?: string;
}

export interface ProviderView {
	id: number;
	organisationId: number;
	name: string;
	issuer: string;
	clientId: string;
	domains: string[];
	createdAt: Date;
	redirectUri: string;
}

/** Where the provider sends people back to; the admin registers it at the provider. */
export function redirectUriFor(providerId: number): string {
	return `${config.origin}/aanmelden/sso/${providerId}/terug`;
}

function view(row: SsoProvider): ProviderView {
	return {
		id: row.id,
		organisationId: row.organisationId,
		name: row.name,
		issuer: row.issuer,
		clientId: row.clientId,
		domains: row.domains,
		createdAt: row.createdAt,
		redirectUri: redirectUriFor(row.id)
	};
}

export async function listProviders(organisationId: number): Promise<ProviderView[]> {
	return (
		await db
			.select()
			.from(ssoProvider)
			.where(eq(ssoProvider.organisationId, organisationId))
			.orderBy(asc(ssoProvider.name))
	).map(view);
}

export async function getProvider(id: number): Promise<SsoProvider | undefined> {
	return await first(db.select().from(ssoProvider).where(eq(ssoProvider.id, id)));
}

/** The domain of an address, lower-cased; '' when the address has none. */
export function domainOf(email: string): string {
	const at = email.lastIndexOf('@');
	return at < 0
		? ''
		: email
				.slice(at + 1)
				.trim()
				.toLowerCase();
}

/** The provider that vouches for an address's domain, in an organisation that is not archived. */
export async function providerForEmail(email: string): Promise<SsoProvider | undefined> {
	const domain = domainOf(email);
	if (!domain) return undefined;
	return (
		await first(
			db
				.select({ provider: ssoProvider })
				.from(ssoProvider)
				.innerJoin(organisation, eq(organisation.id, ssoProvider.organisationId))
				.where(and(isNull(organisation.archivedAt), jsonArrayHas(ssoProvider.domains, domain)))
		)
	)?.provider;
}

/** An http:// issuer is only accepted for this machine (the test provider). */
export function isAcceptableIssuer(issuer: string): boolean {
	let url: URL;
	try {
		url = new URL(issuer);
	} catch {
		return false;
	}
	if (url.search || url.hash || url.username || url.password) return false;
	if (url.protocol === 'https:') return true;
	return url.protocol === 'http:' && ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname);
}

export type AddProviderResult = { ok: true; id: number } | { ok: false; failure: Failure };

export async function addProvider(
	input: {
		organisationId: number;
		name: string;
		issuer: string;
		clientId: string;
		clientSecret: string;
		domains: string[];
	},
	actor: Actor
): Promise<AddProviderResult> {
	const org = await first(
		db
			.select({ id: organisation.id })
			.from(organisation)
			.where(and(eq(organisation.id, input.organisationId), isNull(organisation.archivedAt)))
	);
	if (!org) return { ok: false, failure: failure('sso.organisationMissing') };
	const issuer = input.issuer.trim();
	const domains = [...new Set(input.domains.map((d) => d.trim().toLowerCase()))];
	for (const domain of domains) {
		const taken = await providerForEmail(`x@${domain}`);
		if (taken) return { ok: false, failure: failure('sso.domainTaken', { domain }) };
	}
	const inserted = await db
		.insert(ssoProvider)
		.values({
			organisationId: input.organisationId,
			name: input.name,
			issuer,
			clientId: input.clientId,
			clientSecretSealed: seal(new TextEncoder().encode(input.clientSecret)),
			domains
		})
		.onConflictDoNothing()
		.returning({ id: ssoProvider.id });
	if (affected(inserted) !== 1) return { ok: false, failure: failure('sso.providerExists') };
	const id = Number(inserted[0]?.id);
	await recordAudit({
		action: 'sso.provider_added',
		actorUserId: actor.id,
		targetType: 'sso_provider',
		targetId: id,
		organisationId: input.organisationId,
		requestId: actor.requestId,
		details: { name: input.name, issuer, clientId: input.clientId, domains }
	});
	return { ok: true, id };
}

/** Removes a provider of an organisation; the accounts it linked stay, without the link. */
export async function removeProvider(
	id: number,
	organisationId: number,
	actor: Actor
): Promise<boolean> {
	const removed = await first(
		db
			.delete(ssoProvider)
			.where(and(eq(ssoProvider.id, id), eq(ssoProvider.organisationId, organisationId)))
			.returning({ name: ssoProvider.name, issuer: ssoProvider.issuer })
	);
	if (!removed) return false;
	configurations.delete(id);
	await recordAudit({
		action: 'sso.provider_removed',
		actorUserId: actor.id,
		targetType: 'sso_provider',
		targetId: id,
		organisationId,
		requestId: actor.requestId,
		details: { name: removed.name, issuer: removed.issuer }
	});
	return true;
}

// Discovery results, per provider, for a few minutes: a sign-in should not wait for the
// provider's configuration every time, and a changed configuration is picked up soon.
const cacheMs = 5 * 60_000;
const configurations = new Map<number, { key: string; at: number; config: client.Configuration }>();

/** openid-client's discovery; http:// only for a local test provider. */
function discover(issuer: string, clientId: string, secret?: string) {
	const insecure = new URL(issuer).protocol === 'http:';
	return client.discovery(new URL(issuer), clientId, secret, undefined, {
		timeout: 10,
		...(insecure ? { execute: [client.allowInsecureRequests] } : {})
	});
}

export class SecretUnreadable extends Error {}

/** The provider's discovered configuration with its client credentials. Throws when down. */
export async function configurationFor(provider: SsoProvider): Promise<client.Configuration> {
	const key = `${provider.issuer}\n${provider.clientId}\n${provider.clientSecretSealed}`;
	const cached = configurations.get(provider.id);
	if (cached && cached.key === key && Date.now() - cached.at < cacheMs) return cached.config;
	const secret = open(provider.clientSecretSealed);
	if (!secret) throw new SecretUnreadable();
	const found = await discover(
		provider.issuer,
		provider.clientId,
		new TextDecoder().decode(secret)
	);
	// ID tokens from the token endpoint are also checked against the provider's signing keys,
	// not only trusted because TLS brought them (defence in depth; openid-client's own check).
	client.enableNonRepudiationChecks(found);
	configurations.set(provider.id, { key, at: Date.now(), config: found });
	return found;
}

/** Forgets cached discovery results (tests start providers on new ports). */
export function forgetConfigurations(): void {
	configurations.clear();
}

/** Whether an error (or one of its causes) says the provider could not be reached at all. */
export function isUnreachable(error: unknown): boolean {
	for (let e: unknown = error, depth = 0; e && depth < 5; depth++) {
		if (e instanceof Error) {
			const code = (e as { code?: unknown }).code;
			if (
				e.name === 'TimeoutError' ||
				e.name === 'AbortError' ||
				(e instanceof TypeError && /fetch failed/i.test(e.message)) ||
				code === 'OAUTH_TIMEOUT' ||
				(typeof code === 'string' && /^(ECONN|ENOTFOUND|EAI_|ETIMEDOUT|EHOSTUNREACH)/.test(code))
			) {
				return true;
			}
			e = e.cause;
		} else break;
	}
	return false;
}

export type DiscoveryResult =
	{ ok: true; name: string; authorizationEndpoint: string } | { ok: false; failure: Failure };

/** The admin's test button: runs discovery for a provider and says what is wrong. */
export async function testProvider(
	id: number,
	organisationId: number,
	actor: Actor
): Promise<DiscoveryResult | undefined> {
	const provider = await getProvider(id);
	if (!provider || provider.organisationId !== organisationId) return undefined;
	const issuer = provider.issuer;
	let result: DiscoveryResult;
	try {
		const found = await discover(issuer, provider.clientId);
		result = {
			ok: true,
			name: provider.name,
			authorizationEndpoint: found.serverMetadata().authorization_endpoint ?? issuer
		};
	} catch (error) {
		const code = (error as { code?: unknown }).code;
		result = {
			ok: false,
			failure: isUnreachable(error)
				? failure('sso.discoveryUnreachable', { issuer })
				: code === 'OAUTH_JSON_ATTRIBUTE_COMPARISON_FAILED'
					? failure('sso.discoveryIssuerMismatch', { issuer })
					: code === 'OAUTH_RESPONSE_IS_NOT_JSON' || code === 'OAUTH_RESPONSE_IS_NOT_CONFORM'
						? failure('sso.discoveryNotOidc', { issuer })
						: failure('sso.discoveryFailed', { issuer })
		};
	}
	await recordAudit({
		action: 'sso.provider_tested',
		actorUserId: actor.id,
		targetType: 'sso_provider',
		targetId: id,
		organisationId,
		requestId: actor.requestId,
		details: { ok: result.ok, ...(result.ok ? {} : { code: result.failure.code }) }
	});
	return result;
}
