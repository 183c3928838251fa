// Checks an LTI 1.3 ID token (the launch message) with jose against the platform's key set:
// signature (RS256 only), issuer, audience and azp, expiry and age, the expected single-use
// nonce, deployment, message type, version and target link. Each refusal is a typed failure.
import {
	createRemoteJWKSet,
	decodeProtectedHeader,
	errors,
	jwtVerify,
	type JWTPayload,
	type JWTVerifyGetKey
} from 'jose';
import { and, eq, lt } from 'drizzle-orm';
import { affected, db, first } from '../db';
import { ltiNonce, type LtiPlatform } from '../db/schema';
import { config } from '../platform/config';
import { failure, type Failure } from '../platform/failure';
import { LTI_VERSION, claim, messageTypes } from './claims';

export type KeySet = JWTVerifyGetKey;

const remoteSets = new Map<string, KeySet>();

/** The platform's public keys, fetched from its key set URL and cached by jose. */
export function platformKeySet(platform: Pick<LtiPlatform, 'jwksUrl'>): KeySet {
	let set = remoteSets.get(platform.jwksUrl);
	if (!set) {
		set = createRemoteJWKSet(new URL(platform.jwksUrl), { timeoutDuration: 5000 });
		remoteSets.set(platform.jwksUrl, set);
	}
	return set;
}

export interface LaunchClaims extends JWTPayload {
	sub?: string;
	name?: string;
	given_name?: string;
	family_name?: string;
	email?: string;
	azp?: string;
	nonce?: string;
}

export type LaunchMessage =
	| {
			kind: 'resourceLink';
			claims: LaunchClaims;
			sub: string;
			deploymentId: string;
			targetLinkUri: string;
			lineItemUrl: string | null;
	  }
	| {
			kind: 'deepLinking';
			claims: LaunchClaims;
			deploymentId: string;
			returnUrl: string;
			data: string | null;
			acceptMultiple: boolean;
			gradePassback: boolean;
	  };

export type Verified = { ok: true; message: LaunchMessage } | { ok: false; failure: Failure };

const refuse = (f: Failure): Verified => ({ ok: false, failure: f });

/** How long after `iat` a token is still taken, and the clock difference allowed. */
const maxTokenAge = '10m';
const clockTolerance = 60;

function str(value: unknown): string | null {
	return typeof value === 'string' && value.length > 0 ? value : null;
}

function record(value: unknown): Record<string, unknown> | null {
	return typeof value === 'object' && value !== null && !Array.isArray(value)
		? (value as Record<string, unknown>)
		: null;
}

function onOurOrigin(url: string): boolean {
	try {
		return new URL(url).origin === new URL(config.origin).origin;
	} catch {
		return false;
	}
}

async function nonceUsed(platformId: number, nonce: string): Promise<boolean> {
	return !!(await first(
		db
			.select({ nonce: ltiNonce.nonce })
			.from(ltiNonce)
			.where(and(eq(ltiNonce.platformId, platformId), eq(ltiNonce.nonce, nonce)))
	));
}

/** Remembers an accepted nonce until well after its token could have expired. */
export async function recordNonce(platformId: number, nonce: string, now: Date): Promise<boolean> {
	await db.delete(ltiNonce).where(lt(ltiNonce.expiresAt, now));
	const result = await db
		.insert(ltiNonce)
		.values({ platformId, nonce, expiresAt: new Date(now.getTime() + 24 * 3600_000) })
		.onConflictDoNothing();
	return affected(result) === 1;
}

