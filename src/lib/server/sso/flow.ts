// Signing in through an organisation's provider: the authorization code flow with PKCE, state
// and nonce (openid-client makes every token check), then the account rules: (issuer, sub)
// identifies a person; a first sign-in links an existing account only for a verified address in
// a vouched-for domain, or creates a learner after the person picks leerkracht or hulpverlener.
import * as client from 'openid-client';
import { and, eq, lt } from 'drizzle-orm';
import { db, transaction, first } from '../db';
import { membership, ssoIdentity, ssoLogin, ssoPending, type SsoProvider } from '../db/schema';
import { recordAudit } from '../platform/audit';
import { failure, type Failure } from '../platform/failure';
import { randomToken } from '../accounts/auth/tokens';
import { Throttle } from '../accounts/auth/throttle';
import { getUser, findUserByEmail } from '../accounts/access';
import {
	configurationFor,
	domainOf,
	getProvider,
	isUnreachable,
	redirectUriFor,
	SecretUnreadable
} from './providers';
import {
	hash,
	loginMinutes,
	openSession,
	refuse,
	type CompleteResult,
	type Context,
	type Refusal
} from './session';

/**
 * Sign-ins started from one address and not (yet) finished: each start writes a row, so a
 * script gets a growing wait; a finished sign-in gives its place back, so a whole school behind
 * one address signing in on Monday morning is never slowed down.
 */
export const startThrottle = new Throttle('sso-start', {
	freeAttempts: 100,
	baseDelayMs: 1000,
	maxDelayMs: 60_000,
	forgetAfterMs: loginMinutes * 60_000
});

export type BeginResult =
	| { kind: 'redirect'; url: string; state: string }
	| { kind: 'throttled'; retryAfterMs: number }
	| Refusal;

/** Starts a sign-in at the provider: the browser keeps `state` in a cookie, the rest stays here. */
export async function beginSignIn(
	provider: SsoProvider,
	input: { loginHint?: string; redirectTo?: string },
	context: Context
): Promise<BeginResult> {
	if (context.address) {
		const wait = await startThrottle.reserve(`sso-start:${context.address}`);
		if (wait > 0) return { kind: 'throttled', retryAfterMs: wait };
	}
	const configuration = await discover(provider, context);
	if (!(configuration instanceof client.Configuration)) return configuration;
	const state = client.randomState();
	const nonce = client.randomNonce();
	const codeVerifier = client.randomPKCECodeVerifier();
	const now = Date.now();
	await db.delete(ssoLogin).where(lt(ssoLogin.expiresAt, new Date(now)));
	await db.insert(ssoLogin).values({
		stateHash: hash(state),
		providerId: provider.id,
		codeVerifier,
		nonce,
		redirectTo: input.redirectTo ?? '',
		expiresAt: new Date(now + loginMinutes * 60_000)
	});
	const parameters: Record<string, string> = {
		redirect_uri: redirectUriFor(provider.id),
		scope: 'openid email profile',
		state,
		nonce,
		code_challenge: await client.calculatePKCECodeChallenge(codeVerifier),
		code_challenge_method: 'S256'
	};
	if (input.loginHint) parameters.login_hint = input.loginHint;
	return {
		kind: 'redirect',
		url: client.buildAuthorizationUrl(configuration, parameters).href,
		state
	};
}

/** The provider's configuration by discovery, or the refusal when it cannot be read. */
async function discover(
	provider: SsoProvider,
	context: Context
): Promise<client.Configuration | Refusal> {
	try {
		return await configurationFor(provider);
	} catch (error) {
		return await refuse(
			failure(error instanceof SecretUnreadable ? 'sso.secretUnreadable' : 'sso.providerDown'),
			provider,
			context,
			{ step: 'discovery', error: describeError(error) }
		);
	}
}

/** A short, log-safe description of an error from openid-client or the network. */
function describeError(error: unknown): Record<string, unknown> {
	if (!(error instanceof Error)) return { message: String(error) };
	const out: Record<string, unknown> = { name: error.name, message: error.message.slice(0, 200) };
	const code = (error as { code?: unknown }).code;
	if (typeof code === 'string') out.code = code;
	const cause = error.cause as { claim?: unknown; code?: unknown } | undefined;
	if (cause && typeof cause === 'object' && typeof cause.claim === 'string')
		out.claim = cause.claim;
	if (error.cause instanceof Error) out.cause = error.cause.message.slice(0, 200);
	return out;
}

/** Which refusal an error from the code exchange and ID-token checks is. */
function refusalFor(error: unknown): Failure {
	if (error instanceof client.AuthorizationResponseError) return failure('sso.providerRefused');
	if (isUnreachable(error)) return failure('sso.providerDown');
	const code = (error as { code?: unknown }).code;
	const cause = error instanceof Error ? error.cause : undefined;
	const message = cause instanceof Error ? cause.message : '';
	if (code === 'OAUTH_JWT_TIMESTAMP_CHECK_FAILED') return failure('sso.tokenExpired');
	if (code === 'OAUTH_INVALID_RESPONSE' && /state/i.test(message)) return failure('sso.state');
	return failure('sso.tokenRejected');
}

/**
 * Handles the provider's answer at the callback. `cookieState` is the state the browser kept;
 * the sign-in it names is used once, whatever the outcome.
 */
export async function completeSignIn(
	input: { providerId: number; callbackUrl: URL; cookieState: string | undefined },
	context: Context
): Promise<CompleteResult> {
	const provider = await getProvider(input.providerId);
	if (!provider) return await refuse(failure('sso.unknownProvider'), undefined, context);
	const login = input.cookieState
		? await first(
				db
					.delete(ssoLogin)
					.where(
						and(
							eq(ssoLogin.stateHash, hash(input.cookieState)),
							eq(ssoLogin.providerId, provider.id)
						)
					)
					.returning()
			)
		: undefined;
	if (!login || login.expiresAt.getTime() <= Date.now()) {
		return await refuse(failure('sso.state'), provider, context, {
			step: login ? 'expired' : 'no_login'
		});
	}
	const configuration = await discover(provider, context);
	if (!(configuration instanceof client.Configuration)) return configuration;
	let tokens: Awaited<ReturnType<typeof client.authorizationCodeGrant>>;
	try {
		tokens = await client.authorizationCodeGrant(configuration, input.callbackUrl, {
			pkceCodeVerifier: login.codeVerifier,
			expectedState: input.cookieState,
			expectedNonce: login.nonce,
			idTokenExpected: true
		});
	} catch (error) {
		return await refuse(refusalFor(error), provider, context, {
			step: 'token',
			error: describeError(error)
		});
	}
	if (context.address) await startThrottle.refund(`sso-start:${context.address}`);
	const claims = tokens.claims();
	if (!claims)
		return await refuse(failure('sso.tokenRejected'), provider, context, { step: 'claims' });
	let email = typeof claims.email === 'string' ? claims.email : undefined;
	let verified = claims.email_verified;
	let name = typeof claims.name === 'string' ? claims.name : undefined;
	if (!email && tokens.access_token) {
		try {
			const info = await client.fetchUserInfo(configuration, tokens.access_token, claims.sub);
			email = typeof info.email === 'string' ? info.email : undefined;
			verified = info.email_verified;
			name ??= typeof info.name === 'string' ? info.name : undefined;
		} catch (error) {
			return await refuse(refusalFor(error), provider, context, {
				step: 'userinfo',
				error: describeError(error)
			});
		}
	}
	const mfa = Array.isArray(claims.amr) && claims.amr.includes('mfa');
	const issuer = claims.iss;
	const linked = await first(
		db
			.select({ userId: ssoIdentity.userId })
			.from(ssoIdentity)
			.where(and(eq(ssoIdentity.issuer, issuer), eq(ssoIdentity.sub, claims.sub)))
	);
	const subject = { issuer, sub: claims.sub };
	if (linked) {
		const found = await getUser(linked.userId);
		if (!found || found.disabledAt) {
			return await refuse(
				failure('sso.accountDisabled'),
				provider,
				context,
				subject,
				linked.userId
			);
		}
		return await openSession(found, provider, { mfa, redirectTo: login.redirectTo }, context);
	}
	// A first sign-in: nothing is linked or created unless the provider vouches for the address.
	if (!email) return await refuse(failure('sso.noEmail'), provider, context, subject);
	email = email.trim().toLowerCase();
	if (verified !== true) {
		return await refuse(failure('sso.emailUnverified'), provider, context, { ...subject, email });
	}
	if (!provider.domains.includes(domainOf(email))) {
		return await refuse(failure('sso.domainNotVouched'), provider, context, { ...subject, email });
	}
	const existing = await findUserByEmail(email);
	if (existing) {
		if (existing.disabledAt) {
			return await refuse(failure('sso.accountDisabled'), provider, context, subject, existing.id);
		}
		await transaction(async (tx) => {
			await tx
				.insert(ssoIdentity)
				.values({ providerId: provider.id, issuer, sub: claims.sub, userId: existing.id });
			const member = await first(
				tx
					.select({ id: membership.id })
					.from(membership)
					.where(
						and(
							eq(membership.userId, existing.id),
							eq(membership.organisationId, provider.organisationId)
						)
					)
			);
			// Placed in the organisation as a learner when not yet in it; never a staff role.
			if (!member) {
				await tx.insert(membership).values({
					userId: existing.id,
					organisationId: provider.organisationId,
					role: 'learner',
					audience: existing.audience
				});
			}
		});
		await recordAudit({
			action: 'sso.linked',
			actorUserId: existing.id,
			targetType: 'user',
			targetId: existing.id,
			organisationId: provider.organisationId,
			requestId: context.requestId,
			details: { providerId: provider.id, issuer }
		});
		return await openSession(existing, provider, { mfa, redirectTo: login.redirectTo }, context);
	}
	const pendingToken = randomToken(32);
	const now = Date.now();
	await db.delete(ssoPending).where(lt(ssoPending.expiresAt, new Date(now)));
	await db.insert(ssoPending).values({
		tokenHash: hash(pendingToken),
		providerId: provider.id,
		sub: claims.sub,
		email,
		name: (name?.trim() || email.split('@')[0]).slice(0, 120),
		expiresAt: new Date(now + loginMinutes * 60_000)
	});
	return { kind: 'chooseAudience', pendingToken };
}