export async function verifyIdToken(
	idToken: string,
	platform: LtiPlatform,
	options: { expectedNonce: string; now?: Date; keys?: KeySet }
): Promise<Verified> {
	const now = options.now ?? new Date();
	let header;
	try {
		header = decodeProtectedHeader(idToken);
	} catch {
		return refuse(failure('lti.badToken'));
	}
	if (header.alg !== 'RS256') return refuse(failure('lti.badSignature'));
	let claims: LaunchClaims;
	try {
		const verified = await jwtVerify<LaunchClaims>(
			idToken,
			options.keys ?? platformKeySet(platform),
			{
				algorithms: ['RS256'],
				issuer: platform.issuer,
				audience: platform.clientId,
				currentDate: now,
				clockTolerance,
				maxTokenAge,
				requiredClaims: ['iat', 'exp', 'nonce']
			}
		);
		claims = verified.payload;
	} catch (error) {
		return refuse(failure(refusalFor(error)));
	}
	const audiences = Array.isArray(claims.aud) ? claims.aud : [claims.aud];
	if (audiences.length > 1 && claims.azp === undefined) return refuse(failure('lti.wrongAudience'));
	if (claims.azp !== undefined && claims.azp !== platform.clientId) {
		return refuse(failure('lti.wrongAudience'));
	}
	if (claims.nonce !== options.expectedNonce) return refuse(failure('lti.nonce'));
	if (await nonceUsed(platform.id, claims.nonce)) return refuse(failure('lti.replayed'));
	if (claims[claim.version] !== LTI_VERSION) return refuse(failure('lti.wrongVersion'));
	const deploymentId = str(claims[claim.deploymentId]);
	if (!deploymentId || !platform.deploymentIds.includes(deploymentId)) {
		return refuse(failure('lti.unknownDeployment'));
	}
	const messageType = claims[claim.messageType];
	if (messageType === messageTypes.resourceLink) {
		const sub = str(claims.sub);
		const targetLinkUri = str(claims[claim.targetLinkUri]);
		const link = record(claims[claim.resourceLink]);
		if (!sub || !link || !str(link.id)) return refuse(failure('lti.badToken'));
		if (!targetLinkUri || !onOurOrigin(targetLinkUri)) return refuse(failure('lti.targetLink'));
		const ags = record(claims[claim.agsEndpoint]);
		const scopes = Array.isArray(ags?.scope) ? (ags.scope as unknown[]) : [];
		const lineItemUrl =
			ags &&
			str(ags.lineitem) &&
			scopes.includes('https://purl.imsglobal.org/spec/lti-ags/scope/score')
				? (ags.lineitem as string)
				: null;
		return {
			ok: true,
			message: { kind: 'resourceLink', claims, sub, deploymentId, targetLinkUri, lineItemUrl }
		};
	}
	if (messageType === messageTypes.deepLinkingRequest) {
		const settings = record(claims[claim.deepLinkingSettings]);
		const returnUrl = str(settings?.deep_link_return_url);
		if (!settings || !returnUrl || !/^https?:\/\//.test(returnUrl)) {
			return refuse(failure('lti.badToken'));
		}
		const accepts = Array.isArray(settings.accept_types) ? settings.accept_types : [];
		if (!accepts.includes('ltiResourceLink')) return refuse(failure('lti.wrongMessageType'));
		return {
			ok: true,
			message: {
				kind: 'deepLinking',
				claims,
				deploymentId,
				returnUrl,
				data: str(settings.data),
				acceptMultiple: settings.accept_multiple !== false,
				gradePassback: !!record(claims[claim.agsEndpoint])
			}
		};
	}
	return refuse(failure('lti.wrongMessageType'));
}

type RefusalCode =
	'lti.expired' | 'lti.wrongAudience' | 'lti.wrongIssuer' | 'lti.badSignature' | 'lti.badToken';

function refusalFor(error: unknown): RefusalCode {
	if (error instanceof errors.JWTExpired) return 'lti.expired';
	if (error instanceof errors.JWTClaimValidationFailed) {
		if (error.claim === 'aud') return 'lti.wrongAudience';
		if (error.claim === 'iss') return 'lti.wrongIssuer';
		if (error.claim === 'iat' || error.claim === 'nbf') return 'lti.expired';
		return 'lti.badToken';
	}
	if (
		error instanceof errors.JWSSignatureVerificationFailed ||
		error instanceof errors.JWKSNoMatchingKey ||
		error instanceof errors.JOSEAlgNotAllowed ||
		error instanceof errors.JWKSMultipleMatchingKeys
	) {
		return 'lti.badSignature';
	}
	return 'lti.badToken';
}
